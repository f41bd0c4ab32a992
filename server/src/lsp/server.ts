import {
	CodeActionKind,
	ProposedFeatures,
	TextDocumentSyncKind,
	createConnection,
	type Connection,
} from 'vscode-languageserver/node';
import { fileURLToPath } from 'node:url';
import { registerActions } from './actions';
import { registerAssist } from './assist';
import { LINT_WORKSPACE_COMMAND, registerCommands } from './commands';
import { registerDiagnostics } from './diagnostics';
import { initOptions } from './settings';
import { ServerState, type ServerOptions } from './state';
import { WorkspaceLint, registerWorkspace } from './workspace';

export { LINT_WORKSPACE_COMMAND } from './commands';
export type { Settings } from './settings';

/**
 * Start the language server on a connection (stdio, node-ipc or socket, from the command line):
 * the state ({@link ServerState}) and one module per group of handlers — open documents and their
 * diagnostics, code actions, hover and completion, the workspace lint, commands and requests.
 * Pages are linted in lint threads (`options.workerScript`), so no lint ever blocks a request.
 */
export function startServer(
	connection: Connection = createConnection(ProposedFeatures.all),
	options: ServerOptions = {},
): ServerState {
	const state = new ServerState(connection, options);
	const workspace = new WorkspaceLint(state);

	connection.onInitialize((params) => {
		state.initialized = true;
		const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
		if (folder?.startsWith('file:')) state.root = fileURLToPath(folder);
		state.clientLocale = /^th\b/i.test(params.locale ?? '') ? 'th' : 'en';
		state.canConfigure = Boolean(params.capabilities.workspace?.configuration);
		state.canRegisterConfig = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
		state.canPull = Boolean(params.capabilities.textDocument?.diagnostic);
		state.canProgress = Boolean(params.capabilities.window?.workDoneProgress);
		state.init = initOptions(params.initializationOptions);
		state.startThreads();
		return {
			capabilities: {
				textDocumentSync: {
					openClose: true,
					change: TextDocumentSyncKind.Incremental,
					save: { includeText: false },
				},
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.disclosure-lint'] },
				hoverProvider: true,
				executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
				completionProvider: { triggerCharacters: [':', ' '] },
				codeLensProvider: { resolveProvider: false },
				...(state.canPull
					? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } }
					: {}),
			},
			serverInfo: { name: 'disclosure-lint' },
		};
	});
	connection.onShutdown(() => {
		state.shutdownReceived = true;
		for (const t of state.threads) t.dispose();
	});

	registerWorkspace(state, workspace);
	registerCommands(state, workspace);
	registerDiagnostics(state);
	registerActions(state);
	registerAssist(state);
	state.documents.listen(connection);
	connection.listen();
	return state;
}
