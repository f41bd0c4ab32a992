/**
 * The engine's own vocabulary. Nothing here knows about LSP, VS Code or the terminal:
 * `lsp/` and `cli/` convert these types at the edge.
 */

/** How serious a finding is. `info` is shown but never fails a run. */
export type Severity = 'error' | 'warning' | 'info';

/** A configured rule level: a severity or `off`. */
export type RuleLevel = Severity | 'off';

/** A supported message language. */
export type Locale = 'th' | 'en';

/** Text in both product languages. */
export interface LocalizedText {
	th: string;
	en: string;
}

/** A message argument: plain text, a number, or text in both languages. */
export type MessageArg = string | number | LocalizedText;

/** A replacement of `[start, end)` (offsets in the document text, BOM excluded) by `text`. */
export interface TextEdit {
	range: [number, number];
	text: string;
}

/** A fix a user (or `--fix`) may apply. */
export interface Fix extends TextEdit {
	/** Safe fixes are applied by `--fix` and `source.fixAll`; others are offered as quick fixes only. */
	safe: boolean;
}

/** A 1-based position; `column` counts UTF-16 code units (as LSP does). */
export interface Position {
	line: number;
	column: number;
}

/** One finding of one rule on one document. */
export interface Finding {
	ruleId: string;
	severity: Severity;
	/** Key into the rule's `messages`. */
	messageId: string;
	args: Record<string, MessageArg>;
	/** Offsets in the document text (BOM excluded). */
	start: number;
	end: number;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	fix?: Fix;
	/** What an editor needs to rebuild a quick fix statelessly (kept JSON-serialisable). */
	data?: Record<string, unknown>;
}

/** A problem a rule reports, before positions and severity are resolved. */
export interface Report {
	messageId: string;
	args?: Record<string, MessageArg>;
	/** Offsets in the document text (BOM excluded). */
	start: number;
	end: number;
	/** A severity for this finding only (e.g. a recommended key is a warning); the configured level caps it. */
	severity?: Severity;
	fix?: Fix;
	data?: Record<string, unknown>;
}

/** File access the engine needs; injected so the server can serve unsaved buffers and tests can use memory. */
export interface Host {
	/** The file's text, or `undefined` when it does not exist or cannot be read. */
	readFile(path: string): string | undefined;
	/** Whether a file (not a folder) exists. */
	fileExists(path: string): boolean;
	/** Names of the entries of a folder, or `undefined` when it is not a folder. */
	readDir(path: string): string[] | undefined;
	/** Modification time in ms, for cache keys; `undefined` when the file does not exist. */
	mtime(path: string): number | undefined;
	/**
	 * The canonical path, every symbolic link resolved, or `undefined` when it does not exist. Optional:
	 * a host without links (in memory) leaves it out, and paths are then taken as written.
	 */
	realpath?(path: string): string | undefined;
}

/** A calendar date (CE year). */
export type { CalendarDate } from './thai/dates';

/** A problem in a configuration or schema file, with its place. */
export interface FileProblem {
	file: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
	message: LocalizedText;
}
