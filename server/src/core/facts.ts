import type { ParsedDocument } from './parse/document';
import { locate } from './parse/frontMatter';
import { walk } from './parse/walk';
import type { TopicSchema } from './schema/registry';
import { isPresent, resolveKeyPath } from './schema/paths';
import { compareDates, findDates, fiscalYearOf, parseDate, type CalendarDate, type DateMatch } from './thai/dates';
import { parseDuration, type DurationOptions } from './thai/durations';
import { effectiveDisclosure, matchesWhen, type EffectiveDisclosure } from './body/effective';
import { headingMatcher, matchSections, type PageAnchor, type SectionIndex } from './body/sections';
import type { Freshness, PageKind, SectionSpec, XDisclosure } from './schema/xDisclosure';
import { readProcedure, type Procedure } from './body/steps';
import { bodyLinks, isRelative, type BodyLink } from './body/links';
import { attributionItems, containsLink, SOURCE_LABEL, type Item } from './body/items';
import { nodeText } from './body/text';
import { normalizeThai } from './thai/normalize';
import { compileUserPattern } from './regex';
import type { Heading, List, Node, Table } from 'mdast';

/** A date stated for the whole page, and where (docs/page-model.md). */
export interface PageDate {
	date: CalendarDate;
	/** Where it was read: a front-matter key, a labelled date in the body, or a hub's newest entry. */
	from: 'date' | 'label' | 'published' | 'updated' | 'entry';
	raw: string;
	start: number;
	end: number;
}

/** A page's fiscal year, and where it comes from. */
export interface PageFiscalYear {
	year: number;
	from: 'fiscal_year' | 'date' | 'survey_period';
	/** The date it was derived from, when derived. */
	date?: PageDate;
	start: number;
	end: number;
}

/**
 * Labels that put a page's own date in its body: วันที่ลงข่าว, ข้อมูล ณ วันที่, ประกาศ ณ วันที่,
 * ลงวันที่, เผยแพร่เมื่อ… The date must follow the label within a few characters.
 */
const DATE_LABEL =
	/(?:วันที่ลงข่าว|ลงข่าวเมื่อ|ข้อมูล\s*ณ\s*(?:วันที่)?|ประกาศ\s*ณ\s*(?:วันที่)?|ประกาศเมื่อ(?:วันที่)?|วันที่ประกาศ|ลงวันที่|ลว\.|เผยแพร่เมื่อ(?:วันที่)?|วันที่เผยแพร่|โพสต์เมื่อ|Posted(?:\s+on)?|Published(?:\s+on)?|As\s+of)\s*[:：]?\s*(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?\s*)?$/iu;

/** A date written in the front matter. */
export interface FrontMatterDate {
	/** The schema's key path (`sources[].date`). */
	keyPath: string;
	/** The concrete path (`['sources', 0, 'date']`). */
	path: (string | number)[];
	raw: string;
	/** Offsets of the value in the document. */
	start: number;
	end: number;
	/** The parse; null when it is not a date at all. */
	match: DateMatch | null;
}

/** A date found in the body's prose, with document offsets. */
export type BodyDate = DateMatch;

/** A URL written in the page (a body link or a front-matter value), with its range. */
export interface PageUrl {
	url: string;
	start: number;
	end: number;
}

/**
 * content-stale's options (docs/rules/content-stale.md), which also decide the allowed age the
 * compliance report shows: a value for every topic, or one per topic id.
 */
export type FreshnessOptions = {
	maxAgeDays?: number | null | Record<string, number | null>;
	fiscalYear?: Freshness['fiscalYear'] | Record<string, Freshness['fiscalYear']>;
};

/** The legal deadline the front matter gives (the topic's `deadlineKey`), as written and as read. */
export interface LegalDeadline {
	key: string;
	raw: string;
	value: ReturnType<typeof parseDuration>;
}

/**
 * Data several rules need, computed lazily once per page: the rules stay independent
 * without parsing the same dates twice.
 */
export class Facts {
	private fmDates?: FrontMatterDate[];
	private prose?: [number, number][];
	private bodyDateList?: BodyDate[];
	private effective?: EffectiveDisclosure;
	private sectionIndex?: SectionIndex;
	private procedureCache?: { value: Procedure | undefined };

	constructor(
		private readonly doc: ParsedDocument,
		private readonly data: Record<string, unknown> | undefined,
		private readonly topic: TopicSchema | undefined,
		/** How durations are read (the configured working day). */
		readonly durationOptions: DurationOptions = {},
		/** Heading aliases the configuration adds, by section id. */
		private readonly extraAliases: Record<string, string[]> = {},
	) {}

	private readonly memos = new Map<string, unknown>();

	/** A value computed once per page under a key, for data several rules share. */
	memo<T>(key: string, compute: () => T): T {
		if (!this.memos.has(key)) this.memos.set(key, compute());
		return this.memos.get(key) as T;
	}

	/** Every link and image of the body, once per page (none when the body was not parsed). */
	links(): BodyLink[] {
		return this.memo('links', () => bodyLinks(this.doc.tree.children, this.doc.tree.children, this.doc.text));
	}

	/** The body's links under some nodes (a section's), from {@link links}. */
	linksIn(nodes: Node[]): BodyLink[] {
		const ranges = nodes.map((n) => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0]);
		return this.links().filter((l) => ranges.some(([s, e]) => l.start >= s && l.end <= e));
	}

	/** The body's text (front matter left out), Thai-normalized, for page-wide searches. */
	bodyText(): string {
		return this.memo(
			'body-text',
			() =>
				normalizeThai(
					this.doc.tree.children
						.filter((n) => n.type !== 'yaml')
						.map(nodeText)
						.join('\n'),
				).text,
		);
	}

	/** The items of the page that need a source or a date (list items, table rows, images, articles). */
	attributionItems(): Item[] {
		return this.memo('attribution-items', () => {
			const spec = this.disclosure()?.attribution;
			return spec ? attributionItems(this.doc.tree.children, this.sections(), spec) : [];
		});
	}

	/** The topic's body requirements with the variants that apply to this page merged in. */
	disclosure(): EffectiveDisclosure | undefined {
		if (!this.topic) return undefined;
		if (this.effective) return this.effective;
		const x = effectiveDisclosure(this.topic.x, this.data, this.pageKind());
		if (Object.keys(this.extraAliases).length) {
			x.sections = x.sections?.map((s) =>
				this.extraAliases[s.id] ? { ...s, aliases: [...(s.aliases ?? []), ...this.extraAliases[s.id]] } : s,
			);
		}
		return (this.effective = x);
	}

	/** The page's headings matched to the topic's sections. */
	sections(): SectionIndex {
		return (this.sectionIndex ??= matchSections(
			this.doc.tree,
			this.doc.text,
			this.disclosure()?.sections ?? [],
			this.pageAnchor(),
		));
	}

	/** Whether the page is a hub (a list of items) or one item, when the topic knows kinds (docs/page-model.md). */
	pageKind(): PageKind | undefined {
		return this.memo('page-kind', () => decideKind(this.doc, this.data, this.topic?.x.kinds));
	}

	/** Where findings about the whole page go: its H1, else its `title:` value, else the first line. */
	pageAnchor(): PageAnchor {
		return this.memo('page-anchor', () => {
			const h1 = this.doc.tree.children.find(
				(n): n is Heading => n.type === 'heading' && (n as Heading).depth === 1,
			);
			if (h1?.position)
				return {
					start: h1.position.start.offset ?? 0,
					end: h1.position.end.offset ?? 0,
					text: nodeText(h1).trim(),
				};
			const fm = this.doc.frontMatter;
			const r = fm ? locate(fm, ['title'])?.value : undefined;
			if (r && typeof this.data?.title === 'string') return { start: r[0], end: r[1], text: this.data.title };
			return {
				start: 0,
				end: this.doc.lines.lineEnd(1),
				text: typeof this.data?.title === 'string' ? this.data.title : '',
			};
		});
	}

	/** Dates in the body that a label names as the page's own (ข้อมูล ณ วันที่ …, ประกาศ ณ วันที่ …). */
	labelledDates(): BodyDate[] {
		return this.memo('labelled-dates', () => {
			// A date in a list entry or a table row is that entry's, not the page's: only top-level paragraphs.
			const paragraphs = this.doc.tree.children
				.filter((n) => n.type === 'paragraph')
				.map((n) => [n.position?.start.offset ?? 0, n.position?.end.offset ?? 0]);
			return this.bodyDates().filter(
				(d) => d.date && paragraphs.some(([s, e]) => s <= d.start && d.end <= e) && this.labelled(d),
			);
		});
	}

	/** Whether a label (ข้อมูล ณ วันที่, ประกาศ ณ วันที่ …) stands just before a date, on its line. */
	private labelled(d: BodyDate): boolean {
		const lineStart = this.doc.text.lastIndexOf('\n', d.start - 1) + 1;
		const before = normalizeThai(this.doc.text.slice(Math.max(lineStart, d.start - 40), d.start)).text.replace(
			/[*_]+/g,
			'',
		);
		return DATE_LABEL.test(before);
	}

	/**
	 * The page's own date: `date`, then a labelled date in the body, then `published`, then `updated`
	 * (docs/page-model.md). Undefined when none is a valid date.
	 */
	pageDate(): PageDate | undefined {
		return this.memo('page-date', () => {
			const key = (k: 'date' | 'published' | 'updated'): PageDate | undefined => {
				const d = this.dateAt(k);
				return d?.match?.date
					? { date: d.match.date, from: k, raw: d.raw, start: d.start, end: d.end }
					: undefined;
			};
			const labelled = this.labelledDates()[0];
			const fromLabel: PageDate | undefined = labelled?.date
				? { date: labelled.date, from: 'label', raw: labelled.raw, start: labelled.start, end: labelled.end }
				: undefined;
			return key('date') ?? fromLabel ?? key('published') ?? key('updated');
		});
	}

	/**
	 * The page's fiscal year: `fiscal_year`, else the year `survey_period` names, else the fiscal
	 * year of the page's date (1 October starts a Buddhist Era fiscal year).
	 */
	fiscalYear(): PageFiscalYear | undefined {
		return this.memo('fiscal-year', () => {
			const at = (key: string, year: number, from: PageFiscalYear['from']): PageFiscalYear => {
				const r = this.doc.frontMatter ? locate(this.doc.frontMatter, [key])?.value : undefined;
				return { year, from, start: r?.[0] ?? 0, end: r?.[1] ?? 0 };
			};
			const fy = this.data?.fiscal_year;
			if (typeof fy === 'number' && Number.isInteger(fy)) return at('fiscal_year', fy, 'fiscal_year');
			const period = this.data?.survey_period;
			if (typeof period === 'string') {
				const m = /ปีงบประมาณ\s*(?:พ\.?\s?ศ\.?)?\s*(\d{4})/u.exec(normalizeThai(period).text);
				const last = findDates(period)
					.filter((d) => d.date)
					.at(-1)?.date;
				if (m || last) return at('survey_period', m ? Number(m[1]) : fiscalYearOf(last!), 'survey_period');
			}
			if (this.pageKind() === 'hub') {
				// A hub is as current as its newest entry.
				const newest = this.bodyDates()
					.filter((x) => x.date)
					.sort((a, b) => compareDates(b.date!, a.date!))[0];
				if (newest?.date) {
					const date: PageDate = {
						date: newest.date,
						from: 'entry',
						raw: newest.raw,
						start: newest.start,
						end: newest.end,
					};
					return {
						year: fiscalYearOf(newest.date),
						from: 'date',
						date,
						start: newest.start,
						end: newest.end,
					};
				}
			}
			const d = this.pageDate();
			if (!d || d.from === 'updated') return undefined;
			return { year: fiscalYearOf(d.date), from: 'date', date: d, start: d.start, end: d.end };
		});
	}

	/**
	 * Whether the page as a whole states a source: `sources` (or the topic's source keys), a source
	 * label or pattern in the body, or a link to a document or another site.
	 */
	pageHasSource(keys: string[], patterns: { test(s: string): boolean }[]): boolean {
		if (this.hasAnyKey(keys)) return true;
		const body = this.bodyText();
		if (SOURCE_LABEL.test(` ${body}`) || patterns.some((p) => p.test(body))) return true;
		return this.links().some((l) => !l.image && !l.url.startsWith('#') && !/^(?:mailto|tel):/i.test(l.url));
	}

	/** Whether the front matter gives a value (not blank, not an empty list) for one of these key paths. */
	hasAnyKey(keys: string[]): boolean {
		const data = this.data;
		return (
			data !== undefined &&
			keys.some((k) =>
				resolveKeyPath(data, k).some(
					(h) => isPresent(h.value) && !(Array.isArray(h.value) && h.value.length === 0),
				),
			)
		);
	}

	/** The sections this page is held to: all, or those its `sections:` lists. */
	requiredSectionIds(): Set<string> | undefined {
		const listed = this.data?.sections;
		return Array.isArray(listed) ? new Set(listed.filter((x): x is string => typeof x === 'string')) : undefined;
	}

	/** The steps and their stated total, when the topic has steps and the page a step section. */
	procedure(): Procedure | undefined {
		const spec = this.disclosure()?.steps;
		if (!spec) return undefined;
		return (this.procedureCache ??= {
			value: readProcedure(this.doc.text, spec, this.sections(), this.durationOptions),
		}).value;
	}

	/** The legal deadline the front matter gives (the topic's `steps.deadlineKey`), read; undefined when none is written. */
	legalDeadline(): LegalDeadline | undefined {
		const key = this.disclosure()?.steps?.deadlineKey;
		const raw = key ? this.data?.[key] : undefined;
		if (!key || typeof raw !== 'string' || !raw.trim()) return undefined;
		return { key, raw, value: parseDuration(raw, this.durationOptions) };
	}

	/**
	 * The topic's freshness (schema data; its kind's or variant's where they set one,
	 * docs/schema-vocabulary.md) with content-stale's options on top:
	 * `{"maxAgeDays": 180 | {"news": 180}, "fiscalYear": "current" | {"news": "current"}}`.
	 */
	freshness(options: FreshnessOptions): Freshness {
		const base = this.disclosure()?.freshness ?? this.topic?.x.freshness ?? {};
		const id = this.topic?.id ?? '';
		const pickOption = <T>(v: unknown): T | undefined => {
			if (v === undefined) return undefined;
			if (v !== null && typeof v === 'object' && !Array.isArray(v)) return (v as Record<string, T>)[id];
			return v as T;
		};
		const maxAge = pickOption<number | null>(options.maxAgeDays);
		const fiscal = pickOption<Freshness['fiscalYear']>(options.fiscalYear);
		return {
			maxAgeDays: maxAge !== undefined ? maxAge : (base.maxAgeDays ?? 365),
			fiscalYear: fiscal !== undefined ? fiscal : (base.fiscalYear ?? null),
		};
	}

	/** Front-matter values of URL keys (`url`, `href`, `*_url`, `privacy_notice`) that are not relative, with their ranges; once per page. */
	frontMatterUrls(): PageUrl[] {
		return this.memo('front-matter-urls', () => {
			const fm = this.doc.frontMatter;
			if (!fm || !this.data || !this.topic) return [];
			const out: PageUrl[] = [];
			for (const key of this.topic.keys.keys()) {
				if (!/(?:^|\.|_)(?:url|href)$/.test(key) && !/privacy_notice$/.test(key)) continue;
				for (const hit of resolveKeyPath(this.data, key)) {
					if (typeof hit.value !== 'string' || isRelative(hit.value)) continue;
					const r = locate(fm, hit.path)?.value;
					if (r) out.push({ url: hit.value, start: r[0], end: r[1] });
				}
			}
			return out;
		});
	}

	/**
	 * The http(s) URLs of the page (body links, then front-matter URL values) that no `links.exclude`
	 * pattern matches: what the online check requests and the link-external rules report on. Once per page.
	 */
	externalUrls(exclude: string[] = []): PageUrl[] {
		return this.memo(`external-urls\0${exclude.join('\0')}`, () => {
			const all = [
				...this.links().map((l) => ({ url: l.url, start: l.start, end: l.end })),
				...this.frontMatterUrls(),
			];
			// Linear-time (src/core/regex.ts); a pattern it cannot take is reported with its position by the config check.
			const matchers = exclude.flatMap((p) => {
				const c = compileUserPattern(p, 'u');
				return c.ok ? [c.matcher] : [];
			});
			return all.filter((u) => /^https?:\/\/[^/\s]+/i.test(u.url) && !matchers.some((re) => re.test(u.url)));
		});
	}

	/** Every date-typed front-matter value the topic schema declares. */
	frontMatterDates(): FrontMatterDate[] {
		if (this.fmDates) return this.fmDates;
		const out: FrontMatterDate[] = [];
		const fm = this.doc.frontMatter;
		if (this.data && this.topic && fm) {
			for (const key of this.topic.keys.values()) {
				if (!key.isDate) continue;
				for (const hit of resolveKeyPath(this.data, key.path)) {
					if (typeof hit.value !== 'string' || hit.value.trim() === '') continue;
					const r = locate(fm, hit.path)?.value;
					if (!r) continue;
					out.push({
						keyPath: key.path,
						path: hit.path,
						raw: hit.value,
						start: r[0],
						end: r[1],
						match: parseDate(hit.value),
					});
				}
			}
		}
		out.sort((a, b) => a.start - b.start);
		return (this.fmDates = out);
	}

	/** The front-matter date at a key path (the first, for array paths). */
	dateAt(keyPath: string): FrontMatterDate | undefined {
		return this.frontMatterDates().find((d) => d.keyPath === keyPath);
	}

	/** Offsets of the body's prose: text nodes, outside code, HTML and front matter. */
	proseRanges(): [number, number][] {
		if (this.prose) return this.prose;
		const out: [number, number][] = [];
		walk(this.doc.tree, (node) => {
			if (
				node.type === 'text' &&
				node.position?.start.offset !== undefined &&
				node.position.end.offset !== undefined
			) {
				out.push([node.position.start.offset, node.position.end.offset]);
			}
		});
		return (this.prose = out);
	}

	/** Dates written in the body's prose. */
	bodyDates(): BodyDate[] {
		if (this.bodyDateList) return this.bodyDateList;
		const out: BodyDate[] = [];
		for (const [s, e] of this.proseRanges()) {
			const slice = this.doc.text.slice(s, e);
			if (!/\d|[\u0e50-\u0e59]/.test(slice)) continue;
			for (const m of findDates(slice)) out.push({ ...m, start: m.start + s, end: m.end + s });
		}
		return (this.bodyDateList = out);
	}
}

/** The kind of a page (docs/page-model.md, "How the kind is decided"). */
function decideKind(
	doc: ParsedDocument,
	data: Record<string, unknown> | undefined,
	kinds: XDisclosure['kinds'],
): PageKind | undefined {
	if (!kinds) return undefined;
	const declared = data?.page_kind;
	if ((declared === 'hub' || declared === 'item') && kinds[declared]) return declared;
	for (const k of ['item', 'hub'] as const) if (kinds[k]?.when?.some((w) => matchesWhen(w, data))) return k;
	if (!kinds.hub) return 'item';
	if (!kinds.item) return 'hub';
	const only = (mine?: SectionSpec[], theirs?: SectionSpec[]): SectionSpec[] =>
		(mine ?? []).filter((s) => !(theirs ?? []).some((t) => t.id === s.id));
	const headings = doc.tree.children.filter((n): n is Heading => n.type === 'heading');
	const named = (specs: SectionSpec[], belowTitle: boolean): boolean => {
		if (!specs.length) return false;
		const sectionOf = headingMatcher(specs);
		return headings.some((h) => !(belowTitle && h.depth === 1) && sectionOf(nodeText(h).trim()) !== undefined);
	};
	if (named(only(kinds.item.sections, kinds.hub.sections), false)) return 'item';
	if (named(only(kinds.hub.sections, kinds.item.sections), true)) return 'hub';
	return hasLinkedList(doc.tree.children) ? 'hub' : 'item';
}

/** A list or table of two or more entries that each carry a link or a source: the shape of a hub. */
function hasLinkedList(nodes: Node[]): boolean {
	const entry = (n: Node): boolean => containsLink(n) || SOURCE_LABEL.test(` ${nodeText(n)}`);
	return nodes.some((n) => {
		if (n.type === 'list') return (n as List).children.filter(entry).length >= 2;
		if (n.type === 'table') return (n as Table).children.slice(1).filter(entry).length >= 2;
		return false;
	});
}
