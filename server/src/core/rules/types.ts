import type { Host, LocalizedText, Report, Severity, Locale } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { SchemaRegistry, TopicSchema } from '../schema/registry';
import type { ResolvedConfig } from '../config/types';
import type { CalendarDate } from '../thai/dates';
import type { Facts } from '../facts';
import type { Verdict } from '../links/verdict';

/** Where a rule runs. Engine and site rules are reported by the pipeline itself (their `check` is absent). */
export type RuleScope = 'page' | 'site' | 'engine';

/** A report of one rule: its `messageId` is one of the rule's own message ids. */
export interface RuleReport<MessageIds extends string = string> extends Report {
	messageId: MessageIds;
}

/**
 * A rule's metadata and check, typed by its message ids and its options object.
 *
 * One file per rule id: `rules/<camelCaseId>.ts` (`date-invalid` → `rules/dateInvalid.ts`) exports
 * the rule and holds its logic. An engine or site rule's file holds its metadata and the function that
 * makes its reports, which the pipeline calls (`lint.ts`, `engine.ts`, `site.ts`). What several rules
 * or the pipeline share lives in `core/facts.ts` and `core/body/`, never in a rule file: only
 * `rules/index.ts` (the registry) is imported from outside `rules/` (docs/architecture.md#the-rule-registry).
 *
 * `MessageIds` is the union of the keys of `messages`: a report with another message id, or a
 * message id without a template, does not compile.
 */
export interface Rule<MessageIds extends string = string, Options extends object = Record<string, unknown>> {
	id: string;
	tags: string[];
	defaultSeverity: Severity;
	fixable: boolean;
	scope: RuleScope;
	/** One line: what the rule reports. */
	description: LocalizedText;
	/**
	 * The JSON Schema of the rule's options object (`["warning", {options}]` in the configuration), the
	 * shape of `Options`. The generated configuration schema carries it, so a misspelt or mistyped
	 * option is a configuration error with its position, and editors complete the options. Absent: the
	 * rule takes no options.
	 */
	options?: Record<string, unknown>;
	/** Message templates by id; `{name}` placeholders are filled from the report's args. */
	messages: Record<MessageIds, LocalizedText>;
	/**
	 * The rule reports what the body lacks (a section, a link, a source): it does not run on a page
	 * whose body was not parsed, where absence means nothing (page-limits reports that page).
	 */
	needsBody?: boolean;
	check?(ctx: RuleContext<Options>, report: (r: RuleReport<MessageIds>) => void): void;
}

/** Everything a page rule may read; `Options` is the type of the rule's options object. */
export interface RuleContext<Options extends object = Record<string, unknown>> {
	doc: ParsedDocument;
	/** The page's topic schema, when it has a known topic. */
	topic: TopicSchema | undefined;
	/** How the topic was found, or why not. */
	topicResolution: TopicResolution;
	/** The front matter as a plain mapping (undefined when absent, broken or not a mapping). */
	data: Record<string, unknown> | undefined;
	registry: SchemaRegistry;
	config: ResolvedConfig;
	/** This rule's options from the configuration (checked against the rule's options schema there). */
	options: Options;
	today: CalendarDate;
	locale: Locale;
	/** Derived data shared by rules, computed once per page. */
	facts: Facts;
	/** File access (relative links and downloads), when the caller has a file system. */
	host?: Host;
	/** The workspace root: site-root links (`/about/`) resolve from here. */
	root?: string;
	/** Link checking: the mode, other pages' anchors, and online verdicts when there are some. */
	links?: LinkContext;
	/**
	 * What the page was written in: `html` for a published page read through its markup (docs/audit.md),
	 * whose front matter holds only what the markup states and which cannot be fixed in place.
	 */
	format?: 'markdown' | 'html';
}

/** What the link rules need beyond the page. */
export interface LinkContext {
	mode: 'off' | 'local' | 'online';
	/** The anchors of a page file (from `doc` when given, for the page being linted). */
	anchors(file: string, doc?: ParsedDocument): Set<string> | undefined;
	/** Online verdicts by checked URL ({@link checkKey}); absent until the external check ran. */
	verdicts?: Map<string, Verdict>;
}

/** How a page's topic was determined. */
export interface TopicResolution {
	/** `recognised`: an HTML page's title or headings named it (docs/audit.md#topic). */
	source: 'front-matter' | 'config' | 'recognised' | 'none';
	/** The value written (front matter) or assigned (config), or the topic id recognised. */
	value?: unknown;
	/** How a front-matter value was recognised. */
	by?: 'id' | 'name' | 'alias';
	/** For a recognised topic: what named it, and the title text or the sections matched. */
	recognisedFrom?: 'title' | 'placement' | 'headings';
	evidence?: string;
	/** An audit of a published site: an unrecognised page is listed by the report, not reported (most pages of a site are no topic's). */
	audit?: boolean;
	problem?: 'missing' | 'not-text' | 'unknown' | 'unknown-config' | 'unrecognised';
}
