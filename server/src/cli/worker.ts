import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type EngineOptions } from '../core/engine';
import { fsHost } from '../node/fsHost';
import { lintFile, type WorkerRequest, type WorkerResponse } from './pool';

/** A lint worker: its own engine (caches, compiled schemas), files in, findings out. */
const engine = new Engine(fsHost, workerData as EngineOptions);
parentPort!.on('message', (req: WorkerRequest) => {
	const reports = req.files.map((f) => lintFile(engine, f));
	parentPort!.postMessage({ id: req.id, reports } satisfies WorkerResponse);
});
