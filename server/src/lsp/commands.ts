import { CHECKLIST_REQUEST, reviewLens, type Checklist } from './checklist';
import type { ServerState } from './state';
import type { WorkspaceLint } from './workspace';

/** The server command that lints the whole workspace again (the extension's "Lint workspace"). */
export const LINT_WORKSPACE_COMMAND = 'disclosure-lint.server.lintWorkspace';

/** Commands and the server's own requests: *Lint workspace*, the review code lens, the disclosure checklist. */
export function registerCommands(state: ServerState, workspace: WorkspaceLint): void {
	const { connection, documents } = state;

	connection.onExecuteCommand(async (params) => {
		state.ready();
		if (params.command === LINT_WORKSPACE_COMMAND) await workspace.run();
	});

	/** When the page was last reviewed and when its next review is due, on its first line. */
	connection.onCodeLens(async (params) => {
		state.ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return [];
		const settings = await state.settingsFor(doc.uri);
		const engine = state.engineFor(settings);
		const result = await state.resultFor(doc, settings);
		const title = result && reviewLens(result, engine.localeFor(engine.configFor(state.fileOf(doc.uri))));
		return title
			? [
					{
						range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
						command: { title, command: '' },
					},
				]
			: [];
	});

	connection.onRequest(CHECKLIST_REQUEST, async (): Promise<Checklist> => {
		state.ready();
		return state.checklist.compute();
	});
}
