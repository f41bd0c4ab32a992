import { parseArgs } from 'node:util';

/** The parsed command line. */
export interface CliOptions {
	format: string;
	output?: string;
	fix: boolean;
	fixDryRun: boolean;
	links?: string;
	/** `--links-allow-private`: the online check may request loopback, private and link-local addresses. */
	linksAllowPrivate: boolean;
	today?: string;
	locale?: string;
	config?: string;
	maxWarnings?: number;
	cache: boolean;
	cacheLocation?: string;
	baseline?: string;
	updateBaseline: boolean;
	report?: string;
	stdin: boolean;
	stdinFilename?: string;
	listRules: boolean;
	printConfig?: string;
	init: boolean;
	version: boolean;
	help: boolean;
	quiet: boolean;
	color?: boolean;
	threads?: number;
	patterns: string[];
	/** `audit`: crawl and lint published sites (the first argument; docs/audit.md). */
	command: 'lint' | 'audit';
	sites?: string;
	maxPages?: number;
	maxDepth?: number;
	perHost?: number;
	parallelSites?: number;
}

/** A usage error: exit code 2 with this message. */
export class UsageError extends Error {}

/** Parse argv (without node and the script). Throws {@link UsageError}. */
export function parseCliArgs(argv: string[]): CliOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				format: { type: 'string', short: 'f' },
				output: { type: 'string', short: 'o' },
				fix: { type: 'boolean' },
				'fix-dry-run': { type: 'boolean' },
				links: { type: 'string' },
				'links-allow-private': { type: 'boolean' },
				today: { type: 'string' },
				locale: { type: 'string' },
				config: { type: 'string', short: 'c' },
				'max-warnings': { type: 'string' },
				cache: { type: 'boolean' },
				'cache-location': { type: 'string' },
				baseline: { type: 'string' },
				'update-baseline': { type: 'boolean' },
				report: { type: 'string' },
				stdin: { type: 'boolean' },
				'stdin-filename': { type: 'string' },
				'list-rules': { type: 'boolean' },
				'print-config': { type: 'string' },
				init: { type: 'boolean' },
				version: { type: 'boolean', short: 'v' },
				help: { type: 'boolean', short: 'h' },
				quiet: { type: 'boolean', short: 'q' },
				color: { type: 'boolean' },
				'no-color': { type: 'boolean' },
				threads: { type: 'string' },
				sites: { type: 'string' },
				'max-pages': { type: 'string' },
				'max-depth': { type: 'string' },
				'per-host': { type: 'string' },
				'parallel-sites': { type: 'string' },
			},
		});
	} catch (err) {
		throw new UsageError((err as Error).message);
	}
	const v = parsed.values;
	const audit = parsed.positionals[0] === 'audit';
	const auditOnly = ['sites', 'max-pages', 'max-depth', 'per-host', 'parallel-sites'] as const;
	const given = (names: readonly string[]) =>
		names.filter((n) => (v as Record<string, unknown>)[n] !== undefined).map((n) => `--${n}`);
	if (!audit && given(auditOnly).length)
		throw new UsageError(`${given(auditOnly).join(', ')} belong to \`disclosure-lint audit\``);
	const lintOnly = [
		'fix',
		'fix-dry-run',
		'stdin',
		'stdin-filename',
		'init',
		'print-config',
		'baseline',
		'update-baseline',
		'threads',
	];
	if (audit && given(lintOnly).length)
		throw new UsageError(`${given(lintOnly).join(', ')} cannot be used with \`disclosure-lint audit\``);
	const intOption = (name: string, raw: string | undefined, min: number): number | undefined => {
		if (raw === undefined) return undefined;
		if (!/^\d+$/.test(raw) || Number(raw) < min)
			throw new UsageError(`--${name} needs a whole number ≥ ${min}, not "${raw}"`);
		return Number(raw);
	};
	const oneOf = (name: string, raw: string | undefined, allowed: string[]): string | undefined => {
		if (raw !== undefined && !allowed.includes(raw))
			throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${raw}"`);
		return raw;
	};
	return {
		format: oneOf('format', v.format, ['stylish', 'json', 'sarif', 'junit', 'github']) ?? 'stylish',
		output: v.output,
		fix: v.fix ?? false,
		fixDryRun: v['fix-dry-run'] ?? false,
		links: oneOf('links', v.links, ['off', 'local', 'online']),
		linksAllowPrivate: v['links-allow-private'] ?? false,
		today: v.today,
		locale: oneOf('locale', v.locale, ['th', 'en']),
		config: v.config,
		maxWarnings: intOption('max-warnings', v['max-warnings'], 0),
		cache: v.cache ?? false,
		cacheLocation: v['cache-location'],
		baseline: v.baseline,
		updateBaseline: v['update-baseline'] ?? false,
		report: v.report,
		stdin: v.stdin ?? false,
		stdinFilename: v['stdin-filename'],
		listRules: v['list-rules'] ?? false,
		printConfig: v['print-config'],
		init: v.init ?? false,
		version: v.version ?? false,
		help: v.help ?? false,
		quiet: v.quiet ?? false,
		color: v['no-color'] ? false : v.color,
		threads: intOption('threads', v.threads, 1),
		patterns: audit ? parsed.positionals.slice(1) : parsed.positionals,
		command: audit ? 'audit' : 'lint',
		sites: v.sites,
		maxPages: intOption('max-pages', v['max-pages'], 1),
		maxDepth: intOption('max-depth', v['max-depth'], 0),
		perHost: intOption('per-host', v['per-host'], 1),
		parallelSites: intOption('parallel-sites', v['parallel-sites'], 1),
	};
}

/** `--help`. */
export const HELP = `disclosure-lint [options] [paths or globs …]
disclosure-lint audit [options] URL … | --sites FILE      (disclosure-lint audit --help)
  Lint Thai government disclosure pages (Markdown + YAML front matter, or published HTML).
  Default: the current folder, **/*.md and **/*.html, honouring .gitignore and .disclosurelintignore.

  --format stylish|json|sarif|junit|github
                                 output format (default stylish, coloured on a TTY)
  --output FILE                  write the report there instead of stdout
  --fix                          apply the safe fixes in place; --fix-dry-run prints them as a diff
  --links off|local|online       local (default): files and anchors; online: also http(s) URLs
  --links-allow-private          online: also request loopback, private and link-local addresses
                                 (refused by default; docs/security.md)
  --report FILE.html             write the site compliance report (self-contained HTML)
  --today YYYY-MM-DD             fix "today" (also env DISCLOSURE_LINT_TODAY)
  --locale th|en                 message language (default from the environment)
  --config FILE                  use this config file instead of discovery
  --max-warnings N               fail when warnings exceed N
  --quiet                        report errors only
  --cache [--cache-location PATH] reuse the results of unchanged pages (.disclosurelintcache/results.json)
  --baseline FILE                report only findings not in the baseline; --update-baseline rewrites it
  --stdin [--stdin-filename NAME] lint standard input
  --threads N                    worker threads (default: by file count and cores)
  --list-rules                   list the rules
  --print-config FILE            print the configuration that applies to FILE
  --init                         write a starter .disclosurelintrc.json
  --version, --help

  Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors or too many
  warnings; 2 usage error, bad configuration, or an internal failure.
`;
