import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from '../core/engine';
import { pick } from '../core/i18n/render';
import { frontMatterData, resolveTopic, ruleLevel } from '../core/lint';
import { crToLf, frontMatterBounds, locate, readFrontMatter, type FrontMatter } from '../core/parse/frontMatter';
import { budgetFrom, checkBudget } from '../core/parse/limits';
import { LineIndex } from '../core/parse/lineIndex';
import { getRule } from '../core/rules/index';
import { frontMatterCompletions, keySchemaOf, skeletonCompletions } from './completion';
import { toRange } from './convert';
import { todayFor, type Settings } from './settings';
import type { ServerState } from './state';
import type { PageOutcome } from './workerProtocol';

/**
 * Hover and completion from the topic schemas. They read the page's front matter in the server's own
 * thread, so they read it only within the page budget (`page-limits`): a front matter over its key
 * or size limit is not parsed here either, and a huge page cannot stall them. What they need of the
 * lint (the sections a page lacks) comes from the page's latest lint, done in a lint thread.
 */
export function registerAssist(state: ServerState): void {
	const { connection, documents } = state;
	/** The front matter of each open document at its version, read once however often the user hovers. */
	const cache = new Map<string, { version: number; fm: FrontMatter | undefined }>();
	documents.onDidClose((e) => cache.delete(e.document.uri));

	const frontMatterOf = (doc: TextDocument, engine: Engine): FrontMatter | undefined => {
		const hit = cache.get(doc.uri);
		if (hit?.version === doc.version) return hit.fm;
		const fm = budgetedFrontMatter(doc.getText(), engine, state.fileOf(doc.uri));
		cache.set(doc.uri, { version: doc.version, fm });
		return fm;
	};

	/**
	 * The schemas, message language and topic that apply to a document (for hover and completion): the
	 * topic as the engine decides it, from `topic:` or else from the configuration's `topics` globs.
	 */
	const schemaContext = (doc: TextDocument, engine: Engine, fm: FrontMatter | undefined) => {
		const file = state.fileOf(doc.uri);
		const config = engine.configFor(file);
		const registry = engine.registryFor(config);
		return {
			registry,
			locale: engine.localeFor(config),
			topic: resolveTopic(file, frontMatterData(fm), { registry, config }).topic,
		};
	};

	connection.onHover(async (params): Promise<Hover | null> => {
		state.ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return null;
		const engine = state.engineFor(await state.settingsFor(doc.uri));
		const text = doc.getText();
		const fm = frontMatterOf(doc, engine);
		const offset = doc.offsetAt(params.position);
		if (!fm?.yaml || offset < fm.contentStart || offset > fm.contentEnd) return null;
		const line = text.slice(
			text.lastIndexOf('\n', offset - 1) + 1,
			text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset),
		);
		const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line)?.[1];
		if (!key) return null;
		const { registry, locale, topic } = schemaContext(doc, engine, fm);
		if (key === 'topic' && topic) {
			return {
				contents: {
					kind: MarkupKind.Markdown,
					value: `**${pick(topic.x.name, locale)}** (\`${topic.id}\`)\n\n${pick((topic.json['x-description'] as { th: string; en: string } | undefined) ?? topic.x.name, locale)}`,
				},
			};
		}
		const info = keySchemaOf(topic, registry).keys.get(key);
		if (!info) return null;
		const r = locate(fm, [key])?.key;
		return {
			contents: {
				kind: MarkupKind.Markdown,
				value: `**${key}** — ${pick(info.label ?? { th: key, en: key }, locale)}\n\n${pick(info.description ?? { th: '', en: '' }, locale)}`,
			},
			range: r ? toRange(new LineIndex(text.slice(0, fm.end)), r[0], r[1]) : undefined,
		};
	});

	/** In the body, at the start of a line: the headings of the required sections the page still lacks, in schema order. */
	const missingSectionHeadings = async (doc: TextDocument, offset: number): Promise<CompletionItem[]> => {
		const text = doc.getText();
		const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
		if (!/^#{0,6}\s*$/.test(before)) return [];
		const settings = await state.settingsFor(doc.uri);
		const result = await latestResult(state, doc, settings);
		if (!result) return [];
		const engine = state.engineFor(settings);
		const locale = engine.localeFor(engine.configFor(state.fileOf(doc.uri)));
		const missing = result.findings.filter((f) => f.ruleId === 'section-missing' && f.data?.heading);
		const line = doc.positionAt(offset).line;
		return missing.map((f, i) => ({
			label: `## ${String(f.data!.heading)}`,
			kind: CompletionItemKind.Snippet,
			detail: locale === 'th' ? 'หัวข้อย่อยที่ยังขาด' : 'missing section',
			sortText: String(i).padStart(3, '0'),
			textEdit: {
				range: { start: { line, character: 0 }, end: doc.positionAt(offset) },
				newText: `## ${String(f.data!.heading)}\n\n`,
			},
		}));
	};

	connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
		state.ready();
		const doc = documents.get(params.textDocument.uri);
		if (!doc) return [];
		const settings = await state.settingsFor(doc.uri);
		const engine = state.engineFor(settings);
		const fm = frontMatterOf(doc, engine);
		const offset = doc.offsetAt(params.position);
		if (fm?.closed && offset > fm.end) return missingSectionHeadings(doc, offset);
		if (token.isCancellationRequested) return [];
		const { registry, locale, topic } = schemaContext(doc, engine, fm);
		const env = { registry, locale, topic, today: todayFor(settings) };
		if (!fm) return skeletonCompletions(doc, offset, env);
		if (offset < fm.contentStart || offset > fm.contentEnd) return [];
		return frontMatterCompletions(doc, offset, fm, env);
	});
}

/** How long completion waits for the lint of the page's current version before it takes the one before. */
const COMPLETION_WAIT_MS = 150;

/**
 * The lint of the document's current version, or, when that is not there within a moment (another
 * page's long lint is ahead of it), the latest one: completion never waits on a long lint.
 */
async function latestResult(
	state: ServerState,
	doc: TextDocument,
	settings: Settings,
): Promise<PageOutcome | undefined> {
	const last = state.lastResults.get(doc.uri);
	const current = state.resultFor(doc, settings);
	if (!last || last.version === doc.version) return current;
	let timer: NodeJS.Timeout | undefined;
	const fallback = new Promise<PageOutcome>(
		(resolve) => (timer = setTimeout(() => resolve(last.outcome), COMPLETION_WAIT_MS)),
	);
	try {
		return (await Promise.race([current, fallback])) ?? last.outcome;
	} finally {
		clearTimeout(timer);
	}
}

/**
 * A page's front matter as the lint reads it, within the page's budget (docs/rules/page-limits.md):
 * over the front matter's key or size limit it is not parsed (no YAML, no value, its extent kept),
 * whatever the size of the rest of the page. Only the front matter is scanned.
 */
export function budgetedFrontMatter(text: string, engine: Engine, file: string): FrontMatter | undefined {
	const bounds = frontMatterBounds(text);
	if (!bounds) return undefined;
	if (bounds.contentEnd === undefined || bounds.end === undefined) return readFrontMatter(text, bounds); // not closed: not YAML, nothing to parse
	const budget = budgetFrom(ruleLevel(getRule('page-limits')!, engine.configFor(file)).options);
	// The front matter alone, with no page-size limit: that one is the page's, and a page over it still has its front matter read.
	const limit = checkBudget(crToLf(text.slice(0, bounds.end)), { ...budget, maxChars: Infinity }, bounds);
	if (limit?.kind === 'count' && limit.frontMatter) {
		return {
			start: 0,
			end: bounds.end,
			contentStart: bounds.contentStart,
			contentEnd: bounds.contentEnd,
			closed: true,
			yaml: undefined,
			value: undefined,
			problems: [
				{ message: 'front matter over the page limits, not parsed', start: 0, end: 3, code: 'PAGE_LIMIT' },
			],
		};
	}
	return readFrontMatter(text, bounds);
}
