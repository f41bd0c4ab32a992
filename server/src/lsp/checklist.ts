import { pathToFileURL } from 'node:url';
import type { PageResult } from '../core/lint';
import type { ResolvedConfig } from '../core/config/types';
import type { SchemaRegistry } from '../core/schema/registry';
import type { Finding, LocalizedText } from '../core/types';
import { siteCoverage } from '../core/coverage';
import { addDays, formatDate, parseIsoDay, toIsoCE } from '../core/thai/dates';
import type { Locale } from '../core/types';

/** The request and notification of the site's disclosure checklist (any LSP client may use them). */
export const CHECKLIST_REQUEST = 'disclosure-lint/checklist';
export const CHECKLIST_CHANGED = 'disclosure-lint/checklistChanged';

/** What the checklist keeps of a page between lints (not its findings: their counts and missing sections). */
export interface ChecklistPage {
	path: string;
	topic?: string;
	sections?: string[];
	/** The page's section-missing findings, which say which sections it lacks. */
	findings: Pick<Finding, 'ruleId' | 'data'>[];
	errors: number;
	warnings: number;
	/** Last review (ISO, CE) and the topic's limit in days (null: none). */
	updated?: string;
	maxAgeDays?: number | null;
}

export interface ChecklistTopic {
	id: string;
	name: LocalizedText;
	state: 'covered' | 'partial' | 'missing';
	missingSections: string[];
	pages: { uri: string; errors: number; warnings: number; reviewDue: string | null }[];
}

export interface Checklist {
	topics: ChecklistTopic[];
}

/** A page's checklist entry from its lint result. */
export function checklistPage(result: PageResult): ChecklistPage {
	const count = (severity: Finding['severity']): number => result.findings.filter((f) => f.severity === severity).length;
	return {
		path: result.path, topic: result.topic, sections: result.sections,
		findings: result.findings.filter((f) => f.ruleId === 'section-missing').map((f) => ({ ruleId: f.ruleId, data: f.data })),
		errors: count('error'), warnings: count('warning'), updated: result.meta?.updated, maxAgeDays: result.meta?.maxAgeDays,
	};
}

/**
 * The site's disclosure checklist: every required topic (configuration order), then custom topics
 * with pages; each covered, partly covered (which sections are missing) or missing, with its pages,
 * their errors and warnings and when their review is due.
 */
export function checklist(pages: ChecklistPage[], registry: SchemaRegistry, config: ResolvedConfig): Checklist {
	return {
		topics: siteCoverage(pages, registry, config).map((t) => ({
			id: t.id,
			name: t.name ?? { th: t.id, en: t.id },
			state: t.pages.length === 0 ? 'missing' : t.ok ? 'covered' : 'partial',
			missingSections: t.sections.filter((s) => !s.covered).map((s) => s.id),
			pages: t.pages.map((p) => ({
				uri: pathToFileURL(p.path).href,
				errors: p.errors,
				warnings: p.warnings,
				reviewDue: reviewDue(p),
			})),
		})),
	};
}

function reviewDue(p: ChecklistPage): string | null {
	const updated = p.updated ? parseIsoDay(p.updated) : null;
	return updated && typeof p.maxAgeDays === 'number' ? toIsoCE(addDays(updated, p.maxAgeDays)) : null;
}

const TH_MEDIUM = { style: 'th-medium', era: 'BE', eraMarker: false, thaiDigits: false, dayPrefix: false } as const;
const EN = { style: 'en', era: 'CE', eraMarker: false, thaiDigits: false, dayPrefix: false } as const;

/**
 * The code lens on a page's first line: when it was last reviewed and when its next review is due
 * ("ทบทวนล่าสุด 1 พ.ย. 2569 · ครบกำหนดทบทวน 1 พ.ย. 2570"), in the page's language. Undefined when
 * the page has no valid `updated`.
 */
export function reviewLens(result: Pick<PageResult, 'meta'>, locale: Locale): string | undefined {
	const updated = result.meta?.updated ? parseIsoDay(result.meta.updated) : null;
	if (!updated) return undefined;
	const max = result.meta?.maxAgeDays;
	const fmt = (d: Parameters<typeof formatDate>[0]): string => formatDate(d, locale === 'th' ? TH_MEDIUM : EN);
	if (typeof max !== 'number') return locale === 'th' ? `ทบทวนล่าสุด ${fmt(updated)} · หัวข้อนี้ไม่กำหนดรอบทบทวน` : `Last reviewed ${fmt(updated)} · this topic sets no review limit`;
	const due = addDays(updated, max);
	return locale === 'th' ? `ทบทวนล่าสุด ${fmt(updated)} · ครบกำหนดทบทวน ${fmt(due)}` : `Last reviewed ${fmt(updated)} · next review due ${fmt(due)}`;
}
