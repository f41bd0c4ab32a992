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
import { sectionMissing } from './sectionMissing';
import { sectionEmpty } from './sectionEmpty';
import { stepDeadlineExceeded, stepDurationInvalid, stepDurationMissing, stepTotalMismatch } from './steps';
import { dateMissing, sourceMissing } from './attribution';
import { downloadMissing } from './downloadMissing';
import { linkRequiredMissing } from './linkRequiredMissing';
import { contactMissing } from './contactMissing';
import { imageAltMissing } from './imageAltMissing';
import { piiNationalId } from './piiNationalId';
import { procurementMonthMissing } from './procurementMonthMissing';
import { topicCoverage } from './topicCoverage';
import { linkAnchorMissing, linkExternalDead, linkExternalUnverified, linkFileMissing, linkInsecure, linkMalformed } from './links';
import { fileUnreadable, internalError, pageLimits, suppressionReasonMissing, suppressionUnused } from './engineRules';

/** Where each rule's documentation page lives; every diagnostic links to it. */
export const DOCS_BASE_URL = 'https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/';

/** Every rule, in the order of the rule table (docs/rules/README.md). */
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

export type { Rule, RuleContext } from './types';
