import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { checkLinksLater } from './links';
import type { ServerState } from './state';

/**
 * Open documents and their diagnostics: pushed after a debounce with the document version when the
 * client cannot pull, pulled (`textDocument/diagnostic`) when it can; a result for an old version is
 * dropped, never sent. A closed page of the workspace gets its saved file's findings again.
 */
export function registerDiagnostics(state: ServerState): void {
	const { connection, documents } = state;

	documents.onDidOpen((e) => {
		// A pull client now pulls this page: the findings pushed for it while it was closed would show twice.
		if (state.canPull && state.workspaceFiles.size)
			void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
		state.schedule(e.document);
		checkLinksLater(state, e.document);
	});
	documents.onDidSave((e) => checkLinksLater(state, e.document));
	documents.onDidChangeContent((e) => {
		for (const t of state.threads) t.changed(e.document.uri);
		state.schedule(e.document);
	});
	documents.onDidClose((e) => {
		state.forget(e.document.uri);
		// A closed page of the workspace keeps its findings in the Problems panel: those of the saved file
		// (an unsaved edit is gone with the buffer). A pull client drops its pulled ones on close, so
		// they are pushed in both modes. Other pages (outside the workspace, ignored) are cleared.
		const file = e.document.uri.startsWith('file:') ? fileURLToPath(e.document.uri) : undefined;
		if (file && state.workspaceFiles.has(file) && fs.existsSync(file))
			void publishSaved(state, e.document.uri, file);
		else if (!state.canPull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
	});

	connection.languages.diagnostics.on(async (params, token) => {
		state.ready();
		const doc = documents.get(params.textDocument.uri);
		// The client cancels a pull when the page changes again; it will pull the newer version. Yield once
		// first, so that a cancellation or a change already waiting in the input is seen before linting.
		await new Promise((resolve) => setImmediate(resolve));
		const items = doc ? await state.lintDocument(doc, token) : [];
		if (items === undefined)
			throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the page changed', { retriggerRequest: true });
		return { kind: DocumentDiagnosticReportKind.Full, items };
	});
}

/** Push the findings of a page as saved on disk. */
async function publishSaved(state: ServerState, uri: string, file: string): Promise<void> {
	try {
		const settings = await state.settingsFor(uri);
		if (state.documents.get(uri)) return; // opened again meanwhile: the buffer's result rules
		const outcome = await state.lintFile(file, settings, state.editThread, undefined, true);
		if (!outcome || state.documents.get(uri)) return;
		if (outcome.checklist) state.checklist.note(file, outcome.checklist);
		state.publishFromDisk(uri, outcome);
	} catch (err) {
		state.log(`disclosure-lint: ${uri}: ${(err as Error).stack ?? err}`);
	}
}
