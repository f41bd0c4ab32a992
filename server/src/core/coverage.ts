import type { ResolvedConfig } from './config/types';
import type { SchemaRegistry } from './schema/registry';
import { BUILTIN_TOPIC_IDS } from './schema/builtin';
import type { Finding, LocalizedText } from './types';

/** What coverage needs of a page: its topic, `sections:` and findings. */
export interface CoveragePage {
	topic?: string;
	/** `sections:` of the front matter; undefined when the page holds the whole topic. */
	sections?: string[];
	findings: Pick<Finding, 'ruleId' | 'data'>[];
}

/** A section of a topic, and whether some page covers it. */
export interface SectionCoverage {
	id: string;
	heading: LocalizedText;
	covered: boolean;
}

/** A topic of the site: its pages, its sections and how far they are covered. */
export interface TopicCoverage<P extends CoveragePage = CoveragePage> {
	id: string;
	name?: LocalizedText;
	/** Whether `requiredTopics` (default: all ten) asks for it. */
	required: boolean;
	/** The topic id is unknown to the schemas (a requiredTopics entry without a schema). */
	unknown: boolean;
	pages: P[];
	/** The required sections (none: the topic has no sections, a page covers it). */
	sections: SectionCoverage[];
	/** Covered parts out of all: sections, or 1 of 1 for a topic without sections that has a page. */
	covered: number;
	total: number;
	ok: boolean;
}

/** Whether a section-missing finding on the page names the section. */
function reportsMissing(page: CoveragePage, sectionId: string): boolean {
	return page.findings.some((f) => f.ruleId === 'section-missing' && f.data?.sectionId === sectionId);
}

/**
 * How far the site's pages cover each topic: the required topics first (configuration order), then
 * other topics with pages. Shared by the compliance report and the editor's disclosure checklist.
 */
export function siteCoverage<P extends CoveragePage>(
	pages: P[],
	registry: SchemaRegistry,
	config: ResolvedConfig,
): TopicCoverage<P>[] {
	const requiredIds = config.requiredTopics ?? [...BUILTIN_TOPIC_IDS];
	const pagesOf = new Map<string, P[]>();
	for (const p of pages) if (p.topic) (pagesOf.get(p.topic) ?? pagesOf.set(p.topic, []).get(p.topic)!).push(p);
	const ids = [...requiredIds, ...[...pagesOf.keys()].filter((id) => !requiredIds.includes(id)).sort()];
	return ids.map((id): TopicCoverage<P> => {
		const topic = registry.get(id);
		const of = pagesOf.get(id) ?? [];
		// The topic's own required sections, and any other section its pages report missing (a section
		// of a kind of page or of a variant, which cannot be told apart page by page).
		const specs: { id: string; heading: LocalizedText }[] = (topic?.x.sections ?? []).filter(
			(s) => s.required !== false,
		);
		const known = [topic?.x.kinds?.hub, topic?.x.kinds?.item, ...(topic?.x.variants ?? [])].flatMap(
			(k) => k?.sections ?? [],
		);
		for (const p of of) {
			for (const f of p.findings) {
				const sid = f.ruleId === 'section-missing' ? f.data?.sectionId : undefined;
				if (typeof sid !== 'string' || specs.some((s) => s.id === sid)) continue;
				const heading = known.find((s) => s.id === sid)?.heading ?? {
					th: String(f.data?.heading ?? sid),
					en: sid,
				};
				specs.push({ id: sid, heading });
			}
		}
		// A section is covered by a page split with `sections:` that lists it (or one of its
		// sub-sections, as topic-coverage counts it), or by a whole page that does not report it missing.
		const listed = new Set(of.flatMap((p) => p.sections ?? []));
		for (const s of topic?.x.sections ?? []) if (s.parent && listed.has(s.id)) listed.add(s.parent);
		const sections = specs.map((s) => ({
			id: s.id,
			heading: s.heading,
			covered: listed.has(s.id) || of.some((p) => !p.sections && !reportsMissing(p, s.id)),
		}));
		const covered = sections.length ? sections.filter((s) => s.covered).length : of.length ? 1 : 0;
		const total = sections.length || 1;
		return {
			id,
			name: topic?.x.name,
			required: requiredIds.includes(id),
			unknown: !topic,
			pages: of,
			sections,
			covered,
			total,
			ok: of.length > 0 && covered === total,
		};
	});
}
