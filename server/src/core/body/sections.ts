import type { Heading, Node, Root } from 'mdast';
import type { SectionSpec } from '../schema/xDisclosure';
import { normalizeThai } from '../thai/normalize';
import { walk } from '../parse/walk';
import { BLANK_VALUE, EXPLICIT_NONE, headingKey, nodeText } from './text';

/** A section of the page matched to a section of the topic. */
export interface SectionMatch {
	spec: SectionSpec;
	heading: Heading;
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

/**
 * Match a page's headings to a topic's sections (SPEC §3.4): a `headingPattern` on the raw heading
 * wins; otherwise the longest heading or alias contained in the heading, ignoring case, spacing,
 * numbering and punctuation, so decorated headings ("แนะนำหน่วยงาน - ประวัติความเป็นมา") match too.
 */
export function matchSections(tree: Root, text: string, specs: SectionSpec[]): SectionIndex {
	const candidates: Candidate[] = [];
	for (const spec of specs) {
		for (const name of [spec.heading.th, spec.heading.en, ...(spec.aliases ?? [])]) {
			const key = headingKey(name);
			if (key) candidates.push({ spec, key });
		}
	}
	candidates.sort((a, b) => b.key.length - a.key.length);
	const patterns = specs.filter((s) => s.headingPattern).map((s) => ({ spec: s, re: new RegExp(`^\\s*(?:\\d+[.)]\\s*)?(?:${s.headingPattern})`, s.headingFlags ?? 'u') }));

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
		const raw = normalizeThai(hText).text;
		let spec = patterns.find((p) => p.re.test(raw))?.spec;
		if (!spec) {
			const key = headingKey(hText);
			spec = candidates.find((c) => key.includes(c.key))?.spec;
		}
		if (!spec) continue;
		entry.sectionId = spec.id;
		let j = i + 1;
		while (j < children.length && !(children[j].type === 'heading' && (children[j] as Heading).depth <= node.depth)) j++;
		const nodes = children.slice(i + 1, j);
		const sectionEnd = j < children.length ? children[j].position?.start.offset ?? text.length : text.length;
		const previous = byId.get(spec.id);
		// The page title (H1) often repeats the topic's main heading: a later, deeper match is the section.
		if (!previous || (previous.heading.depth === 1 && node.depth > 1)) {
			byId.set(spec.id, { spec, heading: node, headingText: hText, headingStart: start, headingEnd: end, contentStart: end, end: sectionEnd, nodes, ...content(nodes, hText) });
		} else if (start >= previous.end) {
			// Split over headings ("## วิสัยทัศน์" then "## พันธกิจ"): read together.
			const all = [...previous.nodes, node, ...nodes];
			const merged = content(all, `${previous.fullText.split('\n')[0]} ${hText}`);
			byId.set(spec.id, { ...previous, nodes: all, end: sectionEnd, ...merged, hasContent: previous.hasContent || content(nodes, hText).hasContent });
		}
	}
	return { byId, headings };
}

function content(nodes: Node[], headingText: string): { text: string; fullText: string; hasContent: boolean; explicitNone: boolean } {
	const meaningful = nodes.filter((n) => n.type !== 'html' && n.type !== 'thematicBreak' && n.type !== 'definition');
	const texts = meaningful.map(nodeText);
	const text = texts.filter((_, i) => meaningful[i].type !== 'heading').join('\n').trim();
	const fullText = `${headingText}\n${texts.join('\n')}`;
	const explicitNone = EXPLICIT_NONE.test(text);
	let hasMedia = false;
	for (const n of meaningful) walk(n, (x) => {
		if (x.type === 'image' || x.type === 'imageReference') hasMedia = true;
		return !hasMedia;
	});
	return { text, fullText, explicitNone, hasContent: hasMedia || !BLANK_VALUE.test(text) };
}
