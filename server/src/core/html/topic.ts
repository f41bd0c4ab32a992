import type { SchemaRegistry, TopicSchema } from '../schema/registry';
import type { SectionSpec } from '../schema/xDisclosure';
import { headingMatcher, namesAtBoundaries } from '../body/sections';
import { headingKey } from '../body/text';

/** The topic recognised for a page without front matter, and why (docs/audit.md#topic). */
export interface RecognisedTopic {
	topic: TopicSchema;
	/**
	 * `title`: the page's title or H1 names the topic; `placement`: its breadcrumb or category does;
	 * `headings`: its headings are the topic's sections.
	 */
	from: 'title' | 'placement' | 'headings';
	/** The text that named it (the title) or the sections matched (headings). */
	evidence: string;
}

/** Every section a topic knows, its kinds' included. */
function sectionsOf(t: TopicSchema): SectionSpec[] {
	return [...(t.x.sections ?? []), ...(t.x.kinds?.hub?.sections ?? []), ...(t.x.kinds?.item?.sections ?? [])];
}

/** Each topic's heading matcher over all its sections, built once per schema (not per page). */
const matchers = new WeakMap<TopicSchema, ReturnType<typeof headingMatcher>>();
function matcherOf(topic: TopicSchema): ReturnType<typeof headingMatcher> {
	let m = matchers.get(topic);
	if (!m) matchers.set(topic, (m = headingMatcher(sectionsOf(topic))));
	return m;
}

/**
 * Recognise the topic of a page from its title, then where it sits (breadcrumb, categories), then its
 * headings, with the schemas' own names and aliases: the longest topic name the title (or H1) holds
 * wins; a tie between topics is unsure.
 * Failing that, headings that name three or more sections of one topic, and at least half of the
 * page's headings, make that topic (a home page with a "ติดต่อเรา" box is not agency information).
 */
export function recogniseTopic(
	registry: SchemaRegistry,
	titles: string[],
	headings: string[],
	placement: string[] = [],
): RecognisedTopic | undefined {
	const named: [string, 'title' | 'placement'][] = [
		...titles.map((t) => [t, 'title'] as [string, 'title']),
		...placement.map((t) => [t, 'placement'] as [string, 'placement']),
	];
	for (const [title, from] of named) {
		if (!title.trim()) continue;
		let best: { topic: TopicSchema; length: number } | undefined;
		let tie = false;
		for (const id of registry.ids()) {
			const topic = registry.get(id)!;
			// A page under "ข้อมูลหน่วยงาน" may be one part of a topic split over pages (the executives):
			// placement names the topic only of an item page under its hub (a news story, a regulation).
			if (from === 'placement' && !topic.x.kinds?.item) continue;
			for (const name of [topic.x.name.th, topic.x.name.en, ...(topic.x.aliases ?? [])]) {
				if (!namesAtBoundaries(title, name)) continue;
				const length = headingKey(name).length;
				if (!best || length > best.length) {
					tie = false;
					best = { topic, length };
				} else if (length === best.length && best.topic !== topic) tie = true;
			}
		}
		if (best && !tie) return { topic: best.topic, from, evidence: title.trim() };
	}
	if (headings.length === 0) return undefined;
	const scored = registry.ids().map((id) => {
		const topic = registry.get(id)!;
		const match = matcherOf(topic);
		const ids = new Set<string>();
		let hits = 0;
		for (const h of headings) {
			const spec = match(h);
			if (spec) {
				ids.add(spec.id);
				hits++;
			}
		}
		return { topic, ids, hits };
	});
	scored.sort((a, b) => b.ids.size - a.ids.size);
	const [first, second] = scored;
	if (!first || first.ids.size < 3 || first.hits * 2 < headings.length) return undefined;
	if (second && second.ids.size === first.ids.size) return undefined;
	return { topic: first.topic, from: 'headings', evidence: [...first.ids].join(', ') };
}
