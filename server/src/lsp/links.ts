import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkKey } from '../core/links/verdict';
import { OnlineLinks } from '../node/onlineLinks';
import type { ServerState } from './state';

/**
 * Online mode: check the external links of an open page (on open and on save, not while typing a
 * URL), reusing the link cache the CLI shares; when verdicts arrive, lint the page again.
 */
async function checkLinks(state: ServerState, doc: TextDocument): Promise<void> {
	const settings = await state.settingsFor(doc.uri);
	if (!state.isOnline(settings)) return;
	const result = await state.resultFor(doc, settings);
	if (!result) return;
	const links = state.engineFor(settings).configFor(state.fileOf(doc.uri)).links;
	const cacheKey = JSON.stringify(links);
	let online = state.linkCheckers.get(cacheKey);
	if (!online) state.linkCheckers.set(cacheKey, (online = new OnlineLinks(links, state.root)));
	const { verdicts: known, todo } = online.known(
		(result.externalUrls ?? []).filter((u) => !state.verdicts.has(checkKey(u))),
	);
	state.addVerdicts(known);
	const fresh = await online.check(todo);
	state.addVerdicts(fresh);
	if (!known.size && !fresh.size) return;
	state.invalidate();
	if (state.canPull) void state.connection.languages.diagnostics.refresh();
	else for (const d of state.documents.all()) state.schedule(d);
}

export function checkLinksLater(state: ServerState, doc: TextDocument): void {
	checkLinks(state, doc).catch((err: unknown) =>
		state.log(`disclosure-lint: link check of ${doc.uri}: ${(err as Error).stack ?? err}`),
	);
}
