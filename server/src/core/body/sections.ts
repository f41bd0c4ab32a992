import type { Heading, List, Node, Root } from 'mdast';
import type { SectionSpec } from '../schema/xDisclosure';
import { normalizeThai } from '../thai/normalize';
import { walk } from '../parse/walk';
import { BLANK_VALUE, EXPLICIT_NONE, headingKey, headingWords, nodeText } from './text';
import { schemaPattern } from '../regex';

/** A section of the page matched to a section of the topic. */
export interface SectionMatch {
	spec: SectionSpec;
	/** The heading that names the section; absent when the section stands for the whole page. */
	heading?: Heading;
	/** No heading names it: the section is the page itself (a hub's list, `page: true`). */
	standsForPage?: boolean;
	/** The heading's plain text, as messages quote it. */
	headingText: string;
	/** Offsets of the heading line. */
	headingStart: number;
	headingEnd: number;
	/** Offsets of the section body: after the heading, up to the next heading of the same or a higher level. */
	contentStart: number;
	end: number;
	/** The block nodes of the section body. */
	nodes: Node[];
	/** The plain text of the body. */
	text: string;
	/** The headings' text and the body's, for what a section must mention. */
	fullText: string;
	/** The body holds content (an explicit ไม่มี… counts, a lone dash does not). */
	hasContent: boolean;
	/** The body is an explicit ไม่มี… */
	explicitNone: boolean;
}

/** The sections a page holds. */
export interface SectionIndex {
	/** The first heading matched to each section id. */
	byId: Map<string, SectionMatch>;
	/** The page's headings in order, with the section each matched (if any). */
	headings: { node: Heading; start: number; end: number; text: string; sectionId?: string }[];
}

interface Candidate {
	spec: SectionSpec;
	key: string;
}

/** Where a section that stands for the whole page is reported: the page's H1, or its `title:` line. */
export interface PageAnchor {
	start: number;
	end: number;
	text: string;
}

/** How well a heading names a section: higher is more specific (docs/page-model.md). */
const EXACT = 3;
const PREFIX = 2;
const INSIDE = 1;

/**
 * Match a page's headings to a topic's sections (docs/page-model.md). One heading maps
 * to at most one section, the most specific: a `headingPattern` on the raw heading, then a heading
 * equal to a name or alias, then the longest alias the heading begins with, then the longest alias
 * inside it. Comparison ignores case, spacing, numbering and punctuation; an alias that is not the
 * whole heading must begin and end at Thai word boundaries, so decorated headings
 * ("แนะนำหน่วยงาน - ประวัติความเป็นมา") match while a longer phrase that merely contains a word
 * does not. A section marked `page` that no heading names is the page itself (a hub's list).
 */
export function matchSections(tree: Root, text: string, specs: SectionSpec[], page?: PageAnchor): SectionIndex {
	const sectionOf = headingMatcher(specs);
	const byId = new Map<string, SectionMatch>();
	const headings: SectionIndex['headings'] = [];
	const children = tree.children;
	for (let i = 0; i < children.length; i++) {
		const node = children[i];
		if (node.type !== 'heading') continue;
		const hText = nodeText(node).trim();
		const start = node.position?.start.offset ?? 0;
		const end = node.position?.end.offset ?? start;
		const entry: SectionIndex['headings'][number] = { node, start, end, text: hText };
		headings.push(entry);
		const spec = sectionOf(hText);
		if (!spec) continue;
		entry.sectionId = spec.id;
		let j = i + 1;
		while (j < children.length && !(children[j].type === 'heading' && (children[j] as Heading).depth <= node.depth))
			j++;
		const nodes = children.slice(i + 1, j);
		const sectionEnd = j < children.length ? (children[j].position?.start.offset ?? text.length) : text.length;
		const previous = byId.get(spec.id);
		// The page title (H1) often repeats the topic's main heading: a later, deeper match is the section.
		if (!previous || (previous.heading?.depth === 1 && node.depth > 1)) {
			byId.set(spec.id, {
				spec,
				heading: node,
				headingText: hText,
				headingStart: start,
				headingEnd: end,
				contentStart: end,
				end: sectionEnd,
				nodes,
				...content(nodes, hText),
			});
		} else if (start >= previous.end) {
			// Split over headings ("## วิสัยทัศน์" then "## พันธกิจ"): read together.
			const all = [...previous.nodes, node, ...nodes];
			const merged = content(all, `${previous.fullText.split('\n')[0]} ${hText}`);
			byId.set(spec.id, {
				...previous,
				nodes: all,
				end: sectionEnd,
				...merged,
				hasContent: previous.hasContent || content(nodes, hText).hasContent,
			});
		}
	}
	for (const spec of specs) {
		if (!spec.page || byId.has(spec.id)) continue;
		// The hub's own list: the page's topic already says what it is (docs/page-model.md).
		const nodes = children.filter(
			(n) => n.type !== 'yaml' && !(n.type === 'heading' && (n as Heading).depth === 1),
		);
		const anchor = page ?? { start: 0, end: 0, text: '' };
		const bodyStart = nodes[0]?.position?.start.offset ?? text.length;
		byId.set(spec.id, {
			spec,
			headingText: anchor.text,
			headingStart: anchor.start,
			headingEnd: anchor.end,
			contentStart: bodyStart,
			end: text.length,
			nodes,
			standsForPage: true,
			...content(nodes, anchor.text),
		});
	}
	return { byId, headings };
}

/** The section a heading names (docs/page-model.md), for a topic's sections. */
export function headingMatcher(specs: SectionSpec[]): (headingText: string) => SectionSpec | undefined {
	const candidates: Candidate[] = [];
	for (const spec of specs) {
		for (const name of [spec.heading.th, spec.heading.en, ...(spec.aliases ?? [])]) {
			const key = headingKey(name);
			if (key) candidates.push({ spec, key });
		}
	}
	candidates.sort((a, b) => b.key.length - a.key.length);
	// Native for a built-in schema's pattern, linear-time for a workspace schema's (src/core/regex.ts).
	const patterns = specs
		.filter((s) => s.headingPattern)
		.map((s) => ({
			spec: s,
			re: schemaPattern(s.headingPattern!, s.headingFlags ?? 'u', (p) => `^\\s*(?:\\d+[.)]\\s*)?(?:${p})`),
		}));
	return (headingText) => {
		if (patterns.length) {
			const raw = normalizeThai(headingText).text;
			const hit = patterns.find((p) => p.re.test(raw));
			if (hit) return hit.spec;
		}
		return bestCandidate(headingText, candidates);
	};
}

/** Longer headings (their key) name no section: a real heading is a short label. */
const MAX_HEADING_KEY = 400;

/** The most specific section a heading names, if any. */
function bestCandidate(headingText: string, candidates: Candidate[]): SectionSpec | undefined {
	const plain = headingKey(headingText);
	// No section is named by a heading of hundreds of characters; word segmentation of one is slow.
	if (!plain || plain.length > MAX_HEADING_KEY) return undefined;
	let words: { key: string; boundaries: Set<number> } | undefined;
	let best: { spec: SectionSpec; rank: number; length: number } | undefined;
	for (const c of candidates) {
		if (best && c.key.length < best.length && best.rank >= PREFIX) break;
		let rank = 0;
		if (plain === c.key) rank = EXACT;
		else if (plain.includes(c.key)) {
			words ??= headingWords(headingText);
			rank = atBoundaries(words, c.key);
		}
		if (!rank) continue;
		if (!best || rank > best.rank || (rank === best.rank && c.key.length > best.length))
			best = { spec: c.spec, rank, length: c.key.length };
	}
	return best?.spec;
}

/** Whether a name stands in a text at Thai word boundaries, as an alias inside a heading must (docs/page-model.md). */
export function namesAtBoundaries(text: string, name: string): boolean {
	const key = headingKey(name);
	return key !== '' && atBoundaries(headingWords(text), key) > 0;
}

/** PREFIX when the key begins the heading on word boundaries, INSIDE when it stands inside on them, else 0. */
function atBoundaries(words: { key: string; boundaries: Set<number> }, key: string): number {
	let rank = 0;
	for (let at = words.key.indexOf(key); at >= 0; at = words.key.indexOf(key, at + 1)) {
		if (!words.boundaries.has(at) || !words.boundaries.has(at + key.length)) continue;
		if (at === 0) return PREFIX;
		rank = INSIDE;
	}
	return rank;
}

function content(
	nodes: Node[],
	headingText: string,
): { text: string; fullText: string; hasContent: boolean; explicitNone: boolean } {
	const meaningful = nodes.filter((n) => n.type !== 'html' && n.type !== 'thematicBreak' && n.type !== 'definition');
	const texts = meaningful.map(nodeText);
	const blocks = meaningful.filter((n) => n.type !== 'heading');
	const text = texts
		.filter((_, i) => meaningful[i].type !== 'heading')
		.join('\n')
		.trim();
	const fullText = `${headingText}\n${texts.join('\n')}`;
	// "None" is the whole section saying so in one statement; one quiet month under a summary's
	// sub-headings is content of the summary (docs/page-model.md).
	const explicitNone =
		blocks.length === 1 &&
		meaningful.length === 1 &&
		EXPLICIT_NONE.test(text) &&
		(blocks[0].type === 'paragraph' || (blocks[0].type === 'list' && (blocks[0] as List).children.length === 1));
	let hasMedia = false;
	for (const n of meaningful)
		walk(n, (x) => {
			if (x.type === 'image' || x.type === 'imageReference') hasMedia = true;
			return !hasMedia;
		});
	return { text, fullText, explicitNone, hasContent: hasMedia || !BLANK_VALUE.test(text) };
}
