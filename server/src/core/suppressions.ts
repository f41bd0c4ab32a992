import type { ParsedDocument } from './parse/document';
import { walk } from './parse/walk';

/** The kinds of inline control comment (docs/architecture.md#inline-control-comments). */
export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

/** One inline control comment. */
export interface Directive {
	kind: DirectiveKind;
	/** Rule ids named; empty = every rule. */
	rules: string[];
	reason: string | undefined;
	/** Offsets of the comment. */
	start: number;
	end: number;
	/** 1-based lines the directive covers (inclusive); for `enable`, the line it starts at. */
	fromLine: number;
	toLine: number;
	/** Rule ids (or '*') this directive actually suppressed. */
	used: Set<string>;
}

const COMMENT =
	/<!--\s*disclosure-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])([\s\S]*?)-->/g;

/** Read every inline control comment of a page (in HTML nodes only, so never inside code). */
export function readDirectives(doc: ParsedDocument): Directive[] {
	const found: Directive[] = [];
	if (!doc.text.includes('disclosure-lint-')) return found; // COMMENT cannot match: no tree walk
	walk(doc.tree, (node) => {
		if (node.type !== 'html') return;
		const base = node.position?.start.offset;
		if (base === undefined) return;
		const value = doc.text.slice(base, node.position!.end.offset);
		COMMENT.lastIndex = 0;
		for (let m = COMMENT.exec(value); m; m = COMMENT.exec(value)) {
			const kind = m[1] as DirectiveKind;
			const [ruleText, ...reasonParts] = m[2].split(/\s--\s|\s--$/);
			const reason = reasonParts.join(' -- ').trim() || undefined;
			const rules = ruleText.split(/[\s,]+/).filter(Boolean);
			const start = base + m.index;
			const end = start + m[0].length;
			const line = doc.lines.position(start).line;
			const endLine = doc.lines.position(end).line;
			let fromLine = line;
			let toLine = line;
			if (kind === 'disable-next-line') fromLine = toLine = endLine + 1;
			else if (kind === 'disable-line') toLine = endLine;
			else if (kind === 'disable-file') {
				fromLine = 1;
				toLine = Number.MAX_SAFE_INTEGER;
			} else if (kind === 'disable') toLine = Number.MAX_SAFE_INTEGER;
			found.push({ kind, rules, reason, start, end, fromLine, toLine, used: new Set() });
		}
	});
	found.sort((a, b) => a.start - b.start);
	// A `disable` block ends at the next `enable` that names its rules (or all rules).
	for (const d of found) {
		if (d.kind !== 'disable') continue;
		const enable = found.find(
			(e) =>
				e.kind === 'enable' &&
				e.start > d.end &&
				(e.rules.length === 0 || d.rules.length === 0 || d.rules.some((r) => e.rules.includes(r))),
		);
		if (enable) {
			d.toLine = enable.fromLine;
			enable.used.add('*');
		}
	}
	return found;
}

/** The directive that suppresses a finding of `ruleId` on `line`, if any (and mark it used). */
export function suppressedBy(directives: Directive[], ruleId: string, line: number): Directive | undefined {
	for (const d of directives) {
		if (d.kind === 'enable') continue;
		if (line < d.fromLine || line > d.toLine) continue;
		if (d.rules.length === 0 || d.rules.includes(ruleId)) {
			d.used.add(ruleId);
			return d;
		}
	}
	return undefined;
}
