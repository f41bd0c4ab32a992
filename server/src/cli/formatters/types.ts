import * as path from 'node:path';
import type { HtmlInfo } from '../../core/html/lint';
import type { Finding, Locale } from '../../core/types';
import type { PageMeta } from '../../core/lint';

/** One file's findings, as the formatters receive them. */
export interface FileReport {
	/** Absolute path. */
	filePath: string;
	findings: Finding[];
	/** The language of this file's messages. */
	locale: Locale;
	/** The page's topic and `sections:`, for the site check (not printed). */
	topic?: string;
	sections?: string[];
	/** Title and freshness, for the compliance report. */
	meta?: PageMeta;
	/** Other files the findings depend on (for `--cache`). */
	dependencies?: string[];
	/** The page's http(s) URLs (online link mode). */
	urls?: string[];
	/** The site check's entry (on the config file or the folder), not a page. */
	site?: boolean;
	/** How an HTML page was read (encoding, main content, where its topic came from). */
	html?: HtmlInfo;
}

/** A page's name as output shows it: a live page's URL as it is, a file relative to the working folder. */
export function displayPath(filePath: string, cwd: string): string {
	if (/^https?:\/\//i.test(filePath)) return filePath;
	return path.relative(cwd, filePath) || filePath;
}

/** What a formatter knows about the run. */
export interface FormatContext {
	cwd: string;
	color: boolean;
	/** The run's message language (for totals). */
	locale: Locale;
}

/** A formatter turns the run's reports into the text written to stdout or `--output`. */
export type Formatter = (reports: FileReport[], ctx: FormatContext) => string;
