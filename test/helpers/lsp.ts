import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	StreamMessageReader,
	StreamMessageWriter,
	type DataCallback,
	type Disposable,
	type Message,
} from 'vscode-jsonrpc/node';
import {
	ConfigurationRequest,
	createProtocolConnection,
	InitializeRequest,
	InitializedNotification,
	LogMessageNotification,
	ProgressType,
	PublishDiagnosticsNotification,
	ShutdownRequest,
	ExitNotification,
	WorkDoneProgressCreateRequest,
	type ProtocolConnection,
	type ClientCapabilities,
	type InitializeResult,
	type PublishDiagnosticsParams,
	type ConfigurationParams,
} from 'vscode-languageserver-protocol';

/** The bundled server (DISCLOSURE_LINT_TEST_SERVER: another build of it, to see a test fail on older code). */
export const SERVER =
	process.env.DISCLOSURE_LINT_TEST_SERVER ?? path.resolve(__dirname, '../../bin/disclosure-lint-server.js');

/** A reader that also keeps every message it reads (responses with `id: null` included, which the connection only logs). */
class TapReader extends StreamMessageReader {
	readonly seen: Message[] = [];
	private readonly watchers: { when: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

	listen(callback: DataCallback): Disposable {
		return super.listen((m) => {
			this.seen.push(m);
			const i = this.watchers.findIndex((w) => w.when(m));
			if (i >= 0) this.watchers.splice(i, 1)[0].resolve(m);
			callback(m);
		});
	}

	/** The first message (already read or still to come) that satisfies `when`, or fail after a timeout. */
	next(when: (m: Message) => boolean, what: string, timeoutMs = 10_000): Promise<Message> {
		const found = this.seen.find(when);
		if (found) return Promise.resolve(found);
		return new Promise((resolve, reject) => {
			const watcher = {
				when,
				resolve: (m: Message) => {
					clearTimeout(timer);
					resolve(m);
				},
			};
			const timer = setTimeout(() => {
				this.watchers.splice(this.watchers.indexOf(watcher), 1);
				reject(new Error(`no ${what} within ${timeoutMs} ms`));
			}, timeoutMs);
			this.watchers.push(watcher);
		});
	}
}

export interface HarnessOptions {
	/** Extra arguments of the server. */
	args?: string[];
	env?: NodeJS.ProcessEnv;
	/** Keep the server's stderr to `logs` only (a test that makes it log on purpose). */
	quiet?: boolean;
}

/** The bundled server over stdio, driven by a real protocol connection. */
export class Harness {
	readonly child: ChildProcess;
	readonly conn: ProtocolConnection;
	readonly reader: TapReader;
	readonly configRequests: ConfigurationParams[] = [];
	readonly progress: { kind: string }[] = [];
	/** Every document diagnostics were pushed for, in order. */
	readonly pushed: string[] = [];
	/** Every publishDiagnostics, in order. */
	readonly published: PublishDiagnosticsParams[] = [];
	/** The server's window/logMessage lines and its stderr. */
	readonly logs: string[] = [];
	private ended = false;
	private onEnd?: () => void;
	private readonly waiters: {
		uri: string;
		version?: number;
		when?: (p: PublishDiagnosticsParams) => boolean;
		resolve: (p: PublishDiagnosticsParams) => void;
	}[] = [];
	private readonly logWaiters: { when: RegExp; resolve: (line: string) => void }[] = [];

	constructor(
		readonly settings: Record<string, unknown>,
		options: HarnessOptions = {},
	) {
		this.child = spawn(process.execPath, [SERVER, '--stdio', ...(options.args ?? [])], {
			stdio: ['pipe', 'pipe', 'pipe'],
			env: { ...process.env, ...options.env },
		});
		this.child.stderr!.setEncoding('utf8');
		this.child.stderr!.on('data', (text: string) => {
			for (const line of text.split('\n').filter(Boolean)) this.log(line);
			if (!options.quiet) process.stderr.write(text);
		});
		this.reader = new TapReader(this.child.stdout!);
		this.conn = createProtocolConnection(this.reader, new StreamMessageWriter(this.child.stdin!));
		this.conn.onRequest(ConfigurationRequest.type, (params) => {
			this.configRequests.push(params);
			return params.items.map(() => settings);
		});
		this.conn.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
			this.conn.onProgress(new ProgressType<{ kind: string }>(), params.token, (v) => {
				this.progress.push(v);
				if (v.kind === 'end') {
					this.ended = true;
					this.onEnd?.();
				}
			});
		});
		this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
			this.pushed.push(p.uri);
			this.published.push(p);
			const i = this.waiters.findIndex(
				(w) =>
					w.uri === p.uri && (w.version === undefined || w.version === p.version) && (!w.when || w.when(p)),
			);
			if (i >= 0) this.waiters.splice(i, 1)[0].resolve(p);
		});
		this.conn.onNotification(LogMessageNotification.type, (p) => this.log(p.message));
		this.conn.listen();
	}

	private log(line: string): void {
		this.logs.push(line);
		for (let i = this.logWaiters.length - 1; i >= 0; i--)
			if (this.logWaiters[i].when.test(line)) this.logWaiters.splice(i, 1)[0].resolve(line);
	}

	/** The first log line (window/logMessage or stderr) that matches, already written or still to come; fails after a timeout. */
	logLine(when: RegExp, timeoutMs = 10_000): Promise<string> {
		const found = this.logs.find((l) => when.test(l));
		if (found) return Promise.resolve(found);
		return new Promise((resolve, reject) => {
			const waiter = {
				when,
				resolve: (l: string) => {
					clearTimeout(timer);
					resolve(l);
				},
			};
			const timer = setTimeout(() => {
				this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
				reject(new Error(`no log line ${when} within ${timeoutMs} ms; got ${JSON.stringify(this.logs)}`));
			}, timeoutMs);
			this.logWaiters.push(waiter);
		});
	}

	/** The next diagnostics for a document (and version), or fail after a timeout — no sleeping. */
	diagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
		return this.waitFor(uri, version, undefined, `no diagnostics for ${uri} v${version}`, timeoutMs);
	}

	/** The first diagnostics for a document that satisfy `when`, or fail after a timeout. */
	diagnosticsWhere(
		uri: string,
		when: (p: PublishDiagnosticsParams) => boolean,
		timeoutMs = 10_000,
	): Promise<PublishDiagnosticsParams> {
		return this.waitFor(uri, undefined, when, `no matching diagnostics for ${uri}`, timeoutMs);
	}

	private waitFor(
		uri: string,
		version: number | undefined,
		when: ((p: PublishDiagnosticsParams) => boolean) | undefined,
		failure: string,
		timeoutMs: number,
	): Promise<PublishDiagnosticsParams> {
		return new Promise((resolve, reject) => {
			const waiter = {
				uri,
				version,
				when,
				resolve: (p: PublishDiagnosticsParams) => {
					clearTimeout(timer);
					resolve(p);
				},
			};
			const timer = setTimeout(() => {
				this.waiters.splice(this.waiters.indexOf(waiter), 1); // a timed-out waiter must not take a later notification
				reject(new Error(failure));
			}, timeoutMs);
			this.waiters.push(waiter);
		});
	}

	/** Resolves when a work-done progress has ended; fails after a timeout. */
	progressEnd(timeoutMs = 10_000): Promise<void> {
		if (this.ended) return Promise.resolve();
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error('no end of progress')), timeoutMs);
			this.onEnd = () => {
				clearTimeout(timer);
				resolve();
			};
		});
	}

	/** initialize + initialized for a workspace folder. */
	async initialize(
		dir: string,
		capabilities: ClientCapabilities,
		extra: { locale?: string; initializationOptions?: unknown } = {},
	): Promise<InitializeResult> {
		const uri = pathToFileURL(dir).href;
		const result = await this.conn.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: uri,
			workspaceFolders: [{ uri, name: 'site' }],
			capabilities,
			...extra,
		});
		await this.conn.sendNotification(InitializedNotification.type, {});
		return result;
	}

	/** Bytes straight onto the server's input, between the connection's own messages. */
	writeRaw(bytes: string | Buffer): Promise<void> {
		return new Promise((resolve, reject) =>
			this.child.stdin!.write(bytes, (err) => (err ? reject(err) : resolve())),
		);
	}

	/** The server's peak resident memory so far, in MB (Linux). */
	peakRssMB(): number {
		const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
		return Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? NaN) / 1024;
	}

	async close(): Promise<void> {
		await this.conn.sendRequest(ShutdownRequest.type);
		await this.conn.sendNotification(ExitNotification.type);
		if (this.child.exitCode === null) await new Promise((r) => this.child.once('exit', r));
		this.conn.dispose();
	}
}
