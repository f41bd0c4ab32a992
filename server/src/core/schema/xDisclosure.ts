import type { LocalizedText } from '../types';

/**
 * The `x-disclosure` vocabulary: the body requirements of a topic, as data.
 * Validated by `schemas/x-disclosure.meta.schema.json`; documented in `docs/schema-vocabulary.md`.
 * The generic checkers read only this, so a unit's own topic schema gets the same checks.
 */
export interface XDisclosure {
	id: string;
	name: LocalizedText;
	aliases?: string[];
	/** Front-matter key paths that give a warning when absent. */
	recommended?: string[];
	/** Front-matter key paths few real pages carry: an `info` when absent (configurable). */
	suggested?: string[];
	/** Date key paths (`a.b`, `list[].date`) that may not be after today. */
	notFuture?: string[];
	dateOrder?: { earlier: string; later: string }[];
	freshness?: Freshness;
	sections?: SectionSpec[];
	steps?: StepsSpec;
	attribution?: AttributionSpec;
	contact?: { section: string; channels: string[]; recommended?: string[]; mode?: 'all' | 'any' };
	downloads?: {
		required?: { kind: string; min?: number; section?: string }[];
		extensions?: string[];
		allowNoneFor?: string[];
	};
	requiredLinks?: {
		id: string;
		pattern: string;
		flags?: string;
		label: LocalizedText;
		keys?: string[];
		section?: string;
		allowNone?: boolean;
	}[];
	https?: string[];
	procurement?: { when?: When; section?: string; noneText?: string; graceDays?: number; periodKey?: string };
	variants?: (Omit<XDisclosure, 'id' | 'name' | 'variants' | 'aliases' | 'kinds'> & { when: When })[];
	/** What a hub page (a list of items) and an item page (one item) hold (docs/page-model.md). */
	kinds?: { hub?: KindSpec; item?: KindSpec };
}

/** The kinds of page a topic knows. */
export type PageKind = 'hub' | 'item';

/** The requirements of one kind of page, merged over the topic's own like a variant. */
export type KindSpec = Omit<XDisclosure, 'id' | 'name' | 'variants' | 'aliases' | 'kinds'> & {
	/** Front-matter conditions, any of which makes a page this kind. */
	when?: When[];
	/** Front-matter keys a page of this kind must carry (reported like a schema's `required`). */
	required?: string[];
};

/** A condition on front-matter values: a value, any of a list, or `{present: boolean}`. */
export type When = Record<string, unknown>;

/** A regular expression with a label, for content a section must hold. */
export interface PatternSpec {
	pattern: string;
	flags?: string;
	label?: LocalizedText;
}

/** How fresh a topic's pages must be. */
export interface Freshness {
	/** Days `updated` may lie behind today; `null`: no limit. */
	maxAgeDays?: number | null;
	/** Whether `fiscal_year` must be the current one, or may also be the previous. */
	fiscalYear?: 'current' | 'current-or-previous' | null;
}

/** A section a page of the topic holds. */
export interface SectionSpec {
	id: string;
	heading: LocalizedText;
	aliases?: string[];
	required?: boolean;
	allowNone?: boolean;
	mustContain?: string[][];
	mustMatch?: PatternSpec[];
	/** Matches the raw heading (before numbering is stripped), e.g. "มาตรา 9 (8)". */
	headingPattern?: string;
	headingFlags?: string;
	/** The explicit "none" wording to suggest, e.g. ไม่มีค่าธรรมเนียม. */
	noneText?: string;
	/** A sub-section that counts as its parent (9(4)-1 for 9(4)). */
	parent?: string;
	/** When no heading names it, the page itself is this section (a hub's list). */
	page?: boolean;
	role?: 'text' | 'steps' | 'total' | 'contact' | 'downloads' | 'links' | 'items' | 'procurement-months';
	fiscalYear?: boolean;
	minLinks?: number;
}

/** Where the steps and their total are. */
export interface StepsSpec {
	section: string;
	totalSection?: string;
	totalLabels?: string[];
	durationHeaders?: string[];
	responsibleHeaders?: string[];
	durationRequired?: boolean;
	responsibleRecommended?: boolean;
	deadlineKey?: string;
}

/** Which items need a source or a date. */
export interface AttributionSpec {
	source?: boolean;
	date?: boolean;
	time?: 'info' | 'warning' | false;
	sections?: string[];
	/** More patterns that count as a source (a Royal Gazette reference on `law`). */
	sourcePatterns?: PatternSpec[];
	/** Front-matter keys that supply the source or the date of a single-item page. */
	sourceKeys?: string[];
	dateKeys?: string[];
}
