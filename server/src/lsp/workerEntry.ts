import * as fs from 'node:fs';
import * as os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { PageLinter } from './pageLinter';
import type { LintWorkerData, ToWorker } from './workerProtocol';

/**
 * A lint thread of the language server: dist/server.js started with {@link LintWorkerData}. It
 * answers jobs one at a time, in order; the server stops it (`terminate`) when a page runs over
 * its budget.
 */
export function runLintWorker(): void {
	lowerPriority((workerData as LintWorkerData).nice);
	const linter = new PageLinter();
	parentPort!.on('message', (msg: ToWorker) => {
		const answer = linter.handle(msg);
		if (answer) parentPort!.postMessage(answer);
	});
	// Loaded: the server starts the first job's clock now, not counting the thread's start-up.
	parentPort!.postMessage({ type: 'ready' });
}

/**
 * Lower this thread's priority: on Linux a thread has its own nice value, set through its thread id
 * (from /proc/thread-self). Elsewhere, or where it is not allowed, nothing changes.
 */
function lowerPriority(nice: number | undefined): void {
	if (!nice || process.platform !== 'linux') return;
	try {
		const tid = Number(/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
		if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, Math.min(19, os.getPriority(tid) + nice));
	} catch {
		// not allowed or not there: the thread keeps its priority
	}
}
