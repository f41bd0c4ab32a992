import { pathToFileURL } from 'node:url';
import { Engine, type EngineOptions } from '../core/engine';
import type { PageResult } from '../core/lint';
import type { Verdict } from '../core/links/verdict';
import type { Host } from '../core/types';
import { fsHost } from '../node/fsHost';
import { lintFromDisk } from '../node/readPage';
import { checklistPage } from './checklist';
import { toDiagnostic } from './convert';
import type { FromWorker, LintJob, PageOutcome, ToWorker } from './workerProtocol';

/**
 * What a lint thread does (docs/architecture.md#language-server): it mirrors the open documents
 * (they stand in for their files on disk, so links to unsaved pages see their unsaved text), keeps
 * one {@link Engine} per option set with its caches and incremental parses, and answers each job
 * with the page's diagnostics and what the server keeps of it. Runs in a worker thread, or in the
 * server's own thread where no worker script is at hand (tests from source).
 */
export class PageLinter {
	private readonly docs = new Map<string, { version: number; text: string }>();
	private readonly engines = new Map<string, Engine>();
	private readonly verdicts = new Map<string, Verdict>();
	/** A host where open documents stand in for the files on disk (unsaved text counts). */
	private readonly host: Host = {
		readFile: (p) => this.open(p)?.text ?? fsHost.readFile(p),
		fileExists: (p) => Boolean(this.open(p)) || fsHost.fileExists(p),
		readDir: (p) => fsHost.readDir(p),
		mtime: (p) => {
			const d = this.open(p);
			return d ? -d.version : fsHost.mtime(p);
		},
		realpath: (p) => fsHost.realpath!(p),
	};

	private open(p: string): { version: number; text: string } | undefined {
		return this.docs.size ? this.docs.get(pathToFileURL(p).href) : undefined;
	}

	/** Handle one message; the answer to a `lint`. */
	handle(msg: ToWorker): FromWorker | undefined {
		switch (msg.type) {
			case 'doc':
				this.docs.set(msg.uri, { version: msg.version, text: msg.text });
				return undefined;
			case 'close':
				this.docs.delete(msg.uri);
				if (msg.file) for (const e of this.engines.values()) e.forget(msg.file);
				return undefined;
			case 'verdicts':
				for (const [u, v] of msg.entries) this.verdicts.set(u, v);
				return undefined;
			case 'reset':
				this.engines.clear();
				return undefined;
			case 'lint':
				try {
					return this.lint(msg.id, msg.engine, msg.job);
				} catch (err) {
					return { type: 'failed', id: msg.id, error: (err as Error).stack ?? String(err) };
				}
		}
	}

	private engineFor(options: EngineOptions): Engine {
		const key = JSON.stringify(options);
		let e = this.engines.get(key);
		if (!e) this.engines.set(key, (e = new Engine(this.host, options)));
		return e;
	}

	private lint(id: number, options: EngineOptions, job: LintJob): FromWorker {
		const engine = this.engineFor(options);
		let result: PageResult;
		if (job.kind === 'buffer') {
			const doc = this.docs.get(job.uri);
			if (!doc || doc.version !== job.version) return { type: 'stale', id };
			result = engine.lintText(job.file, doc.text, {
				incremental: true,
				verdicts: job.online ? this.verdicts : undefined,
			});
		} else {
			result = lintFromDisk(engine, job.file);
		}
		return { type: 'done', id, outcome: outcomeOf(engine, result) };
	}
}

/** What the server keeps of a lint: the diagnostics in the page's language, and the page's facts without its parse. */
export function outcomeOf(engine: Engine, result: PageResult): PageOutcome {
	const locale = engine.localeFor(engine.configFor(result.path));
	return {
		path: result.path,
		findings: result.findings,
		diagnostics: result.findings.map((f) => toDiagnostic(f, result.document.lines, locale)),
		topic: result.topic,
		sections: result.sections,
		externalUrls: result.externalUrls,
		meta: result.meta,
		checklist: checklistPage(result),
	};
}
