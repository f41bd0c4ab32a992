import type { ParsedDocument } from './parse/document';
import { locate } from './parse/frontMatter';
import { walk } from './parse/walk';
import type { TopicSchema } from './schema/registry';
import { resolveKeyPath } from './schema/paths';
import { findDates, parseDate, type DateMatch } from './thai/dates';
import type { DurationOptions } from './thai/durations';
import { effectiveDisclosure, type EffectiveDisclosure } from './body/effective';
import { matchSections, type SectionIndex } from './body/sections';
import { readProcedure, type Procedure } from './body/steps';
import { bodyLinks, type BodyLink } from './body/links';
import { attributionItems, type Item } from './body/items';
import { nodeText } from './body/text';
import { normalizeThai } from './thai/normalize';
import type { Node } from 'mdast';

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
export interface BodyDate extends DateMatch {}

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
		return this.memo('body-text', () => normalizeThai(this.doc.tree.children.filter((n) => n.type !== 'yaml').map(nodeText).join('\n')).text);
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
		const x = effectiveDisclosure(this.topic.x, this.data);
		if (Object.keys(this.extraAliases).length) {
			x.sections = x.sections?.map((s) => (this.extraAliases[s.id] ? { ...s, aliases: [...(s.aliases ?? []), ...this.extraAliases[s.id]] } : s));
		}
		return (this.effective = x);
	}

	/** The page's headings matched to the topic's sections. */
	sections(): SectionIndex {
		return (this.sectionIndex ??= matchSections(this.doc.tree, this.doc.text, this.disclosure()?.sections ?? []));
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
		return (this.procedureCache ??= { value: readProcedure(this.doc.text, spec, this.sections(), this.durationOptions) }).value;
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
					out.push({ keyPath: key.path, path: hit.path, raw: hit.value, start: r[0], end: r[1], match: parseDate(hit.value) });
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
			if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
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
