import * as fs from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { IGNORE_FILE_NAME } from '../core/config/types';
import { isHtmlPath } from '../core/html/lint';

/** The pages a folder walk selects: Markdown sources and published HTML pages (docs/audit.md). */
const isPageFile = (name: string): boolean => /\.md$/i.test(name) || isHtmlPath(name);

/** Folders never walked into. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/** The ignore files honoured in every folder, in gitignore syntax. */
const IGNORE_FILES = ['.gitignore', IGNORE_FILE_NAME];

interface IgnoreLayer {
	base: string;
	ig: Ignore;
}

/** The result of expanding the command line's paths and globs. */
export interface FileSelection {
	files: string[];
	/** Files named explicitly but ignored. */
	ignored: string[];
	/** Patterns that matched nothing. */
	unmatched: string[];
	/**
	 * Folders that could not be listed (no permission, an I/O error), with the error. Each is in
	 * `files` too, so that linting it yields a `file-unreadable` finding on the folder instead of
	 * its pages being left out in silence.
	 */
	unreadableFolders: { path: string; error: string }[];
}

/** The file system calls the walk makes (replaceable in tests: root reads every folder). */
export interface WalkFs {
	readdirSync(dir: string): fs.Dirent[];
}

const realFs: WalkFs = { readdirSync: (dir) => fs.readdirSync(dir, { withFileTypes: true }) };

/**
 * Expand paths and globs to pages: folders are walked for `*.md` and `*.html`, honouring `.gitignore`,
 * `.disclosurelintignore` (in every folder from `cwd` down) and the configs' `ignores`. A folder
 * that cannot be listed is selected itself (see {@link FileSelection.unreadableFolders}).
 */
export function collectFiles(
	patterns: string[],
	cwd: string,
	configIgnores: (dir: string) => { base: string; globs: string[] }[],
	walkFs: WalkFs = realFs,
): FileSelection {
	const files = new Set<string>();
	const ignored: string[] = [];
	const unmatched: string[] = [];
	const unreadableFolders: { path: string; error: string }[] = [];
	const layerCache = new Map<string, IgnoreLayer | null>();
	const layerOf = (dir: string): IgnoreLayer | null => {
		let l = layerCache.get(dir);
		if (l !== undefined) return l;
		const ig = ignore();
		let any = false;
		for (const name of IGNORE_FILES) {
			try {
				ig.add(fs.readFileSync(path.join(dir, name), 'utf8'));
				any = true;
			} catch {
				// no ignore file here
			}
		}
		l = any ? { base: dir, ig } : null;
		layerCache.set(dir, l);
		return l;
	};
	const layersFor = (dir: string): IgnoreLayer[] => {
		const chain: string[] = [];
		const stop = isInside(dir, cwd) ? cwd : dir;
		for (let d = dir; ; d = path.dirname(d)) {
			chain.unshift(d);
			if (d === stop || path.dirname(d) === d) break;
		}
		const layers = chain.map(layerOf).filter((x): x is IgnoreLayer => x !== null);
		for (const c of configIgnores(dir)) layers.push({ base: c.base, ig: ignore().add(c.globs) });
		return layers;
	};
	// An explicitly named folder is walked even when an ignore file above it covers it (as ripgrep
	// does): the layers that would ignore the named folder itself are skipped below it.
	let overridden = new Set<IgnoreLayer>();
	const isIgnored = (file: string, isDir: boolean): boolean => {
		for (const layer of layersFor(path.dirname(file))) {
			if (!isInside(file, layer.base) || file === layer.base || overridden.has(layer)) continue;
			const rel = path.relative(layer.base, file).split(path.sep).join('/') + (isDir ? '/' : '');
			if (layer.ig.ignores(rel)) return true;
		}
		return false;
	};
	const walk = (dir: string): void => {
		let entries: fs.Dirent[];
		try {
			entries = walkFs.readdirSync(dir);
		} catch (err) {
			// Gone meanwhile, or no folder after all: nothing to say. Anything else (EACCES, EIO)
			// would hide every page below it.
			const code = (err as NodeJS.ErrnoException).code;
			if (code !== 'ENOENT' && code !== 'ENOTDIR') {
				unreadableFolders.push({ path: dir, error: (err as Error).message });
				files.add(dir);
			}
			return;
		}
		for (const e of entries) {
			const full = path.join(dir, e.name);
			if (e.isDirectory()) {
				if (!ALWAYS_SKIPPED.has(e.name) && !isIgnored(full, true)) walk(full);
			} else if (e.isFile() && isPageFile(e.name) && !isIgnored(full, false)) {
				files.add(full);
			}
		}
	};

	for (const pattern of patterns) {
		const abs = path.resolve(cwd, pattern);
		let stat: fs.Stats | undefined;
		try {
			stat = fs.statSync(abs);
		} catch {
			stat = undefined;
		}
		if (stat?.isDirectory()) {
			const before = files.size;
			overridden = new Set();
			for (const layer of layersFor(abs)) {
				if (abs === layer.base || !isInside(abs, layer.base)) continue;
				if (layer.ig.ignores(path.relative(layer.base, abs).split(path.sep).join('/') + '/'))
					overridden.add(layer);
			}
			walk(abs);
			overridden = new Set();
			if (files.size === before) unmatched.push(pattern);
		} else if (stat?.isFile()) {
			if (isIgnored(abs, false)) ignored.push(abs);
			else files.add(abs);
		} else if (fg.isDynamicPattern(pattern)) {
			const hits = fg.sync(pattern, {
				cwd,
				absolute: true,
				dot: false,
				onlyFiles: true,
				ignore: ['**/node_modules/**', '**/.git/**'],
			});
			const kept = hits.map((h) => path.normalize(h)).filter((h) => !isIgnored(h, false));
			if (!kept.length) unmatched.push(pattern);
			for (const h of kept) files.add(h);
		} else {
			unmatched.push(pattern);
		}
	}
	return { files: [...files].sort(), ignored, unmatched, unreadableFolders };
}

function isInside(file: string, dir: string): boolean {
	const rel = path.relative(dir, file);
	return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
