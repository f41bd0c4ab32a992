import { frontMatterBounds } from './frontMatter';

/** The counts of the pre-scan ({@link scanBudget}), each with its own limit and message. */
export type CountKind =
	| 'delimiters'
	| 'unmatchedDelimiters'
	| 'brackets'
	| 'span'
	| 'tableColumns'
	| 'tableCells'
	| 'footnotes'
	| 'definitions'
	| 'headings'
	| 'links'
	| 'nestedListItems'
	| 'frontMatterKeys'
	| 'frontMatterSize';

/** Why a page's body (and, for the front-matter counts, its front matter) was not parsed. */
export type PageLimit =
	| { kind: 'size'; chars: number; maxChars: number }
	| { kind: 'depth'; line: number; depth: number; maxDepth: number }
	| { kind: 'count'; what: CountKind; line: number; count: number; max: number; frontMatter: boolean };

/**
 * What one page may cost the parser. Each count is what micromark or the YAML parser spends time
 * or memory on faster than linearly (or with a large constant); the defaults sit far above any real
 * page (the examples, the test fixtures and the benchmark corpus stay under a tenth of each) and
 * keep the worst page of each kind under about 1 s and 300 MB in the CLI.
 */
export interface PageBudget {
	/** Characters of the whole page. */
	maxChars: number;
	/** Nested lists and block quotes on one line. */
	maxDepth: number;
	/** `*`, `_` and `~~` delimiter characters in one paragraph (a run of lines without a blank line). */
	maxDelimiters: number;
	/** Delimiter characters in one paragraph that are open at once or close nothing (nesting, strays). */
	maxUnmatchedDelimiters: number;
	/** `]` in one paragraph: each looks back for its `[` (unclosed `[` alone cost little). */
	maxBrackets: number;
	/**
	 * Characters the parser walks back over in one paragraph: from each closing delimiter or `]` to
	 * its opener, or to the paragraph start when it closes nothing (a few stray `*` after 100 KB).
	 */
	maxSpan: number;
	/** Cells (`|`-separated) on one line. */
	maxTableColumns: number;
	/** Table cells (`|` characters) in the page: micromark spends about 100 µs and 10 KB on each. */
	maxTableCells: number;
	/** Footnote definitions (`[^x]: …`) in the page. */
	maxFootnotes: number;
	/** Link reference definitions (`[x]: url`) in the page. */
	maxDefinitions: number;
	/** Headings (ATX `#` lines and setext underlines) in the page. */
	maxHeadings: number;
	/** Inline links and images (`](`) in the page. */
	maxLinks: number;
	/**
	 * Nested list items (a list marker after two or more columns of indentation) in the page: micromark's
	 * time grows with their square (2,500 short ones took 2.5 s).
	 */
	maxNestedListItems: number;
	/** Lines of the front matter that start a mapping key (at any indentation). */
	maxFrontMatterKeys: number;
	/** Characters of the front matter. */
	maxFrontMatterChars: number;
}

/** Bodies longer than this are not parsed: micromark reads Thai text at about 1 MB in 3 s. */
export const DEFAULT_MAX_CHARS = 1_000_000;

/** Container nesting deeper than this is not parsed: real pages stay under 10 levels. */
export const DEFAULT_MAX_DEPTH = 32;

export const DEFAULT_BUDGET: Readonly<PageBudget> = Object.freeze({
	maxChars: DEFAULT_MAX_CHARS,
	maxDepth: DEFAULT_MAX_DEPTH,
	maxDelimiters: 4_000,
	maxUnmatchedDelimiters: 300,
	maxBrackets: 4_000,
	maxSpan: 1_000_000,
	maxTableColumns: 200,
	maxTableCells: 10_000,
	maxFootnotes: 500,
	maxDefinitions: 1_000,
	maxHeadings: 2_000,
	maxLinks: 2_000,
	maxNestedListItems: 1_000,
	maxFrontMatterKeys: 5_000,
	maxFrontMatterChars: 200_000,
});

/**
 * How far the configuration may move each limit (`["warning", {"maxHeadings": 8000}]` on
 * `page-limits`): lower without bound that still lets a real page through, higher only as far as
 * the parser stays within a few seconds and a few hundred MB.
 */
export const BUDGET_BOUNDS: Readonly<Record<keyof PageBudget, readonly [number, number]>> = Object.freeze({
	maxChars: [10_000, 5_000_000],
	maxDepth: [8, 100],
	maxDelimiters: [100, 20_000],
	maxUnmatchedDelimiters: [50, 1_000],
	maxBrackets: [100, 20_000],
	maxSpan: [100_000, 10_000_000],
	maxTableColumns: [20, 1_000],
	maxTableCells: [1_000, 50_000],
	maxFootnotes: [10, 2_000],
	maxDefinitions: [10, 10_000],
	maxHeadings: [10, 10_000],
	maxLinks: [10, 10_000],
	maxNestedListItems: [50, 4_000],
	maxFrontMatterKeys: [100, 20_000],
	maxFrontMatterChars: [10_000, 1_000_000],
});

/** The JSON Schema of the `page-limits` options: each limit an integer within its bounds. */
export const BUDGET_OPTIONS_SCHEMA: Record<string, unknown> = {
	type: 'object',
	additionalProperties: false,
	properties: Object.fromEntries(
		(Object.keys(BUDGET_BOUNDS) as (keyof PageBudget)[]).map((k) => [
			k,
			{
				description: `Default ${DEFAULT_BUDGET[k]}; from ${BUDGET_BOUNDS[k][0]} to ${BUDGET_BOUNDS[k][1]} (docs/rules/page-limits.md).`,
				type: 'integer',
				minimum: BUDGET_BOUNDS[k][0],
				maximum: BUDGET_BOUNDS[k][1],
			},
		]),
	),
};

/** The budget from `page-limits` options: unknown keys ignored, each value clamped to its bounds. */
export function budgetFrom(options: Record<string, unknown> | undefined): PageBudget {
	const out = { ...DEFAULT_BUDGET };
	if (!options) return out;
	for (const k of Object.keys(BUDGET_BOUNDS) as (keyof PageBudget)[]) {
		const v = options[k];
		if (typeof v !== 'number' || !Number.isFinite(v)) continue;
		const [lo, hi] = BUDGET_BOUNDS[k];
		out[k] = Math.min(hi, Math.max(lo, Math.floor(v)));
	}
	return out;
}

const CONTAINER = /[ \t]{0,3}(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?/y;

/**
 * Check a page against the parser's size and nesting limits before parsing: a 5 MB page or 20,000
 * nested block quotes would take minutes and gigabytes (or overflow the stack), so such a body is
 * reported instead of parsed.
 */
export function checkLimits(
	text: string,
	maxChars = DEFAULT_MAX_CHARS,
	maxDepth = DEFAULT_MAX_DEPTH,
): PageLimit | undefined {
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

/**
 * Every limit of `budget` on `text` (BOM removed, lone CRs turned into LFs; `bounds`: its front
 * matter's, when the caller has them): the page size, then the front matter's keys and size, then
 * the body's nesting ({@link checkLimits}) and counts (one more pass). Returns the first limit
 * exceeded, at the line where the count tipped over, or undefined.
 */
export function checkBudget(
	text: string,
	budget: PageBudget = DEFAULT_BUDGET,
	bounds = frontMatterBounds(text),
): PageLimit | undefined {
	let bodyStart = 0;
	// An unclosed front matter is not read as YAML: the whole page is body then. The front matter's own
	// limits come first, so a page over the size limit does not have an over-limit front matter parsed.
	if (bounds?.contentEnd !== undefined && bounds.end !== undefined) {
		const fm = scanFrontMatter(text, bounds.contentStart, bounds.contentEnd, budget);
		if (fm) return fm;
		bodyStart = bounds.end;
	}
	if (text.length > budget.maxChars) return { kind: 'size', chars: text.length, maxChars: budget.maxChars };
	return checkLimits(text, Infinity, budget.maxDepth) ?? scanBody(text, bodyStart, budget);
}

/** The line number (1-based) of offset `at`: counted only when a limit is reported. */
function lineOf(text: string, at: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function over(text: string, what: CountKind, at: number, count: number, max: number): PageLimit {
	return {
		kind: 'count',
		what,
		line: lineOf(text, at),
		count,
		max,
		frontMatter: what === 'frontMatterKeys' || what === 'frontMatterSize',
	};
}

/** Front-matter keys (lines whose first token ends in `:` followed by a space or the line end) and size. */
function scanFrontMatter(text: string, start: number, end: number, budget: PageBudget): PageLimit | undefined {
	let keys = 0;
	for (let i = start; i < end; ) {
		let nl = text.indexOf('\n', i);
		if (nl < 0 || nl > end) nl = end;
		// Skip indentation and `- ` item markers: a key may follow them.
		let j = i;
		for (;;) {
			const c = text.charCodeAt(j);
			if (c === 32 || c === 9) j++;
			else if (c === 45 && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) j += 2;
			else break;
		}
		if (j < nl && text.charCodeAt(j) !== 35 /* # */) {
			const colon = text.indexOf(':', j);
			if (colon >= 0 && colon < nl) {
				const after = colon + 1 === nl ? 10 : text.charCodeAt(colon + 1);
				if (after === 32 || after === 9 || after === 10 || after === 13) {
					if (++keys > budget.maxFrontMatterKeys)
						return over(text, 'frontMatterKeys', i, keys, budget.maxFrontMatterKeys);
				}
			}
		}
		i = nl + 1;
	}
	if (end - start > budget.maxFrontMatterChars)
		return over(
			text,
			'frontMatterSize',
			start + budget.maxFrontMatterChars,
			end - start,
			budget.maxFrontMatterChars,
		);
	return undefined;
}

const enum Cls {
	Space,
	Punct,
	Other,
}

function cls(c: number): Cls {
	if (Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000) return Cls.Space;
	if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126))
		return Cls.Punct;
	return Cls.Other;
}

/**
 * The body's counts, one pass, character by character (no regular expression). A paragraph — the
 * only inline content that spans lines — never crosses a blank line, so the per-paragraph counts
 * are taken per run of non-blank lines (an upper bound: a list or a table in one run counts as one).
 *
 * Delimiters and brackets are paired as micromark's resolvers pair them, roughly: a run that can
 * open (left-flanking) or a `[` is pushed, a run that can close or a `]` takes the nearest back, and
 * what it cannot take back closes nothing. Open-at-once plus closing-nothing is the nesting that
 * makes those resolvers quadratic; sequential pairs (`**a** **b**`) stay at 2. The span adds up the
 * characters each closer reaches back over: the resolvers re-read what lies between.
 */
/** Whether a list marker starts at `k`: `-`, `*` or `+`, or 1–9 digits and `.` or `)`, then a space, a tab or the line end. */
function listMarkerAt(text: string, k: number, nl: number): boolean {
	const c = text.charCodeAt(k);
	let e = k;
	if (c === 45 || c === 42 || c === 43) e = k + 1;
	else {
		while (e < nl && e - k < 9 && text.charCodeAt(e) >= 48 && text.charCodeAt(e) <= 57) e++;
		if (e === k || (text.charCodeAt(e) !== 46 && text.charCodeAt(e) !== 41)) return false;
		e++;
	}
	return e === nl || text.charCodeAt(e) === 32 || text.charCodeAt(e) === 9;
}

function scanBody(text: string, start: number, b: PageBudget): PageLimit | undefined {
	let footnotes = 0;
	let definitions = 0;
	let headings = 0;
	let links = 0;
	let cells = 0;
	let nested = 0; // nested list items in the page
	// Per paragraph.
	let para = start;
	let delimiters = 0;
	let stray = 0;
	let brackets = 0;
	let span = 0;
	/** Open delimiter runs: offset and characters still open, innermost last; `open` is their sum. */
	const runAt: number[] = [];
	const runLeft: number[] = [];
	let open = 0;
	const bracketAt: number[] = [];
	const n = text.length;
	let i = start;
	while (i < n) {
		let nl = text.indexOf('\n', i);
		if (nl < 0) nl = n;
		// Line start: indentation, block-quote and list markers.
		let j = i;
		for (;;) {
			const c = text.charCodeAt(j);
			if (c === 32 || c === 9 || c === 62 /* > */) j++;
			else if (
				(c === 45 || c === 42 || c === 43) &&
				(text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)
			)
				j += 2;
			else break;
		}
		if (j >= nl) {
			// A blank line (or only container markers): a paragraph ends here.
			delimiters = open = stray = brackets = span = 0;
			runAt.length = runLeft.length = bracketAt.length = 0;
			i = nl + 1;
			para = i;
			continue;
		}
		const first = text.charCodeAt(j);
		// A list item after two or more columns of indentation is nested. micromark's time grows with the
		// square of the page's nested items, whether in one list or in many (100 KB of short two-level
		// items in lists of 1,000 took 50 s), so they are counted over the whole page.
		let m = i;
		while (m < nl && (text.charCodeAt(m) === 32 || text.charCodeAt(m) === 9)) m++;
		if (m - i >= 2 && listMarkerAt(text, m, nl) && ++nested > b.maxNestedListItems)
			return over(text, 'nestedListItems', i, nested, b.maxNestedListItems);
		if (first === 35 /* # */) {
			let k = j;
			while (k < nl && text.charCodeAt(k) === 35) k++;
			const after = text.charCodeAt(k);
			if (k - j <= 6 && (k === nl || after === 32 || after === 9)) {
				if (++headings > b.maxHeadings) return over(text, 'headings', i, headings, b.maxHeadings);
			}
		} else if (first === 61 /* = */ || first === 45 /* - */) {
			let k = j;
			while (k < nl && text.charCodeAt(k) === first) k++;
			while (k < nl && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
			if (k === nl && ++headings > b.maxHeadings) return over(text, 'headings', i, headings, b.maxHeadings);
		} else if (first === 91 /* [ */) {
			// `[label]:` at the line start: a definition (the label may not hold `]`).
			let k = j + 1;
			while (k < nl && text.charCodeAt(k) !== 93) k++;
			if (k + 1 < nl && text.charCodeAt(k + 1) === 58 /* : */) {
				if (text.charCodeAt(j + 1) === 94 /* ^ */) {
					if (++footnotes > b.maxFootnotes) return over(text, 'footnotes', i, footnotes, b.maxFootnotes);
				} else if (++definitions > b.maxDefinitions)
					return over(text, 'definitions', i, definitions, b.maxDefinitions);
			}
		}
		let pipes = 0;
		for (let k = j; k < nl; k++) {
			const c = text.charCodeAt(k);
			switch (c) {
				case 92: // \ escapes the next punctuation
					if (cls(text.charCodeAt(k + 1)) === Cls.Punct) k++;
					break;
				case 124: // |  (a row `|a|b|` has one pipe more than cells)
					if (++pipes > b.maxTableColumns + 1)
						return over(text, 'tableColumns', i, pipes - 1, b.maxTableColumns);
					if (++cells > b.maxTableCells) return over(text, 'tableCells', i, cells, b.maxTableCells);
					break;
				case 91: // [  (cheap on its own: a `]` looks back for it)
					bracketAt.push(k);
					break;
				case 93: // ]
					if (++brackets > b.maxBrackets) return over(text, 'brackets', i, brackets, b.maxBrackets);
					span += k - (bracketAt.length ? bracketAt.pop()! : para);
					if (span > b.maxSpan) return over(text, 'span', i, span, b.maxSpan);
					if (text.charCodeAt(k + 1) === 40 /* ( */ && ++links > b.maxLinks)
						return over(text, 'links', i, links, b.maxLinks);
					break;
				case 42: // *
				case 95: // _
				case 126: {
					// ~
					let e = k + 1;
					while (e < nl && text.charCodeAt(e) === c) e++;
					const len = e - k;
					if (c !== 126 || len === 2) {
						const before = cls(k > i ? text.charCodeAt(k - 1) : NaN);
						const after = cls(e < nl ? text.charCodeAt(e) : NaN);
						const left = after !== Cls.Space && (after !== Cls.Punct || before !== Cls.Other);
						const right = before !== Cls.Space && (before !== Cls.Punct || after !== Cls.Other);
						const canOpen = c === 95 ? left && (!right || before === Cls.Punct) : left;
						const canClose = c === 95 ? right && (!left || after === Cls.Punct) : right;
						delimiters += len;
						let rest = len;
						if (canClose) {
							while (rest > 0 && runAt.length) {
								const top = runAt.length - 1;
								const used = Math.min(runLeft[top], rest);
								span += k - runAt[top];
								rest -= used;
								open -= used;
								if ((runLeft[top] -= used) === 0) {
									runAt.pop();
									runLeft.pop();
								}
							}
							if (rest > 0 && !canOpen) {
								stray += rest;
								span += k - para;
							}
						}
						if (canOpen && rest > 0) {
							runAt.push(k);
							runLeft.push(rest);
							open += rest;
						}
						if (delimiters > b.maxDelimiters)
							return over(text, 'delimiters', i, delimiters, b.maxDelimiters);
						if (open + stray > b.maxUnmatchedDelimiters)
							return over(text, 'unmatchedDelimiters', i, open + stray, b.maxUnmatchedDelimiters);
						if (span > b.maxSpan) return over(text, 'span', i, span, b.maxSpan);
					}
					k = e - 1;
					break;
				}
			}
		}
		i = nl + 1;
	}
	return undefined;
}
