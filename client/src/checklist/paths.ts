// Where a page created from the checklist may go. No `vscode` import: the unit tests use it directly.
import * as path from 'node:path';

/** Why a path typed for a new page is refused. */
export type NewPageProblem = 'empty' | 'absolute' | 'outside' | 'extension' | 'exists' | 'parentIsFile';

/** What is at a path: a file, a folder, or nothing. */
export type Probe = (file: string) => 'file' | 'folder' | undefined;

/**
 * Check a path typed for a new page, relative to the workspace folder `root`: it must be relative, stay
 * inside the folder, end in `.md`, and name nothing that exists (nor lie under a file). Returns the
 * absolute file, or the problem.
 */
export function checkNewPage(
	root: string,
	input: string,
	probe: Probe,
): { file: string } | { problem: NewPageProblem } {
	const typed = input.trim();
	if (!typed) return { problem: 'empty' };
	if (path.isAbsolute(typed) || /^[a-z]:[\\/]/i.test(typed) || typed.startsWith('\\')) return { problem: 'absolute' };
	const file = path.resolve(root, typed);
	const rel = path.relative(root, file);
	if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { problem: 'outside' };
	if (!/\.md$/i.test(file) || path.basename(file).length <= 3) return { problem: 'extension' };
	if (probe(file)) return { problem: 'exists' };
	for (let dir = path.dirname(file); dir !== root && dir.startsWith(root); dir = path.dirname(dir)) {
		if (probe(dir) === 'file') return { problem: 'parentIsFile' };
	}
	return { file };
}

/** `to` relative to `root` with forward slashes, as typed into the box. */
export function relativeSlash(root: string, to: string): string {
	return path.relative(root, to).split(path.sep).join('/');
}

/** Whole days from `today` to `due` (both YYYY-MM-DD): negative when `due` has passed. */
export function daysUntil(today: string, due: string): number {
	const day = (iso: string): number =>
		Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
	return Math.round(day(due) - day(today));
}
