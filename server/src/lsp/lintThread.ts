import { Worker } from 'node:worker_threads';
import type { EngineOptions } from '../core/engine';
import type { Verdict } from '../core/links/verdict';
import { PageLinter } from './pageLinter';
import type { FromWorker, LintJob, LintWorkerData, PageOutcome, ToWorker } from './workerProtocol';

/** How a job ended. */
export type Settled =
	| { kind: 'done'; outcome: PageOutcome }
	/** A buffer job for a version that is no longer the document's: a newer edit supersedes it. */
	| { kind: 'stale' }
	/** The thread was stopped while on this job: over the time budget, out of memory, or it died. */
	| { kind: 'stopped'; reason: 'time' | 'memory' | 'crash'; detail: string }
	/** The lint threw (a bug): the thread goes on with the next job. */
	| { kind: 'failed'; error: string };

export interface ThreadOptions {
	/** For log lines. */
	name: string;
	/** The worker script (dist/server.js); undefined: lint in the server's own thread, with no budget. */
	script?: string;
	/** A job running longer than this stops the thread; the job's page gets a finding that says so. */
	timeoutMs: number;
	/** The thread's heap limit (resourceLimits.maxOldGenerationSizeMb); undefined: Node's default. */
	memoryMb?: number;
	/** Jobs handed to the thread at once: two keep it busy between answers, one keeps the queue in the server. */
	depth: number;
	/** A thread with nothing to do for this long is stopped (its memory given back); undefined: kept. */
	idleMs?: number;
	/** Run the thread at a lower priority (a background thread: the editor's work goes first). */
	nice?: number;
	/** An open document as the server has it now. */
	document(uri: string): { version: number; getText(): string } | undefined;
	/** Every open document's URI (a new thread gets them all). */
	openDocuments(): string[];
	/** Every online link result so far (a new thread gets them all). */
	verdicts(): [string, Verdict][];
	log(line: string): void;
}

interface Pending {
	id: number;
	job: LintJob;
	engine: EngineOptions;
	/** Jobs with the same key supersede each other while queued (one page's edits). */
	key?: string;
	/** A run of jobs that can be cancelled together (one workspace lint). */
	tag?: number;
	resolve(settled: Settled | undefined): void;
}

/** A thread the jobs run on: a worker, or the server's own thread. */
interface Port {
	post(msg: ToWorker): void;
	terminate(): void;
	/** A worker can be stopped mid-job; the server's own thread cannot. */
	readonly stoppable: boolean;
	ready: boolean;
}

/** After this many crashes in a row with no job done, the thread's script is taken as broken. */
const MAX_CRASHES = 3;

/**
 * One lint thread and its queue (docs/architecture.md#language-server). Jobs run one after another
 * in a worker thread, so the server's own thread — typing, hover, completion, code actions — never
 * waits on a lint. A job that runs longer than the budget (or exhausts the thread's memory) has
 * the thread terminated: the job settles as `stopped`, a new thread takes the rest of the queue.
 * A newer edit of a page supersedes its queued lint, and a buffer job whose version is gone by the
 * time it would start is `stale`, so no old result is computed, let alone published.
 */
export class LintThread {
	private port?: Port;
	private readonly queue: Pending[] = [];
	private readonly running: Pending[] = [];
	private timer?: NodeJS.Timeout;
	private idleTimer?: NodeJS.Timeout;
	/** Open documents whose text the thread does not have yet. */
	private readonly dirty = new Set<string>();
	private nextId = 1;
	private crashes = 0;
	private script: string | undefined;
	private disposed = false;

	constructor(private readonly options: ThreadOptions) {
		this.script = options.script;
	}

	/** Whether a job over its budget can be stopped (a worker thread runs the jobs). */
	get stoppable(): boolean {
		return this.script !== undefined;
	}

	/** Queue a job (first, with `urgent`); undefined when it was superseded or cancelled before it ran. */
	submit(
		job: LintJob,
		engine: EngineOptions,
		opts: { key?: string; tag?: number; urgent?: boolean } = {},
	): Promise<Settled | undefined> {
		return new Promise((resolve) => {
			if (this.disposed) return resolve(undefined);
			if (opts.key !== undefined) {
				for (let i = this.queue.length - 1; i >= 0; i--)
					if (this.queue[i].key === opts.key) this.queue.splice(i, 1)[0].resolve(undefined);
			}
			const p: Pending = { id: this.nextId++, job, engine, key: opts.key, tag: opts.tag, resolve };
			if (opts.urgent) this.queue.unshift(p);
			else this.queue.push(p);
			this.pump();
		});
	}

	/** Drop the queued jobs of a run (they settle as undefined); a job already running finishes. */
	cancel(tag: (tag: number | undefined) => boolean): void {
		for (let i = this.queue.length - 1; i >= 0; i--)
			if (tag(this.queue[i].tag)) this.queue.splice(i, 1)[0].resolve(undefined);
	}

	/** An open document changed (or opened): the thread gets its text before its next job. */
	changed(uri: string): void {
		this.dirty.add(uri);
	}

	/** An open document was closed. */
	closed(uri: string, file: string | undefined): void {
		this.dirty.delete(uri);
		this.port?.post({ type: 'close', uri, file });
	}

	/** New online link results. */
	addVerdicts(entries: [string, Verdict][]): void {
		if (entries.length) this.port?.post({ type: 'verdicts', entries });
	}

	/** Configuration, ignore or schema files changed: the thread's engines are made again. */
	reset(): void {
		this.port?.post({ type: 'reset' });
	}

	/** Stop the thread; every job not done settles as undefined. */
	dispose(): void {
		this.disposed = true;
		clearTimeout(this.timer);
		clearTimeout(this.idleTimer);
		this.port?.terminate();
		this.port = undefined;
		for (const p of [...this.running.splice(0), ...this.queue.splice(0)]) p.resolve(undefined);
	}

	private pump(): void {
		clearTimeout(this.idleTimer);
		this.idleTimer = undefined;
		while (!this.disposed && this.running.length < this.options.depth && this.queue.length) {
			const p = this.queue.shift()!;
			if (p.job.kind === 'buffer' && this.options.document(p.job.uri)?.version !== p.job.version) {
				p.resolve({ kind: 'stale' });
				continue;
			}
			const port = this.ensurePort();
			this.flush(port);
			this.running.push(p);
			port.post({ type: 'lint', id: p.id, engine: p.engine, job: p.job });
			if (this.running.length === 1) this.startClock();
		}
		if (this.options.idleMs !== undefined && this.port && !this.running.length && !this.queue.length) {
			this.idleTimer = setTimeout(() => {
				if (this.running.length || this.queue.length) return;
				this.port?.terminate();
				this.port = undefined;
			}, this.options.idleMs);
			this.idleTimer.unref();
		}
	}

	/** The budget of the job at the head, from when the thread is ready for it. */
	private startClock(): void {
		clearTimeout(this.timer);
		this.timer = undefined;
		if (!this.port?.stoppable || !this.port.ready || !this.running.length) return;
		this.timer = setTimeout(() => this.stop('time', `over ${this.options.timeoutMs} ms`), this.options.timeoutMs);
	}

	private ensurePort(): Port {
		if (this.port) return this.port;
		const port = this.script ? this.workerPort(this.script) : this.inlinePort();
		this.port = port;
		for (const uri of this.options.openDocuments()) this.dirty.add(uri);
		const verdicts = this.options.verdicts();
		if (verdicts.length) port.post({ type: 'verdicts', entries: verdicts });
		return port;
	}

	private flush(port: Port): void {
		for (const uri of this.dirty) {
			const doc = this.options.document(uri);
			if (doc) port.post({ type: 'doc', uri, version: doc.version, text: doc.getText() });
		}
		this.dirty.clear();
	}

	private answer(port: Port, msg: FromWorker): void {
		if (port !== this.port) return; // a stopped thread's last words
		const p = this.running[0];
		if (!p || p.id !== msg.id) {
			this.options.log(`disclosure-lint: ${this.options.name} thread answered job ${msg.id}, expected ${p?.id}`);
			return;
		}
		this.running.shift();
		this.crashes = 0;
		this.startClock();
		if (msg.type === 'done') p.resolve({ kind: 'done', outcome: msg.outcome });
		else if (msg.type === 'stale') p.resolve({ kind: 'stale' });
		else p.resolve({ kind: 'failed', error: msg.error });
		this.pump();
	}

	/** Stop the thread: the job at the head settles as stopped, the others go back to the queue for a new thread. */
	private stop(reason: 'time' | 'memory' | 'crash', detail: string): void {
		const port = this.port;
		this.port = undefined;
		clearTimeout(this.timer);
		this.timer = undefined;
		port?.terminate();
		const head = this.running.shift();
		this.queue.unshift(...this.running.splice(0));
		const what = head ? (head.job.kind === 'buffer' ? head.job.uri : head.job.file) : 'no page';
		this.options.log(
			`disclosure-lint: ${this.options.name} lint thread stopped (${reason}: ${detail}) while on ${what}`,
		);
		if (reason === 'crash' && ++this.crashes >= MAX_CRASHES && this.script) {
			this.options.log(
				`disclosure-lint: the lint thread failed ${this.crashes} times in a row; linting in the server's thread from now on, with no time budget`,
			);
			this.script = undefined;
		}
		head?.resolve({ kind: 'stopped', reason, detail });
		this.pump();
	}

	private workerPort(script: string): Port {
		const worker = new Worker(script, {
			workerData: { disclosureLintLspWorker: true, nice: this.options.nice } satisfies LintWorkerData,
			// Over stdio the protocol owns stdout: a thread's output goes to stderr.
			stdout: true,
			stderr: true,
			...(this.options.memoryMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb } } : {}),
		});
		worker.stdout.on('data', (d: Buffer) => process.stderr.write(d));
		worker.stderr.on('data', (d: Buffer) => process.stderr.write(d));
		worker.unref();
		const port: Port = {
			post: (msg) => worker.postMessage(msg),
			terminate: () => void worker.terminate(),
			stoppable: true,
			ready: false,
		};
		worker.on('message', (msg: FromWorker | { type: 'ready' }) => {
			if (msg.type === 'ready') {
				port.ready = true;
				if (port === this.port) this.startClock();
			} else this.answer(port, msg);
		});
		worker.on('error', (err: Error & { code?: string }) => {
			if (port === this.port)
				this.stop(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', err.message);
		});
		worker.on('exit', (code) => {
			if (port === this.port) this.stop('crash', `the thread exited with code ${code}`);
		});
		return port;
	}

	private inlinePort(): Port {
		const linter = new PageLinter();
		const port: Port = {
			post: (msg) => {
				if (msg.type !== 'lint') {
					linter.handle(msg);
					return;
				}
				setImmediate(() => {
					const answer = linter.handle(msg);
					if (answer) this.answer(port, answer);
				});
			},
			terminate: () => undefined,
			stoppable: false,
			ready: true,
		};
		return port;
	}
}
