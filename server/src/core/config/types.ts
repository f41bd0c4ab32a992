import type { Locale, RuleLevel, FileProblem } from '../types';

/** A rule setting as written: a level, or `[level, options]`. */
export type RuleSetting = RuleLevel | [RuleLevel] | [RuleLevel, Record<string, unknown>];

/** Link-check settings (docs/architecture.md#configuration). */
export interface LinkSettings {
	mode?: 'off' | 'local' | 'online';
	timeoutMs?: number;
	concurrency?: number;
	perHostConcurrency?: number;
	retries?: number;
	cacheTtlHours?: number;
	exclude?: string[];
	slugProfile?: 'github' | 'gitlab';
	/** The folder site-root links (`/about/`) start from, relative to the config file; default the workspace root. */
	root?: string;
	/** Extensions tried for links written without one, or as `.html` (static-site generators): default [".md"]. */
	pageExtensions?: string[];
	/** Where the link cache is kept, relative to the config file. */
	cacheFile?: string;
	/** Online mode may also request loopback, private, link-local and unspecified addresses (docs/security.md#network). */
	allowPrivate?: boolean;
	/** Most time one URL waits between attempts (Retry-After and backoff together), in ms. */
	maxWaitMs?: number;
}

/** The contents of a `.disclosurelintrc.*` file (docs/architecture.md#configuration). Data only. */
export interface ConfigData {
	rules?: Record<string, RuleSetting>;
	topics?: Record<string, string>;
	schemas?: string[];
	ignores?: string[];
	requiredTopics?: string[];
	links?: LinkSettings;
	workdayMinutes?: number;
	locale?: Locale;
	overrides?: { files: string | string[]; rules: Record<string, RuleSetting> }[];
	/** More heading aliases for sections: topic id → section id → aliases (docs/page-model.md#sections-how-headings-are-matched). */
	aliases?: Record<string, Record<string, string[]>>;
}

/** A rule's effective level and options for one file. */
export interface RuleConfig {
	level: RuleLevel;
	options: Record<string, unknown>;
}

/** The configuration that applies to one file, all cascading done. */
export interface ResolvedConfig {
	/** The config files that apply, farthest first. */
	files: string[];
	/** Only rules a config mentions; the others use their defaults. */
	rules: Record<string, RuleConfig>;
	/** Glob → topic, each glob relative to `base`. */
	topics: { base: string; glob: string; topic: string }[];
	/** Absolute folders of extra topic schemas, farthest first. */
	schemas: string[];
	requiredTopics?: string[];
	links: LinkSettings;
	workdayMinutes: number;
	locale?: Locale;
	/** Extra section heading aliases: topic id → section id → aliases, from every config that applies. */
	aliases: Record<string, Record<string, string[]>>;
	/** Problems in the config files (bad JSON, schema violations), with positions. */
	problems: FileProblem[];
}

/** The names of the configuration files, in the order they are looked for in one folder. */
export const CONFIG_FILE_NAMES = ['.disclosurelintrc.json', '.disclosurelintrc.yaml', '.disclosurelintrc.yml'] as const;

/** The ignore file (gitignore syntax). */
export const IGNORE_FILE_NAME = '.disclosurelintignore';

/** Default length of a working day in minutes (08:30–16:30 with an hour's lunch). */
export const DEFAULT_WORKDAY_MINUTES = 420;
