import type { Finding } from './types';
import type { SchemaRegistry } from './schema/registry';
import type { ResolvedConfig } from './config/types';
import { engineRuleLevel } from './lint';
import { topicCoverageReports } from './rules/index';

/** What the site check knows of a page. */
export interface PageSummary {
	path: string;
	topic?: string;
	/** `sections:` of the front matter; undefined when the page holds the whole topic. */
	sections?: string[];
}

/**
 * The site check (docs/architecture.md#site-check-and-compliance-report): `topic-coverage` over every
 * page of the run, at its configured level (none when it is off). Its logic is the rule's
 * (`rules/topicCoverage.ts`). Findings sit on line 1 of the file the caller reports them on (the
 * configuration file, or the linted folder).
 */
export function siteFindings(
	pages: PageSummary[],
	registry: SchemaRegistry,
	config: ResolvedConfig,
	/** The pages are a published site's (an audit): a missing topic is a page to publish, not a front matter to write. */
	published = false,
): Finding[] {
	const level = engineRuleLevel('topic-coverage', config);
	if (!level) return [];
	return topicCoverageReports(pages, registry, config.requiredTopics, published).map((r) => ({
		ruleId: 'topic-coverage',
		severity: level,
		messageId: r.messageId,
		args: r.args ?? {},
		start: 0,
		end: 0,
		line: 1,
		column: 1,
		endLine: 1,
		endColumn: 1,
		data: r.data,
	}));
}
