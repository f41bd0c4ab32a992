import { loadHtml } from '../vendor';
import { todayInBangkok, toIsoCE } from '../thai/dates';
import type { ExtractedPage, HtmlFact, HtmlFacts } from './extract';

/** The Markdown the engine lints for an HTML page, and where its front-matter values came from. */
export interface HtmlMarkdown {
	text: string;
	/** Each written front-matter value: its offsets in `text` and the HTML element it came from. */
	frontMatter: { key: keyof HtmlFacts; start: number; end: number; source: HtmlFact }[];
	/** Offset where the body starts in `text`. */
	bodyStart: number;
}

/**
 * A date as the front matter writes it: an ISO date-time is read in Asia/Bangkok (UTC+7, the day a
 * Thai reader sees), an ISO date stays, anything else (a Thai date in `datetime`) is kept as written
 * so the date rules judge it as they would in Markdown.
 */
export function frontMatterDate(value: string): string {
	const v = value.trim();
	const t = Date.parse(v.replace(' ', 'T'));
	// A date-time with its zone: the day in Bangkok. Without a zone the time is already local.
	if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*(?:Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(t))
		return toIsoCE(todayInBangkok(new Date(t)));
	return /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)/.test(v) ? v.slice(0, 10) : v;
}

/**
 * Write the extracted page as Markdown: a front matter with what the markup states (title, published,
 * updated; never `topic`, `responsible` or `reviewer`, which only a front matter can hold), then the
 * main content. JSON strings are YAML, so no value can break the front matter.
 */
export function pageMarkdown(page: ExtractedPage, h1Text: string | undefined): HtmlMarkdown {
	const lines = ['---'];
	const fm: HtmlMarkdown['frontMatter'] = [];
	let offset = 4;
	const add = (key: keyof HtmlFacts, value: string, source: HtmlFact): void => {
		const written = JSON.stringify(value);
		const line = `${key}: ${written}`;
		fm.push({ key, start: offset + key.length + 2, end: offset + line.length, source });
		lines.push(line);
		offset += line.length + 1;
	};
	const title = h1Text ?? page.facts.title?.value;
	if (title && page.facts.title) add('title', title, page.facts.title);
	if (page.facts.published) add('published', frontMatterDate(page.facts.published.value), page.facts.published);
	if (page.facts.updated) add('updated', frontMatterDate(page.facts.updated.value), page.facts.updated);
	lines.push('---', '');
	const head = lines.join('\n');
	const { toMarkdown, gfmTableToMarkdown, gfmStrikethroughToMarkdown } = loadHtml();
	const body = toMarkdown(page.tree, {
		bullet: '-',
		emphasis: '_',
		fences: true,
		listItemIndent: 'one',
		rule: '-',
		extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown()],
	});
	return { text: head + body, frontMatter: fm, bodyStart: head.length };
}
