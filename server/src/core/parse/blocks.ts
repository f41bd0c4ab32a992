/**
 * Line patterns of CommonMark blocks, for the scanners that read a page line by line without
 * parsing it (incremental parsing, the anchors of other pages).
 */

/** An ATX heading in column 1. */
export const ATX_COLUMN_1 = /^#{1,6}(?:[ \t]|$)/;
/** A code fence opening (at most three spaces in; a backtick fence's info string has no backtick): group 1 or 2 is the fence. */
export const FENCE_OPEN = /^ {0,3}(?:(`{3,})[^`]*|(~{3,}).*)$/;
/** A line that may close a fence: the fence characters alone, at most three spaces in. */
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** The fence a line opens, or undefined. */
export function fenceOpened(line: string): string | undefined {
	const m = FENCE_OPEN.exec(line);
	return m ? (m[1] ?? m[2]) : undefined;
}

/** Whether a line closes the fence `fence` (same character, at least as long, nothing after). */
export function closesFence(line: string, fence: string): boolean {
	const m = FENCE_CLOSE.exec(line);
	return Boolean(m && m[1][0] === fence[0] && m[1].length >= fence.length);
}
