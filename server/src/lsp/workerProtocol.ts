import type { Diagnostic } from 'vscode-languageserver';
import type { EngineOptions } from '../core/engine';
import type { PageMeta } from '../core/lint';
import type { Verdict } from '../core/links/verdict';
import type { Finding } from '../core/types';
import type { ChecklistPage } from './checklist';

/**
 * The messages between the language server and its lint threads (docs/architecture.md#language-server).
 * Everything here is plain data: it crosses the thread boundary by structured clone.
 */

/** `workerData` of a lint thread: dist/server.js runs as a lint thread when it sees this. */
export interface LintWorkerData {
	disclosureLintLspWorker: true;
	/** Lower the thread's scheduling priority by this much (Linux: `nice` of the thread alone), so it yields the cores to the editor's work. */
	nice?: number;
}

export function isLintWorkerData(x: unknown): x is LintWorkerData {
	return !!x && typeof x === 'object' && (x as LintWorkerData).disclosureLintLspWorker === true;
}

/** A page to lint: an open document's buffer (at a version) or a file on disk. */
export type LintJob =
	| { kind: 'buffer'; uri: string; file: string; version: number; online: boolean }
	| { kind: 'disk'; file: string };

/** Server → thread. Documents and verdicts arrive before the jobs that need them (one port, in order). */
export type ToWorker =
	/** An open document's text at a version (it stands in for the file on disk). */
	| { type: 'doc'; uri: string; version: number; text: string }
	/** The document was closed: its text and incremental parse are dropped. */
	| { type: 'close'; uri: string; file?: string }
	/** Online link results to lint with. */
	| { type: 'verdicts'; entries: [string, Verdict][] }
	/** Configuration, ignore or schema files changed: every engine is made again. */
	| { type: 'reset' }
	| { type: 'lint'; id: number; engine: EngineOptions; job: LintJob };

/** What the server keeps of a page's lint (its parsed document stays in the thread). */
export interface PageOutcome {
	path: string;
	/** The findings (with their fixes as offsets), in the order of `diagnostics`. */
	findings: Finding[];
	diagnostics: Diagnostic[];
	topic?: string;
	sections?: string[];
	externalUrls?: string[];
	meta?: PageMeta;
	/** What the disclosure checklist keeps of the page; absent when the lint was stopped. */
	checklist?: ChecklistPage;
	/** Set when the lint was stopped (over its time or memory budget): `diagnostics` says so. */
	stopped?: 'time' | 'memory' | 'crash';
}

/** Thread → server: one answer per `lint`, in order. */
export type FromWorker =
	| { type: 'done'; id: number; outcome: PageOutcome }
	/** A buffer job whose version the thread does not have any more (a newer edit came): nothing to publish. */
	| { type: 'stale'; id: number }
	| { type: 'failed'; id: number; error: string };
