import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HtmlPageResult } from '../core/html/lint';
import type { PageResult } from '../core/lint';
import type { Locale } from '../core/types';
import type { Engine } from '../core/engine';
import type { FileReport } from './formatters/types';
import { lintFromDisk } from '../node/readPage';

/** Below this many files, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 150;
/** Files per message: large enough to amortise messaging, small enough to balance the load. */
const BATCH = 24;

/** A request to a worker. */
export interface WorkerRequest {
	id: number;
	files: string[];
}

/** A worker's answer. */
export interface WorkerResponse {
	id: number;
	reports: FileReport[];
}

/** Lint one file from disk with an engine. Unreadable files become a `file-unreadable` finding. */
export function lintFile(engine: Engine, file: string): FileReport {
	return fileReport(file, lintFromDisk(engine, file), engine.localeFor(engine.configFor(file)));
}

/** A page's result as the CLI reports it (for the formats, the site check, the report and the cache). */
export function fileReport(filePath: string, result: PageResult | HtmlPageResult, locale: Locale): FileReport {
	return {
		filePath,
		findings: result.findings,
		locale,
		topic: result.topic,
		sections: result.sections,
		urls: result.externalUrls,
		meta: result.meta,
		dependencies: result.dependencies,
		...('html' in result && { html: result.html }),
	};
}

/**
 * Lint files across the cores when there are enough of them: the main thread lints too, beside
 * `n - 1` worker threads (a worker costs a bundle load and its own compiled schemas, so the main
 * thread is not left idle). Results come back in the order of `files`.
 */
export async function lintFiles(
	engine: Engine,
	files: string[],
	threads?: number,
	progress?: (done: number, total: number) => void,
): Promise<FileReport[]> {
	const workerScript = path.join(__dirname, 'worker.js');
	const n = Math.min(
		threads ?? (files.length >= PARALLEL_THRESHOLD ? Math.min(os.availableParallelism(), 8) : 1),
		Math.ceil(files.length / BATCH),
	);
	if (n <= 1 || !fs.existsSync(workerScript)) {
		return files.map((f, i) => {
			if (i % BATCH === 0) progress?.(i, files.length);
			return lintFile(engine, f);
		});
	}
	return runPool(workerScript, engine, files, n - 1, progress);
}

async function runPool(
	script: string,
	engine: Engine,
	files: string[],
	workerCount: number,
	progress?: (done: number, total: number) => void,
): Promise<FileReport[]> {
	const results: FileReport[][] = [];
	const batches: string[][] = [];
	for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
	let next = 0;
	let pending = 0;
	let done = 0;
	const tick = (n: number): void => {
		done += n;
		progress?.(done, files.length);
	};
	let failure: Error | undefined;
	let wake: (() => void) | undefined;
	const workers: Worker[] = [];
	// Each worker holds two batches so it never waits while the main thread is busy linting.
	const feed = (w: Worker): void => {
		if (next >= batches.length) return;
		const id = next++;
		pending++;
		w.postMessage({ id, files: batches[id] } satisfies WorkerRequest);
	};
	for (let i = 0; i < workerCount; i++) {
		const w = new Worker(script, { workerData: engine.options });
		workers.push(w);
		w.on('message', (msg: WorkerResponse) => {
			results[msg.id] = msg.reports;
			tick(msg.reports.length);
			pending--;
			feed(w);
			wake?.();
		});
		w.on('error', (err) => {
			failure = new Error(`a lint worker failed: ${err.message}`, { cause: err });
			wake?.();
		});
		feed(w);
		feed(w);
	}
	try {
		while (next < batches.length && !failure) {
			const id = next++;
			results[id] = batches[id].map((f) => lintFile(engine, f));
			tick(batches[id].length);
			await new Promise<void>((resolve) => setImmediate(resolve));
		}
		while (pending > 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
	} finally {
		for (const w of workers) void w.terminate();
	}
	if (failure) throw failure;
	return results.flat();
}
