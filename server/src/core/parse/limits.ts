/** Why a page's body was not parsed. */
export type PageLimit =
	| { kind: 'size'; chars: number; maxChars: number }
	| { kind: 'depth'; line: number; depth: number; maxDepth: number };

/** Bodies longer than this are not parsed: micromark reads Thai text at about 1 MB in 3 s. */
export const DEFAULT_MAX_CHARS = 1_000_000;

/** Container nesting deeper than this is not parsed: real pages stay under 10 levels. */
export const DEFAULT_MAX_DEPTH = 32;

const CONTAINER = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;

/**
 * Check a page against the parser's limits before parsing: a 5 MB page or 20,000 nested block
 * quotes would take minutes and gigabytes (or overflow the stack), so such a body is reported
 * instead of parsed.
 */
export function checkLimits(text: string, maxChars = DEFAULT_MAX_CHARS, maxDepth = DEFAULT_MAX_DEPTH): PageLimit | undefined {
	if (text.length > maxChars) return { kind: 'size', chars: text.length, maxChars };
	let line = 1;
	for (let i = 0; i < text.length; line++) {
		let depth = 0;
		CONTAINER.lastIndex = i;
		while (CONTAINER.exec(text)) {
			depth++;
			if (depth > maxDepth) return { kind: 'depth', line, depth, maxDepth };
		}
		const nl = text.indexOf('\n', i);
		if (nl < 0) break;
		i = nl + 1;
	}
	return undefined;
}
