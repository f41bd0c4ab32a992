/* eslint-disable @typescript-eslint/no-require-imports -- one bundle is the server or one of its lint threads: each loads only its own modules */
import { isMainThread, workerData } from 'node:worker_threads';
import type * as Serve from './serve';
import type * as WorkerEntry from './workerEntry';
import { isLintWorkerData } from './workerProtocol';

/**
 * `disclosure-lint-server`: --stdio (default), --node-ipc, --socket=N or --pipe=NAME, as
 * vscode-languageserver reads them; `--max-message-bytes=N` caps a message's size. The same bundle
 * (dist/server.js) runs the server's lint threads: started with their `workerData`, it lints and
 * loads nothing of the server.
 */
if (!isMainThread && isLintWorkerData(workerData)) (require('./workerEntry') as typeof WorkerEntry).runLintWorker();
else (require('./serve') as typeof Serve).serve();
