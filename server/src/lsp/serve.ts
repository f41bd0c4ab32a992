import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { createTransport, keepStdoutForProtocol } from './transport';

/**
 * `disclosure-lint-server` on the transport its command line names, with the reader guarded
 * (`--max-message-bytes`); pages are linted in threads of the same bundle.
 */
export function serve(): void {
	const transport = createTransport();
	if (transport.stdio) keepStdoutForProtocol();
	const state = startServer(createConnection(ProposedFeatures.all, transport.reader, transport.writer), {
		// The bundle starts its own lint threads; from source (tsx) there is no bundle to start, and pages are linted in this thread.
		workerScript: __filename.endsWith('.js') ? __filename : undefined,
	});
	transport.setLog((line) => {
		if (state.initialized) state.connection.console.error(line);
	});
	// The client closed the input: the server ends (with 1 when it was not shut down first, as LSP says).
	const end = (): void => process.exit(state.shutdownReceived ? 0 : 1);
	transport.input?.on('end', end);
	transport.input?.on('close', end);
}
