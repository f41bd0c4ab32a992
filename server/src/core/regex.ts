import type { RE2JS } from 're2js';
import { loadRe2js } from './vendor';
import type { LocalizedText } from './types';

/**
 * Regular expressions written by users: `links.exclude` in a configuration file, and every pattern
 * of a workspace topic schema (JSON Schema `pattern` / `patternProperties`, x-disclosure `pattern`,
 * `headingPattern`, `mustMatch`, `requiredLinks`, `sourcePatterns`). They run on re2js, an
 * automaton engine whose time is linear in the input, so no pattern (`(a+)+$`) can hang a run.
 *
 * The dialect is JavaScript's (Unicode mode) minus what no linear-time engine can do: lookahead and
 * backreferences are refused with a clear reason, never run on the backtracking engine instead.
 * Lookbehind without captures is supported. The pattern is translated so that it means what it
 * means in JavaScript: `\s` and `.` keep their JavaScript sets, `\uXXXX`, `\u{…}`, `\cX`, `[^]` and
 * `(?<name>…)` are rewritten. The built-in schemas' patterns are ours and tested against adversarial
 * inputs (test/core/regexAdversarial.test.ts); they run on the native engine (see docs/security.md).
 */

/** A compiled pattern: what the engine's callers (and ajv) need of a regular expression. */
export interface Matcher {
	readonly source: string;
	readonly flags: string;
	/** `linear` (re2js) for user patterns, `native` for the built-in schemas' own. */
	readonly engine: 'linear' | 'native';
	/** Whether the pattern matches anywhere in `s` (stateless, whatever the flags). */
	test(s: string): boolean;
	toString(): string;
}

export type CompiledPattern = { ok: true; matcher: Matcher } | { ok: false; reason: LocalizedText };

/** The JavaScript `\s` set (ECMAScript WhiteSpace and LineTerminator), as class ranges. */
const JS_SPACE: [number, number][] = [
	[0x09, 0x0d],
	[0x20, 0x20],
	[0xa0, 0xa0],
	[0x1680, 0x1680],
	[0x2000, 0x200a],
	[0x2028, 0x2029],
	[0x202f, 0x202f],
	[0x205f, 0x205f],
	[0x3000, 0x3000],
	[0xfeff, 0xfeff],
];
const hex = (c: number): string => `\\x{${c.toString(16)}}`;
const ranges = (rs: [number, number][]): string =>
	rs.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('');
const complement = (rs: [number, number][]): [number, number][] => {
	const out: [number, number][] = [];
	let next = 0;
	for (const [a, b] of rs) {
		if (a > next) out.push([next, a - 1]);
		next = b + 1;
	}
	if (next <= 0x10ffff) out.push([next, 0x10ffff]);
	return out;
};
const SPACE_IN_CLASS = ranges(JS_SPACE);
const NON_SPACE_IN_CLASS = ranges(complement(JS_SPACE));
/** JavaScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = `[^${ranges([
	[0x0a, 0x0a],
	[0x0d, 0x0d],
	[0x2028, 0x2029],
])}]`;
const ANY = `[${ranges([[0, 0x10ffff]])}]`;
const NOTHING = `[^${ranges([[0, 0x10ffff]])}]`;

class Unsupported extends Error {
	constructor(readonly reason: LocalizedText) {
		super(reason.en);
	}
}

const unsupported = (th: string, en: string): never => {
	throw new Unsupported({ th, en });
};

/** Unicode property names as RE2 spells them: `Script=Thai` / `sc=Thai` / `gc=L` become `Thai` / `L`. */
function property(body: string): string {
	const m = /^(?:Script|sc|General_Category|gc)=(.+)$/.exec(body);
	return m ? m[1] : body;
}

/**
 * Translate a JavaScript (Unicode-mode) pattern, already known to compile natively, into RE2
 * syntax with the same meaning. Throws `Unsupported` for lookahead and backreferences.
 */
function translate(src: string, dotAll: boolean): string {
	const cps = Array.from(src);
	let i = 0;
	let out = '';
	/** One escape (after the backslash at `i`), as RE2 text; `inClass` for class context. */
	const escape = (inClass: boolean): string => {
		const c = cps[i + 1];
		i += 2;
		switch (c) {
			case 's':
				return inClass ? SPACE_IN_CLASS : `[${SPACE_IN_CLASS}]`;
			case 'S':
				return inClass ? NON_SPACE_IN_CLASS : `[${NON_SPACE_IN_CLASS}]`;
			case 'd':
			case 'D':
			case 'w':
			case 'W':
			case 't':
			case 'n':
			case 'r':
			case 'f':
			case 'v':
				return `\\${c}`;
			case 'b':
			case 'B':
				return inClass ? hex(8) : `\\${c}`;
			case '0':
				return hex(0);
			case 'k':
				return unsupported(
					'ไม่รองรับการอ้างกลับ (backreference \\k<…>) เพราะทำให้ตรวจช้าแบบทวีคูณได้',
					'backreferences (\\k<…>) are not supported: they can take exponential time',
				);
			case 'c': {
				const letter = cps[i];
				i++;
				return hex(letter.codePointAt(0)! % 32);
			}
			case 'x': {
				const h = cps.slice(i, i + 2).join('');
				i += 2;
				return hex(parseInt(h, 16));
			}
			case 'u': {
				if (cps[i] === '{') {
					const close = cps.indexOf('}', i);
					const h = cps.slice(i + 1, close).join('');
					i = close + 1;
					return hex(parseInt(h, 16));
				}
				let code = parseInt(cps.slice(i, i + 4).join(''), 16);
				i += 4;
				// A surrogate pair written as two escapes is one code point in Unicode mode.
				if (code >= 0xd800 && code <= 0xdbff && cps[i] === '\\' && cps[i + 1] === 'u' && cps[i + 2] !== '{') {
					const low = parseInt(cps.slice(i + 2, i + 6).join(''), 16);
					if (low >= 0xdc00 && low <= 0xdfff) {
						code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
						i += 6;
					}
				}
				return hex(code);
			}
			case 'p':
			case 'P': {
				const close = cps.indexOf('}', i);
				const body = cps.slice(i + 1, close).join('');
				i = close + 1;
				return `\\${c}{${property(body)}}`;
			}
			default:
				if (c >= '1' && c <= '9')
					return unsupported(
						'ไม่รองรับการอ้างกลับ (backreference เช่น \\1) เพราะทำให้ตรวจช้าแบบทวีคูณได้',
						'backreferences (such as \\1) are not supported: they can take exponential time',
					);
				// An escaped punctuation character (Unicode mode allows no other escape).
				return `\\${c}`;
		}
	};
	/** A literal code point, escaped when RE2 could read it as syntax. */
	const literal = (c: string): string => (/^[\\^$.|?*+()[\]{}\-/]$/.test(c) ? `\\${c}` : c);
	while (i < cps.length) {
		const c = cps[i];
		if (c === '\\') {
			out += escape(false);
		} else if (c === '[') {
			i++;
			const negated = cps[i] === '^';
			if (negated) i++;
			let body = '';
			const atom = (): string => (cps[i] === '\\' ? escape(true) : literal(cps[i++]));
			while (cps[i] !== ']') {
				const from = atom();
				// A range `a-b` (a `-` first, last or after a range is a literal one).
				if (cps[i] === '-' && cps[i + 1] !== ']') {
					i++;
					body += `${from}-${atom()}`;
				} else body += from;
			}
			i++;
			if (!body) out += negated ? ANY : NOTHING;
			else out += `[${negated ? '^' : ''}${body}]`;
		} else if (c === '(') {
			const next = cps.slice(i, i + 4).join('');
			if (next.startsWith('(?=') || next.startsWith('(?!')) {
				unsupported(
					'ไม่รองรับการมองไปข้างหน้า (lookahead (?= หรือ (?!) ให้เขียนรูปแบบแบบอื่น เช่น (?:\\D|$) แทน (?!\\d)',
					'lookahead ((?= or (?!) is not supported; write it another way, e.g. (?:\\D|$) for (?!\\d)',
				);
			}
			if (next === '(?<=' || next === '(?<!') {
				out += next;
				i += 4;
			} else if (next.startsWith('(?<')) {
				out += '(?P<';
				i += 3;
			} else {
				out += c;
				i++;
			}
		} else if (c === '.') {
			out += dotAll ? '.' : JS_DOT;
			i++;
		} else {
			// Unicode mode allows no lone `]`, `{` or `}`: everything else means the same in RE2.
			out += c;
			i++;
		}
	}
	return out;
}

function reasonText(pattern: string, reason: LocalizedText): LocalizedText {
	return {
		th: `ไม่รองรับ regular expression /${pattern}/: ${reason.th}`,
		en: `unsupported regular expression /${pattern}/: ${reason.en}`,
	};
}

/**
 * Compile a user-written pattern for the linear-time engine. `flags` are JavaScript's (`imsuv`;
 * `g`, `y` and `d` are ignored: `test` is stateless). The result is a matcher or the reason the
 * pattern cannot be used, for a positioned configuration or schema problem.
 */
export function compileUserPattern(pattern: string, flags = 'u'): CompiledPattern {
	const key = `${flags}/${pattern}`;
	let c = compiledUser.get(key);
	if (!c) {
		// Matchers are stateless, so one serves every caller (links.exclude is read once per page).
		if (compiledUser.size >= 1000) compiledUser.clear();
		compiledUser.set(key, (c = compileUncached(pattern, flags)));
	}
	return c;
}

const compiledUser = new Map<string, CompiledPattern>();

function compileUncached(pattern: string, flags: string): CompiledPattern {
	const bad = [...flags].find((f) => !'imsuvgyd'.includes(f));
	if (bad !== undefined)
		return { ok: false, reason: reasonText(pattern, { th: `ไม่รู้จักแฟล็ก "${bad}"`, en: `unknown flag "${bad}"` }) };
	// The pattern must be valid JavaScript in Unicode mode (what the `u` flag checks); `v`'s set
	// notation has no RE2 equivalent.
	try {
		new RegExp(pattern, 'u');
	} catch (err) {
		const hasV = flags.includes('v');
		let valid = false;
		if (hasV) {
			try {
				new RegExp(pattern, 'v');
				valid = true;
			} catch {
				// reported below
			}
		}
		if (valid)
			return {
				ok: false,
				reason: reasonText(pattern, {
					th: 'ไม่รองรับสัญกรณ์เซตของแฟล็ก v ให้เขียนแบบแฟล็ก u',
					en: 'the set notation of flag v is not supported; write it as for flag u',
				}),
			};
		const msg = (err as Error).message;
		return {
			ok: false,
			reason: { th: `regular expression ใช้ไม่ได้: ${msg}`, en: `invalid regular expression: ${msg}` },
		};
	}
	let translated: string;
	try {
		translated = translate(pattern, flags.includes('s'));
	} catch (err) {
		if (err instanceof Unsupported) return { ok: false, reason: reasonText(pattern, err.reason) };
		throw err;
	}
	// Loaded on the first user pattern: most runs have none, and re2js costs start-up time.
	const { RE2JS } = loadRe2js();
	let mask = RE2JS.LOOKBEHINDS;
	if (flags.includes('i')) mask |= RE2JS.CASE_INSENSITIVE;
	if (flags.includes('m')) mask |= RE2JS.MULTILINE;
	if (flags.includes('s')) mask |= RE2JS.DOTALL;
	let re: RE2JS;
	try {
		re = RE2JS.compile(translated, mask);
	} catch (err) {
		const msg = (err as Error).message.replace(/^error parsing regexp: /, '');
		return {
			ok: false,
			reason: reasonText(pattern, {
				th: `ตัวตรวจแบบเวลาเชิงเส้นรับไม่ได้: ${msg}`,
				en: `the linear-time engine cannot take it: ${msg}`,
			}),
		};
	}
	const text = `linear:/${pattern}/${flags}`;
	return {
		ok: true,
		matcher: { source: pattern, flags, engine: 'linear', test: (s: string) => re.test(s), toString: () => text },
	};
}

/** A built-in pattern (ours, tested against adversarial inputs) on the native engine. */
export function nativePattern(pattern: string, flags = 'u'): Matcher {
	const re = new RegExp(pattern, flags.replace(/[gy]/g, ''));
	return { source: pattern, flags, engine: 'native', test: (s: string) => re.test(s), toString: () => String(re) };
}

/** The patterns (with their flags) of the built-in schemas: ours, tested, run natively. */
const trusted = new Set<string>();
const compiledSchema = new Map<string, Matcher>();
const NEVER: Matcher = { source: '[]', flags: 'u', engine: 'linear', test: () => false, toString: () => 'never' };

/** Declare a pattern of a built-in schema (flags as the engine applies them, defaults included). */
export function trustBuiltinPattern(pattern: string, flags: string): void {
	trusted.add(`${flags}/${pattern}`);
}

/**
 * The matcher of a topic schema's x-disclosure pattern, compiled once: native when the pattern is a
 * built-in schema's own (the same text and flags: a workspace schema that copies one verbatim runs it
 * as the built-in does, and it is tested), linear-time otherwise. `wrap` builds the source actually
 * compiled (a heading pattern's leading numbering). A workspace pattern the linear engine cannot take
 * never gets here (the registry refuses the schema at load with the pattern's position); should one,
 * it matches nothing rather than run on the backtracking engine.
 */
export function schemaPattern(pattern: string, flags = 'u', wrap: (p: string) => string = (p) => p): Matcher {
	const source = wrap(pattern);
	const native = trusted.has(`${flags}/${pattern}`);
	const key = `${native ? 'native' : 'linear'}:${flags}/${source}`;
	let m = compiledSchema.get(key);
	if (!m) {
		if (native) m = nativePattern(source, flags);
		else {
			const c = compileUserPattern(source, flags);
			m = c.ok ? c.matcher : NEVER;
		}
		if (compiledSchema.size >= 1000) compiledSchema.clear();
		compiledSchema.set(key, m);
	}
	return m;
}

/** Whether a pattern is one of the built-in schemas' (see {@link schemaPattern}). */
export function isBuiltinPattern(pattern: string, flags: string): boolean {
	return trusted.has(`${flags}/${pattern}`);
}
