import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Engine, EngineOptions } from '../core/engine';
import type { FileReport } from './formatters/types';

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
	const config = engine.configFor(file);
	const locale = engine.localeFor(config);
	let bytes: Uint8Array;
	try {
		bytes = fs.readFileSync(file);
	} catch (err) {
		const result = engine.lintBytes(file, new Uint8Array([0]));
		for (const f of result.findings) {
			f.messageId = 'unreadable';
			f.args = { detail: (err as Error).message };
		}
		return { filePath: file, findings: result.findings, locale };
	}
	return { filePath: file, findings: engine.lintBytes(file, bytes).findings, locale };
}

/**
 * Lint files, in worker threads across the cores when there are enough of them.
 * Results come back in the order of `files`.
 */
export async function lintFiles(engine: Engine, files: string[], threads?: number): Promise<FileReport[]> {
	const workerScript = path.join(__dirname, 'worker.js');
	const n = threads ?? (files.length >= PARALLEL_THRESHOLD ? Math.min(os.availableParallelism(), 8) : 1);
	if (n <= 1 || !fs.existsSync(workerScript)) return files.map((f) => lintFile(engine, f));
	return runPool(workerScript, engine.options, files, Math.min(n, Math.ceil(files.length / BATCH)));
}

function runPool(script: string, options: EngineOptions, files: string[], n: number): Promise<FileReport[]> {
	const results: FileReport[][] = [];
	const batches: string[][] = [];
	for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
	let next = 0;
	let done = 0;
	return new Promise((resolve, reject) => {
		const workers: Worker[] = [];
		const finish = (err?: Error) => {
			for (const w of workers) void w.terminate();
			if (err) reject(err);
			else resolve(results.flat());
		};
		const feed = (w: Worker) => {
			if (next < batches.length) {
				const id = next++;
				w.postMessage({ id, files: batches[id] } satisfies WorkerRequest);
			}
		};
		for (let i = 0; i < n; i++) {
			const w = new Worker(script, { workerData: options });
			workers.push(w);
			w.on('message', (msg: WorkerResponse) => {
				results[msg.id] = msg.reports;
				done++;
				if (done === batches.length) finish();
				else feed(w);
			});
			w.on('error', (err) => finish(new Error(`a lint worker failed: ${err.message}`, { cause: err })));
			feed(w);
		}
	});
}
