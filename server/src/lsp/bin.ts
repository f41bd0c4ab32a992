import { startServer } from './server';

/** `disclosure-lint-server`: --stdio (default), --node-ipc or --socket=N, as vscode-languageserver reads them. */
if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) process.argv.push('--stdio');
startServer();
