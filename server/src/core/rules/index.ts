import type { Rule } from './types';
import { frontmatterMissing } from './frontmatterMissing';
import { frontmatterSyntax } from './frontmatterSyntax';
import { topicUnknown } from './topicUnknown';
import { frontmatterSchema } from './frontmatterSchema';
import { dateInvalid } from './dateInvalid';
import { dateEra } from './dateEra';
import { dateFuture } from './dateFuture';
import { dateOrder } from './dateOrder';
import { contentStale } from './contentStale';
import { sourceMissing } from './sourceMissing';
import { dateMissing } from './dateMissing';
import { sectionMissing } from './sectionMissing';
import { sectionEmpty } from './sectionEmpty';
import { stepDurationMissing } from './stepDurationMissing';
import { stepDurationInvalid } from './stepDurationInvalid';
import { stepTotalMismatch } from './stepTotalMismatch';
import { stepDeadlineExceeded } from './stepDeadlineExceeded';
import { downloadMissing } from './downloadMissing';
import { linkFileMissing } from './linkFileMissing';
import { linkAnchorMissing } from './linkAnchorMissing';
import { linkExternalDead } from './linkExternalDead';
import { linkExternalUnverified } from './linkExternalUnverified';
import { linkInsecure } from './linkInsecure';
import { linkMalformed } from './linkMalformed';
import { linkRequiredMissing } from './linkRequiredMissing';
import { contactMissing } from './contactMissing';
import { imageAltMissing } from './imageAltMissing';
import { piiNationalId } from './piiNationalId';
import { procurementMonthMissing } from './procurementMonthMissing';
import { suppressionReasonMissing } from './suppressionReasonMissing';
import { suppressionUnused } from './suppressionUnused';
import { topicCoverage } from './topicCoverage';
import { internalError } from './internalError';
import { fileUnreadable } from './fileUnreadable';
import { pageLimits } from './pageLimits';

/** Where each rule's documentation page lives; every diagnostic links to it. */
export const DOCS_BASE_URL = 'https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/';

/** Every rule, in the order of the rule table (docs/rules/README.md); each is `rules/<camelCaseId>.ts`. */
export const RULES: readonly Rule[] = [
	frontmatterMissing,
	frontmatterSyntax,
	topicUnknown,
	frontmatterSchema,
	dateInvalid,
	dateEra,
	dateFuture,
	dateOrder,
	contentStale,
	sourceMissing,
	dateMissing,
	sectionMissing,
	sectionEmpty,
	stepDurationMissing,
	stepDurationInvalid,
	stepTotalMismatch,
	stepDeadlineExceeded,
	downloadMissing,
	linkFileMissing,
	linkAnchorMissing,
	linkExternalDead,
	linkExternalUnverified,
	linkInsecure,
	linkMalformed,
	linkRequiredMissing,
	contactMissing,
	imageAltMissing,
	piiNationalId,
	procurementMonthMissing,
	suppressionReasonMissing,
	suppressionUnused,
	topicCoverage,
	internalError,
	fileUnreadable,
	pageLimits,
];

const byId = new Map<string, Rule>();
for (const r of RULES) {
	if (byId.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
	if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.id)) throw new Error(`rule id ${r.id} is not kebab-case`);
	byId.set(r.id, r);
}

/** The rule with this id. */
export function getRule(id: string): Rule | undefined {
	return byId.get(id);
}

/** The documentation URL of a rule. */
export function ruleDocsUrl(id: string): string {
	return `${DOCS_BASE_URL}${id}.md`;
}

// The registry is the only module outside `rules/` may import (test/core/rulesLayout.test.ts): the
// types every rule shares, and the functions the pipeline calls to report the engine and site rules.
export type { LinkContext, Rule, RuleContext, RuleReport, RuleScope, TopicResolution } from './types';
export { reasonMissingReports } from './suppressionReasonMissing';
export { unusedDirectiveReports } from './suppressionUnused';
export { topicCoverageReports } from './topicCoverage';
export { internalErrorReport } from './internalError';
export { undecodableReport, unreadableReport } from './fileUnreadable';
export { pageLimitReport } from './pageLimits';
