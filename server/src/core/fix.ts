import type { Finding, Fix } from './types';

/** The outcome of applying fixes to a text. */
export interface FixResult {
	text: string;
	/** The fixes applied, in text order. */
	applied: Fix[];
}

/**
 * The findings whose safe fixes one pass applies, in text order: sorted by range, a fix that overlaps
 * one already taken (or inserts at the same point as the insertion just taken) is left for the next
 * pass, as ESLint does. `--fix` and the editor's "fix all" both choose with this. One exception:
 * insertions of the same rule at the same point are taken together, in the order the rule reported them
 * (section-missing's headings after the same section), so a page missing many sections is fixed in one
 * pass rather than one section per pass.
 */
export function selectSafeFixes<T extends { fix?: Fix; ruleId?: string }>(
	findings: readonly T[],
): (T & { fix: Fix })[] {
	const fixable = findings.filter((f): f is T & { fix: Fix } => Boolean(f.fix?.safe));
	fixable.sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
	const taken: (T & { fix: Fix })[] = [];
	let lastEnd = -1;
	for (const f of fixable) {
		const prev = taken[taken.length - 1];
		const sameRuleInsertion =
			prev &&
			prev.ruleId !== undefined &&
			prev.ruleId === f.ruleId &&
			prev.fix.range[0] === prev.fix.range[1] &&
			f.fix.range[0] === f.fix.range[1] &&
			prev.fix.range[0] === f.fix.range[0];
		if (
			!sameRuleInsertion &&
			(f.fix.range[0] < lastEnd || (f.fix.range[0] === lastEnd && prev && prev.fix.range[0] === f.fix.range[0]))
		)
			continue;
		taken.push(f);
		lastEnd = f.fix.range[1];
	}
	return taken;
}

/**
 * Apply the safe fixes of findings to the text they were computed on (BOM excluded). Fixes are
 * applied from the end so offsets stay valid; a fix that overlaps one already taken waits for the
 * next pass (the caller re-lints and applies again), as ESLint does ({@link selectSafeFixes}).
 */
export function applyFixes(text: string, findings: Finding[]): FixResult {
	const taken = selectSafeFixes(findings).map((f) => f.fix);
	let out = text;
	for (let i = taken.length - 1; i >= 0; i--) {
		const f = taken[i];
		out = out.slice(0, f.range[0]) + f.text + out.slice(f.range[1]);
	}
	return { text: out, applied: taken };
}
