import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageResult } from '../core/lint';
import type { ResolvedConfig } from '../core/config/types';
import type { SchemaRegistry, TopicSchema } from '../core/schema/registry';
import { pageSkeleton } from '../core/schema/skeleton';
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

/**
 * How to create a page: where (a suggestion the user may change) and its skeleton. Any LSP client can
 * insert `snippet` as a snippet, or write it with each placeholder's default text.
 */
export interface ChecklistCreate {
	/** The suggested file, relative to `folder` (POSIX separators). */
	file: string;
	/** The folder (a file URI) of the topic's first page; absent: the workspace root. */
	folder?: string;
	/**
	 * The page in snippet syntax (`${1:placeholder}`, `${2|a,b|}`), the same skeleton as the VS Code
	 * snippets: dates are `${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}`.
	 */
	snippet: string;
}

/** A required section of a topic: covered by some page or not; an uncovered one says how to create its page. */
export interface ChecklistSection {
	id: string;
	heading: LocalizedText;
	covered: boolean;
	/** For an uncovered section of a topic that has pages: a page holding only this section (`sections: [id]`). */
	create?: ChecklistCreate;
}

export interface ChecklistTopicPage {
	uri: string;
	errors: number;
	warnings: number;
	reviewDue: string | null;
	/** The sections this page reports missing (section-missing); absent when none. */
	missingSections?: string[];
}

export interface ChecklistTopic {
	id: string;
	name: LocalizedText;
	state: 'covered' | 'partial' | 'missing';
	missingSections: string[];
	pages: ChecklistTopicPage[];
	/** Every required section (and any other a page reports missing), with its heading. */
	sections: ChecklistSection[];
	/** A whole page of the topic from its skeleton; absent for a topic no schema describes. */
	create?: ChecklistCreate;
}

export interface Checklist {
	topics: ChecklistTopic[];
}

/** A page's checklist entry from its lint result. */
export function checklistPage(result: PageResult): ChecklistPage {
	const count = (severity: Finding['severity']): number =>
		result.findings.filter((f) => f.severity === severity).length;
	return {
		path: result.path,
		topic: result.topic,
		sections: result.sections,
		findings: result.findings
			.filter((f) => f.ruleId === 'section-missing')
			.map((f) => ({ ruleId: f.ruleId, data: f.data })),
		errors: count('error'),
		warnings: count('warning'),
		updated: result.meta?.updated,
		maxAgeDays: result.meta?.maxAgeDays,
	};
}

/**
 * The site's disclosure checklist: every required topic (configuration order), then custom topics
 * with pages; each covered, partly covered (which sections are missing) or missing, with its pages,
 * their errors and warnings and when their review is due.
 */
export function checklist(pages: ChecklistPage[], registry: SchemaRegistry, config: ResolvedConfig): Checklist {
	return {
		topics: siteCoverage(pages, registry, config).map((t): ChecklistTopic => {
			const schema = registry.get(t.id);
			const whole = schema ? pageSkeleton(schema, registry.common, SNIPPET_DATE) : undefined;
			// A topic that has pages gets its new pages beside them.
			const first = t.pages[0]?.path;
			const folder = first ? pathToFileURL(path.dirname(first)).href : undefined;
			return {
				id: t.id,
				name: t.name ?? { th: t.id, en: t.id },
				state: t.pages.length === 0 ? 'missing' : t.ok ? 'covered' : 'partial',
				missingSections: t.sections.filter((s) => !s.covered).map((s) => s.id),
				pages: t.pages.map((p) => {
					const missing = missingOf(p);
					return {
						uri: pathToFileURL(p.path).href,
						errors: p.errors,
						warnings: p.warnings,
						reviewDue: reviewDue(p),
						...(missing.length ? { missingSections: missing } : {}),
					};
				}),
				sections: t.sections.map((s) => ({
					id: s.id,
					heading: s.heading,
					covered: s.covered,
					...(!s.covered && schema && whole && t.pages.length
						? {
								create: {
									file: `${t.id}-${fileSafe(s.id)}.md`,
									folder,
									snippet: sectionSkeleton(whole, schema, s).join('\n'),
								},
							}
						: {}),
				})),
				...(whole
					? { create: { file: `${t.id}.md`, ...(folder ? { folder } : {}), snippet: whole.join('\n') } }
					: {}),
			};
		}),
	};
}

/** The date in a skeleton: VS Code's snippet variables, as in the generated snippets file. */
const SNIPPET_DATE = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

/** The sections a page reports missing, in the order its findings came. */
function missingOf(p: ChecklistPage): string[] {
	const ids = p.findings
		.map((f) => (f.ruleId === 'section-missing' ? f.data?.sectionId : undefined))
		.filter((id): id is string => typeof id === 'string');
	return [...new Set(ids)];
}

/** A section id as part of a file name: `9(8)` → `9-8`. */
function fileSafe(id: string): string {
	return id.replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'section';
}

/**
 * A page holding one section of a topic split over pages (docs/page-model.md): the whole-page
 * skeleton's front matter with `sections: [id]`, its title, and only that section's block (or the
 * section's heading where the skeleton has none, as for a section of one kind of page).
 */
export function sectionSkeleton(
	whole: string[],
	topic: TopicSchema,
	section: { id: string; heading: LocalizedText },
): string[] {
	const close = whole.indexOf('---', 1);
	const front = whole.slice(0, close + 1);
	const body = whole.slice(close + 1);
	const yamlId = /^[a-z0-9-]+$/.test(section.id) ? section.id : JSON.stringify(section.id);
	const topicLine = front.findIndex((l) => l.startsWith('topic:'));
	front.splice(topicLine + 1, 0, 'sections:', `  - ${yamlId}`);
	const title = body.findIndex((l) => l.startsWith('# '));
	const out = [...front, ...body.slice(0, title + 2)];
	const heading = body.findIndex((l) => l === `## ${section.heading.th}`);
	if (heading >= 0) {
		let end = body.findIndex((l, i) => i > heading && l.startsWith('## '));
		if (end < 0) end = body.length;
		// The links that belong to no section follow the last section's block: keep only this section's.
		const own = new Set(
			[topic.x, topic.x.kinds?.hub, topic.x.kinds?.item]
				.flatMap((x) => x?.requiredLinks ?? [])
				.filter((l) => l.section === section.id)
				.map((l) => l.label.th),
		);
		const block: string[] = [];
		for (const line of body.slice(heading, end)) {
			const link = /^- \[(.*)\]\(\$\{\d+:https:\/\/\}\)$/.exec(line);
			if (link && !own.has(link[1])) continue;
			if (line === '' && block.at(-1) === '') continue;
			block.push(line);
		}
		out.push(...block);
	} else {
		const next =
			Math.max(
				0,
				...(whole
					.join('\n')
					.match(/\$\{(\d+)[:|]/g)
					?.map((m) => Number(m.slice(2, -1))) ?? []),
			) + 1;
		out.push(`## ${section.heading.th}`, '', `\${${next}:เนื้อหา}`, '');
	}
	return out;
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
	if (typeof max !== 'number')
		return locale === 'th'
			? `ทบทวนล่าสุด ${fmt(updated)} · หัวข้อนี้ไม่กำหนดรอบทบทวน`
			: `Last reviewed ${fmt(updated)} · this topic sets no review limit`;
	const due = addDays(updated, max);
	return locale === 'th'
		? `ทบทวนล่าสุด ${fmt(updated)} · ครบกำหนดทบทวน ${fmt(due)}`
		: `Last reviewed ${fmt(updated)} · next review due ${fmt(due)}`;
}
