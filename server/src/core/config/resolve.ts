import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Host, FileProblem, LocalizedText } from '../types';
import { createAjv } from '../schema/ajv';
import { precompiledValidator } from '../schema/precompiled';
import { compileUserPattern } from '../regex';
import { ajvProblems, fileProblem, problemAt, readDataFile } from '../dataFile';
import { locateIn } from '../parse/frontMatter';
import configSchema from '../../../../schemas/disclosure-lint.config.schema.json';
import {
	CONFIG_FILE_NAMES,
	DEFAULT_WORKDAY_MINUTES,
	type ConfigData,
	type ResolvedConfig,
	type RuleConfig,
	type RuleSetting,
} from './types';

/** A configuration file, read and validated. */
export interface LoadedConfig {
	file: string;
	dir: string;
	data: ConfigData;
	problems: FileProblem[];
}

let validateConfig: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/**
 * Read and validate one configuration file. A broken file yields problems and empty data, never a silent fallback.
 * @param root the workspace root: each `schemas` folder must be inside it (or inside the file's own folder)
 */
export function loadConfigFile(host: Host, file: string, root?: string): LoadedConfig {
	const dir = path.dirname(file);
	const text = host.readFile(file);
	if (text === undefined) {
		return {
			file,
			dir,
			data: {},
			problems: [
				fileProblem(file, {
					th: 'อ่านไฟล์การตั้งค่าไม่ได้ (ต้องเป็นไฟล์ปกติที่อ่านได้)',
					en: 'Cannot read the configuration file (it must be a readable regular file)',
				}),
			],
		};
	}
	const parsed = readDataFile(file, text);
	if (parsed.problems.length) return { file, dir, data: {}, problems: parsed.problems };
	const value = parsed.value ?? {};
	validateConfig ??= precompiledValidator('config') ?? createAjv().compile(configSchema);
	if (!validateConfig(value))
		return { file, dir, data: {}, problems: ajvProblems(parsed, validateConfig.errors ?? []) };
	const data = value as ConfigData;
	const problems: FileProblem[] = [];
	// links.exclude runs on the linear-time engine (src/core/regex.ts): a pattern it cannot take is a
	// problem at the pattern, never run on the backtracking engine.
	(data.links?.exclude ?? []).forEach((pattern, i) => {
		const c = compileUserPattern(pattern, 'u');
		if (c.ok) return;
		const r = parsed.doc ? locateIn(parsed.doc, ['links', 'exclude', i])?.value : undefined;
		problems.push(
			problemAt(file, parsed.lines, r?.[0] ?? 0, r?.[1] ?? 1, {
				th: `links.exclude: ${c.reason.th}`,
				en: `links.exclude: ${c.reason.en}`,
			}),
		);
	});
	(data.schemas ?? []).forEach((entry, i) => {
		const message = schemasProblem(host, dir, entry, root);
		if (!message) return;
		const r = parsed.doc ? locateIn(parsed.doc, ['schemas', i])?.value : undefined;
		problems.push(problemAt(file, parsed.lines, r?.[0] ?? 0, r?.[1] ?? 1, message));
	});
	return problems.length ? { file, dir, data: {}, problems } : { file, dir, data, problems: [] };
}

/**
 * What is wrong with a `schemas` entry, if anything: it must name a folder inside the workspace root
 * (or inside the configuration file's own folder, for a file outside the root), so a configuration
 * cannot make the engine read `/`, `/proc` or a folder above the project.
 */
function schemasProblem(host: Host, dir: string, entry: string, root: string | undefined): LocalizedText | undefined {
	const abs = path.resolve(dir, entry);
	if (root !== undefined && !allowedFolder(abs, dir, root)) {
		return {
			th: `schemas: "${entry}" อยู่นอกโฟลเดอร์ของเวิร์กสเปซ (${root}) โฟลเดอร์สคีมาต้องอยู่ภายในเวิร์กสเปซ`,
			en: `schemas: "${entry}" is outside the workspace root (${root}); a schemas folder must be inside it`,
		};
	}
	// The same check on the real paths: a symbolic link inside the workspace may lead out of it.
	const real = realOrNearest(host, abs);
	if (root !== undefined && !allowedFolder(real, realOrNearest(host, dir), realOrNearest(host, root))) {
		return {
			th: `schemas: "${entry}" เป็นลิงก์สัญลักษณ์ (symbolic link) ที่ชี้ไปยัง ${real} ซึ่งอยู่นอกโฟลเดอร์ของเวิร์กสเปซ (${root}) โฟลเดอร์สคีมาต้องอยู่ภายในเวิร์กสเปซ`,
			en: `schemas: "${entry}" leads through a symbolic link to ${real}, outside the workspace root (${root}); a schemas folder must be inside it`,
		};
	}
	if (host.readDir(abs) !== undefined) return undefined;
	if (host.fileExists(abs))
		return {
			th: `schemas: "${entry}" ไม่ใช่โฟลเดอร์ ต้องระบุโฟลเดอร์ที่มีไฟล์ *.schema.json`,
			en: `schemas: "${entry}" is not a folder; name a folder of *.schema.json files`,
		};
	if (host.mtime(abs) !== undefined)
		return {
			th: `schemas: "${entry}" ไม่ใช่โฟลเดอร์ที่อ่านได้`,
			en: `schemas: "${entry}" is not a folder that can be read`,
		};
	return { th: `schemas: ไม่พบโฟลเดอร์ "${entry}" (${abs})`, en: `schemas: folder "${entry}" not found (${abs})` };
}

/**
 * Whether a schemas folder may be read: inside the workspace root, or (for a configuration file
 * outside the root) inside the configuration file's own folder.
 */
function allowedFolder(abs: string, dir: string, root: string): boolean {
	return isInside(abs, root) || (!isInside(dir, root) && isInside(abs, dir));
}

/**
 * The real path of `p` (symbolic links resolved) through the host; for a path that does not exist,
 * the real path of its nearest existing ancestor with the rest appended. As written when the host
 * cannot resolve links.
 */
function realOrNearest(host: Host, p: string): string {
	if (!host.realpath) return p;
	const rest: string[] = [];
	for (let at = p; ; at = path.dirname(at)) {
		const real = host.realpath(at);
		if (real !== undefined) return path.join(real, ...rest.reverse());
		if (path.dirname(at) === at) return p;
		rest.push(path.basename(at));
	}
}

/** Whether `p` is `dir` or inside it (by the path's text: `..` segments resolved, symlinks not followed). */
function isInside(p: string, dir: string): boolean {
	const rel = path.relative(dir, p);
	return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** Normalise a rule setting to level + options. */
export function ruleConfig(setting: RuleSetting): RuleConfig {
	if (Array.isArray(setting)) return { level: setting[0], options: setting[1] ?? {} };
	return { level: setting, options: {} };
}

/** Compiled glob matchers, by their globs (compiling costs ~100 times a match; this runs per page and keystroke). */
const matchers = new Map<string, (rel: string) => boolean>();

/** Whether `file` matches a glob (or one of several) written relative to `base`. */
export function matchesGlob(file: string, base: string, globs: string | string[]): boolean {
	const rel = path.relative(base, file).split(path.sep).join('/');
	if (rel.startsWith('../')) return false;
	const key = Array.isArray(globs) ? globs.join('\0') : globs;
	let match = matchers.get(key);
	if (!match) matchers.set(key, (match = picomatch(globs, { dot: true, matchBase: !String(globs).includes('/') })));
	return match(rel);
}

/**
 * Finds and merges configuration for files: from the workspace root down to the file's folder,
 * nearer files overriding farther ones (docs/architecture.md#configuration). Caches per folder: after a config edit, use a new resolver (the language server makes a new Engine).
 */
export class ConfigResolver {
	private readonly perDir = new Map<string, LoadedConfig[]>();
	private readonly loaded = new Map<string, LoadedConfig>();

	/**
	 * @param root the workspace root: discovery stops there (files outside it search up to the file system root)
	 * @param explicit a config file given with `--config`: discovery is off
	 */
	constructor(
		private readonly host: Host,
		private readonly root: string,
		private readonly explicit?: string,
	) {}

	/** Config files that apply to a folder, farthest first. */
	chain(dir: string): LoadedConfig[] {
		if (this.explicit) return [this.load(this.explicit)];
		const cached = this.perDir.get(dir);
		if (cached) return cached;
		const parent = path.dirname(dir);
		const stop = dir === this.root || parent === dir;
		const above = stop ? [] : this.chain(parent);
		const here = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).find((f) => this.host.fileExists(f));
		const result = here ? [...above, this.load(here)] : above;
		this.perDir.set(dir, result);
		return result;
	}

	/** The merged configuration for one file. */
	forFile(file: string): ResolvedConfig {
		return this.merge(path.dirname(file), file);
	}

	/**
	 * The configuration of a folder itself (a run's link settings, the site check): the config files
	 * from the root down to the folder, without the overrides, which match files.
	 */
	forFolder(dir: string): ResolvedConfig {
		return this.merge(dir);
	}

	private merge(dir: string, file?: string): ResolvedConfig {
		const chain = this.chain(dir);
		const out: ResolvedConfig = {
			files: [],
			rules: {},
			topics: [],
			schemas: [],
			links: {},
			workdayMinutes: DEFAULT_WORKDAY_MINUTES,
			aliases: {},
			problems: [],
		};
		for (const c of chain) {
			out.files.push(c.file);
			out.problems.push(...c.problems);
			const d = c.data;
			for (const [id, s] of Object.entries(d.rules ?? {})) out.rules[id] = ruleConfig(s);
			for (const [glob, topic] of Object.entries(d.topics ?? {})) out.topics.push({ base: c.dir, glob, topic });
			for (const s of d.schemas ?? []) out.schemas.push(path.resolve(c.dir, s));
			if (d.requiredTopics) out.requiredTopics = d.requiredTopics;
			if (d.links)
				out.links = {
					...out.links,
					...d.links,
					...(d.links.root !== undefined ? { root: path.resolve(c.dir, d.links.root) } : {}),
					...(d.links.cacheFile !== undefined ? { cacheFile: path.resolve(c.dir, d.links.cacheFile) } : {}),
				};
			if (d.workdayMinutes !== undefined) out.workdayMinutes = d.workdayMinutes;
			if (d.locale) out.locale = d.locale;
			for (const [topic, sections] of Object.entries(d.aliases ?? {})) {
				for (const [id, names] of Object.entries(sections))
					((out.aliases[topic] ??= {})[id] ??= []).push(...names);
			}
			for (const o of d.overrides ?? []) {
				if (file !== undefined && matchesGlob(file, c.dir, o.files))
					for (const [id, s] of Object.entries(o.rules)) out.rules[id] = ruleConfig(s);
			}
		}
		return out;
	}

	/** Config files with their ignore globs, for file discovery. */
	ignoreGlobs(dir: string): { base: string; globs: string[] }[] {
		return this.chain(dir)
			.filter((c) => c.data.ignores?.length)
			.map((c) => ({ base: c.dir, globs: c.data.ignores! }));
	}

	private load(file: string): LoadedConfig {
		let c = this.loaded.get(file);
		if (!c) {
			c = loadConfigFile(this.host, file, this.root);
			this.loaded.set(file, c);
		}
		return c;
	}
}

/** The topic a config glob assigns to a file (the nearest config's last matching glob wins). */
export function topicFromConfig(config: ResolvedConfig, file: string): string | undefined {
	let hit: string | undefined;
	for (const t of config.topics) if (matchesGlob(file, t.base, t.glob)) hit = t.topic;
	return hit;
}
