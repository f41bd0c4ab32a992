import type { Node, Parent } from 'mdast';
import type { Finding } from '../types';
import {
	compareFindings,
	engineRuleLevel,
	lintText,
	resolveTopic,
	toFinding,
	type LintEnvironment,
	type PageResult,
} from '../lint';
import { parseDocument, type ParsedDocument } from '../parse/document';
import { LineIndex } from '../parse/lineIndex';
import { RULES } from '../rules/index';
import type { TopicResolution } from '../rules/index';
import type { TopicSchema } from '../schema/registry';
import { nodeText } from '../body/text';
import { decodeHtml, type DecodedHtml } from './decode';
import { extractHtml, type ExtractedPage, type MainContentBy } from './extract';
import { pageMarkdown, type HtmlMarkdown } from './markdown';
import { recogniseTopic } from './topic';

/**
 * Rules that are not run on HTML pages, and why (docs/audit.md#rules): what they check lives only
 * in a front matter, or in Markdown the unit writes, not in the published markup.
 */
export const NOT_RUN_ON_HTML: Record<string, { th: string; en: string }> = {
	'frontmatter-missing': { th: 'หน้า HTML ไม่มีส่วนหัว (front matter)', en: 'HTML pages have no front matter' },
	'frontmatter-syntax': { th: 'หน้า HTML ไม่มีส่วนหัว (front matter)', en: 'HTML pages have no front matter' },
	'frontmatter-schema': {
		th: 'ผู้รับผิดชอบ ผู้ตรวจสอบ และหน่วยงาน มีได้เฉพาะในส่วนหัว (front matter)',
		en: 'responsible, reviewer and agency exist only in a front matter',
	},
	'step-deadline-exceeded': {
		th: 'กำหนดเวลาตามกฎหมาย (legal_deadline) มีได้เฉพาะในส่วนหัว',
		en: 'the legal deadline exists only in a front matter',
	},
	'link-anchor-missing': {
		th: 'จุดยึดในหน้า HTML คือ id ขององค์ประกอบ ไม่ใช่หัวข้อแบบ Markdown',
		en: "an HTML page's anchors are element ids, not Markdown heading slugs",
	},
	'suppression-reason-missing': {
		th: 'คำสั่งปิดการตรวจเขียนในไฟล์ Markdown ไม่ใช่หน้าที่เผยแพร่',
		en: 'disable comments belong in Markdown sources, not published pages',
	},
	'suppression-unused': {
		th: 'คำสั่งปิดการตรวจเขียนในไฟล์ Markdown ไม่ใช่หน้าที่เผยแพร่',
		en: 'disable comments belong in Markdown sources, not published pages',
	},
};

/** How an HTML page was read, for the report. */
export interface HtmlInfo {
	encoding: string;
	encodingFrom: DecodedHtml['from'];
	/** A charset the page or server declared that the bytes contradicted. */
	declared?: string;
	mainBy: MainContentBy;
	mainLabel: string;
	/** The live address (audits). */
	url?: string;
	/** Where the topic came from. */
	topicFrom: TopicResolution['source'];
}

/** An HTML page's result: findings on HTML lines, and how it was read. */
export interface HtmlPageResult extends PageResult {
	html: HtmlInfo;
	/** The Markdown the rules read (tests and debugging look at it). */
	markdown: string;
	/** The page's links, absolute when the page has a URL (where an audit's crawl goes next). */
	links: string[];
}

/** How {@link lintHtml} reads a page. */
export interface HtmlLintOptions {
	/** The HTTP Content-Type header (its charset wins over the page's own). */
	contentType?: string;
	/** The page's live URL (an audit): relative links are site links, not files. */
	url?: string;
	/** The path `topics` globs are matched against (an audit: the URL's path under the root). */
	topicPath?: string;
}

/** The page's bytes are an HTML page (by name). */
export function isHtmlPath(path: string): boolean {
	return /\.x?html?$/i.test(path);
}

/**
 * Lint a published HTML page with the same rules as Markdown (docs/audit.md): decode it, extract the
 * main content, write it as Markdown with the facts its markup states in a front matter, lint that,
 * and report every finding on the HTML line it comes from.
 */
export function lintHtml(
	path: string,
	bytes: Uint8Array | string,
	env: LintEnvironment,
	options: HtmlLintOptions = {},
): HtmlPageResult {
	const decoded: DecodedHtml =
		typeof bytes === 'string'
			? { text: bytes, encoding: 'utf-8', from: 'default' }
			: decodeHtml(bytes, options.contentType);
	const html = decoded.text;
	let extracted: ExtractedPage;
	try {
		extracted = extractHtml(html);
	} catch (err) {
		// Markup nested deeper than the HTML tools' recursion can follow: reported, never a crash.
		if (!(err instanceof RangeError)) throw err;
		return tooDeep(path, html, decoded, env, options);
	}
	const h1 = extracted.tree.children.find((c) => c.type === 'heading' && c.depth === 1);
	const h1Text = h1 ? nodeText(h1).trim() : undefined;
	const md = pageMarkdown(extracted, h1Text);
	const decided = decideTopic(path, extracted, h1Text, env, options);
	const result = lintText(path, md.text, {
		...env,
		rules: (env.rules ?? RULES).filter((r) => !(r.id in NOT_RUN_ON_HTML)),
		// A live page's relative links are addresses on its site, not files here.
		host: options.url ? undefined : env.host,
		topicDecided: decided,
		format: 'html',
	});
	const map = new HtmlPositions(result.document, extracted, md, html);
	const findings = result.findings.map((f) => map.finding(f));
	findings.sort(compareFindings);
	return {
		...result,
		findings,
		document: htmlDocument(path, html, map.lines),
		markdown: md.text,
		links: absoluteLinks(extracted, options.url),
		html: htmlInfo(decoded, extracted, options.url, decided.resolution.source),
	};
}

/** The result's document: the HTML source, so that offsets and lines are the page's own. */
function htmlDocument(path: string, html: string, lines: LineIndex): ParsedDocument {
	return { ...parseDocument(path, ''), text: html, lines };
}

function htmlInfo(
	decoded: DecodedHtml,
	page: ExtractedPage | undefined,
	url: string | undefined,
	topicFrom: TopicResolution['source'],
): HtmlInfo {
	return {
		encoding: decoded.encoding,
		encodingFrom: decoded.from,
		declared: decoded.declared,
		mainBy: page?.mainBy ?? 'body',
		mainLabel: page?.mainLabel ?? 'body',
		url,
		topicFrom,
	};
}

/** A page whose markup is nested too deep to read: one `page-limits` finding (docs/rules/page-limits.md). */
function tooDeep(
	path: string,
	html: string,
	decoded: DecodedHtml,
	env: LintEnvironment,
	options: HtmlLintOptions,
): HtmlPageResult {
	const document = htmlDocument(path, html, new LineIndex(html));
	const level = engineRuleLevel('page-limits', env.config);
	const report = { messageId: 'htmlDepth', start: 0, end: document.lines.lineEnd(1) };
	return {
		path,
		findings: level ? [toFinding(document, 'page-limits', report, level)] : [],
		document,
		markdown: '',
		links: [],
		html: htmlInfo(decoded, undefined, options.url, 'none'),
	};
}

/** A page's links, absolute, without linting it (a page the configuration ignores is still crawled through). */
export function htmlPageLinks(bytes: Uint8Array, url: string, contentType?: string): string[] {
	try {
		return absoluteLinks(extractHtml(decodeHtml(bytes, contentType).text), url);
	} catch (err) {
		if (err instanceof RangeError) return []; // nested too deep to read: no links to follow
		throw err;
	}
}

/** The page's links resolved against its `<base href>` and URL; without a URL, as written. */
function absoluteLinks(page: ExtractedPage, url: string | undefined): string[] {
	if (!url) return page.links;
	let base = url;
	try {
		if (page.base) base = new URL(page.base, url).href;
	} catch {
		// A broken <base href> is ignored, as browsers do.
	}
	const out: string[] = [];
	for (const l of page.links) {
		try {
			out.push(new URL(l, base).href);
		} catch {
			// Not a URL (`javascript:…` stays out, `http://[` is malformed): nothing to follow.
		}
	}
	return out;
}

/** The topic: the configuration's `topics` globs first, then what the title and headings name. */
function decideTopic(
	path: string,
	page: ExtractedPage,
	h1Text: string | undefined,
	env: LintEnvironment,
	options: HtmlLintOptions,
): { topic?: TopicSchema; resolution: TopicResolution } {
	const byConfig = resolveTopic(options.topicPath ?? path, undefined, env);
	if (byConfig.resolution.source === 'config') return byConfig;
	const headings = page.tree.children
		.filter((c) => c.type === 'heading' && c.depth > 1)
		.map((c) => nodeText(c).trim());
	const titles = [h1Text, page.facts.title?.value].filter((t): t is string => !!t);
	const hit = recogniseTopic(env.registry, titles, headings, page.placement);
	const audit = options.url !== undefined;
	if (!hit) return { resolution: { source: 'recognised', problem: 'unrecognised', audit } };
	return {
		topic: hit.topic,
		resolution: {
			source: 'recognised',
			value: hit.topic.id,
			recognisedFrom: hit.from,
			evidence: hit.evidence,
			audit,
		},
	};
}

interface Pair {
	mdStart: number;
	mdEnd: number;
	html: { start: number; end: number };
	text: boolean;
}

/**
 * Maps the generated Markdown's offsets back to the HTML source. The Markdown is parsed again by the
 * engine, so its tree is walked beside the extracted tree (same shapes, nodes matched by type in
 * order); a finding goes to the deepest matched node that holds it, and inside a text node to the
 * very characters when the HTML writes them the same way.
 */
class HtmlPositions {
	readonly lines: LineIndex;
	private readonly pairs: Pair[] = [];

	constructor(
		private readonly md: ParsedDocument,
		private readonly page: ExtractedPage,
		private readonly written: HtmlMarkdown,
		private readonly html: string,
	) {
		this.lines = new LineIndex(html);
		const mdKids = md.tree.children.filter((c) => c.type !== 'yaml');
		this.align(mdKids, page.tree.children);
		this.pairs.sort((a, b) => a.mdStart - b.mdStart || b.mdEnd - a.mdEnd);
	}

	private align(mdKids: Node[], htmlKids: Node[]): void {
		let j = 0;
		for (const m of mdKids) {
			let k = j;
			while (k < htmlKids.length && k < j + 4 && htmlKids[k].type !== m.type) k++;
			if (k >= htmlKids.length || htmlKids[k].type !== m.type) continue;
			const h = htmlKids[k];
			j = k + 1;
			const ms = m.position?.start.offset;
			const me = m.position?.end.offset;
			const hs = h.position?.start.offset;
			const he = h.position?.end.offset;
			// A node the converter made up (the paragraph around a lone <img>) has no position: its children have.
			if (ms !== undefined && me !== undefined && hs !== undefined && he !== undefined)
				this.pairs.push({ mdStart: ms, mdEnd: me, html: { start: hs, end: he }, text: m.type === 'text' });
			const mc = (m as Parent).children;
			const hc = (h as Parent).children;
			if (mc && hc) this.align(mc, hc);
		}
	}

	/** The HTML offsets of a Markdown range. */
	private range(start: number, end: number): [number, number] {
		if (start < this.written.bodyStart) {
			const fm = this.written.frontMatter.find((e) => {
				const lineStart = this.md.text.lastIndexOf('\n', e.start) + 1;
				return start >= lineStart && start <= e.end;
			});
			if (fm) return [fm.source.at.offset, fm.source.at.offset];
			return this.anchor();
		}
		let best: Pair | undefined;
		for (const p of this.pairs) {
			if (p.mdStart > start) break;
			if (start < p.mdEnd || (start === p.mdEnd && start === p.mdStart)) best = p;
		}
		if (!best) return this.anchor();
		if (best.text && end > start) {
			const wanted = this.md.text.slice(start, end);
			const at = this.html.indexOf(wanted, best.html.start);
			if (at >= 0 && at + wanted.length <= best.html.end) return [at, at + wanted.length];
		}
		const inside = end <= best.mdEnd && start === best.mdStart && end === best.mdEnd;
		return [best.html.start, inside ? best.html.end : best.html.start];
	}

	/** Where a finding about the whole page goes: the H1 (or title), else the main content's start. */
	private anchor(): [number, number] {
		const h1 = this.page.tree.children.find((c) => c.type === 'heading' && c.depth === 1);
		const at = h1?.position?.start.offset ?? this.page.mainAt?.offset ?? 0;
		return [at, at];
	}

	finding(f: Finding): Finding {
		const [start, end] = this.range(f.start, f.end);
		const s = this.lines.position(start);
		const e = this.lines.position(Math.max(start, end));
		const { fix: _fix, data: _data, ...rest } = f;
		return {
			...rest,
			start,
			end: Math.max(start, end),
			line: s.line,
			column: s.column,
			endLine: e.line,
			endColumn: e.column,
		};
	}
}
