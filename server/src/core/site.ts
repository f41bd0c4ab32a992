import type { Finding } from './types';
import type { SchemaRegistry } from './schema/registry';
import type { ResolvedConfig } from './config/types';
import { BUILTIN_TOPIC_IDS } from './schema/builtin';
import { engineRuleLevel } from './lint';

/** What the site check knows of a page. */
export interface PageSummary {
	path: string;
	topic?: string;
	/** `sections:` of the front matter; undefined when the page holds the whole topic. */
	sections?: string[];
}

/**
 * topic-coverage (docs/architecture.md#site-check-and-compliance-report): every required topic is covered by some page, and when a topic is
 * split over pages (`sections:`), every required section by one of them. Findings sit on line 1 of
 * the file the caller reports them on (the configuration file, or the linted folder).
 */
export function siteFindings(pages: PageSummary[], registry: SchemaRegistry, config: ResolvedConfig): Finding[] {
	const level = engineRuleLevel('topic-coverage', config);
	if (!level) return [];
	const required = config.requiredTopics ?? [...BUILTIN_TOPIC_IDS];
	const out: Finding[] = [];
	const push = (messageId: string, args: Finding['args'], data: Record<string, unknown>) =>
		out.push({ ruleId: 'topic-coverage', severity: level, messageId, args, start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1, data });
	for (const id of required) {
		const topic = registry.get(id);
		if (!topic) {
			push('unknownTopic', { topic: id }, { topic: id });
			continue;
		}
		const of = pages.filter((p) => p.topic === id);
		if (!of.length) {
			push('topic', { topic: topic.x.name, id }, { topic: id });
			continue;
		}
		if (of.some((p) => !p.sections)) continue;
		const covered = new Set(of.flatMap((p) => p.sections ?? []));
		for (const s of topic.x.sections ?? []) if (s.parent && covered.has(s.id)) covered.add(s.parent);
		for (const s of topic.x.sections ?? []) {
			if (s.required === false || covered.has(s.id)) continue;
			push('section', { topic: topic.x.name, id, section: s.heading, sectionId: s.id }, { topic: id, section: s.id });
		}
	}
	return out;
}
