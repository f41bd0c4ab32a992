import type { Finding, Fix } from './types';

/** The outcome of applying fixes to a text. */
export interface FixResult {
	text: string;
	/** The fixes applied, in text order. */
	applied: Fix[];
}

/**
 * Apply the safe fixes of findings to the text they were computed on (BOM excluded). Fixes are
 * applied from the end so offsets stay valid; a fix that overlaps one already taken waits for the
 * next pass (the caller re-lints and applies again), as ESLint does.
 */
export function applyFixes(text: string, findings: Finding[]): FixResult {
	const fixes = findings.map((f) => f.fix).filter((f): f is Fix => Boolean(f?.safe));
	fixes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
	const taken: Fix[] = [];
	let lastEnd = -1;
	for (const f of fixes) {
		if (f.range[0] < lastEnd || (f.range[0] === lastEnd && taken.length && taken[taken.length - 1].range[0] === f.range[0])) continue;
		taken.push(f);
		lastEnd = f.range[1];
	}
	let out = text;
	for (let i = taken.length - 1; i >= 0; i--) {
		const f = taken[i];
		out = out.slice(0, f.range[0]) + f.text + out.slice(f.range[1]);
	}
	return { text: out, applied: taken };
}
