// The page skeletons of the checklist come in snippet syntax (LSP / VS Code: `${1:placeholder}`,
// `${2|a,b|}`, `${CURRENT_YEAR}`). A page created from the view is written to disk at once, so the
// snippet is turned into plain text: each placeholder becomes its default, a choice its first option,
// a variable its value. No `vscode` import: the unit tests use this module directly.

/** Values of snippet variables (`CURRENT_YEAR` …); an unknown variable becomes its default, else empty. */
export type SnippetVariables = Record<string, string>;

/** The snippet variables of a date: `CURRENT_YEAR`, `CURRENT_MONTH`, `CURRENT_DATE` (CE, zero-padded). */
export function dateVariables(iso: string): SnippetVariables {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) throw new Error(`not an ISO date: ${iso}`);
	return { CURRENT_YEAR: m[1], CURRENT_YEAR_SHORT: m[1].slice(2), CURRENT_MONTH: m[2], CURRENT_DATE: m[3] };
}

/** Today in Asia/Bangkok as YYYY-MM-DD (CE): the day the linter takes as today by default. */
export function todayInBangkok(now: Date = new Date()): string {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Asia/Bangkok',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(now);
}

/**
 * The text a snippet inserts when every placeholder keeps its default: `${1:title}` → `title`,
 * `${2|a,b|}` → `a`, `$1` → ``, `${VAR}` / `$VAR` → its value, `\$` `\}` `\\` → `$` `}` `\`.
 */
export function snippetToText(snippet: string, vars: SnippetVariables = {}): string {
	let i = 0;
	const s = snippet;

	// Text up to an unescaped `}` (inside a placeholder) or the end.
	const text = (inside: boolean): string => {
		let out = '';
		while (i < s.length) {
			const c = s[i];
			if (c === '\\' && i + 1 < s.length && '$}\\'.includes(s[i + 1])) {
				out += s[i + 1];
				i += 2;
			} else if (c === '}' && inside) {
				return out;
			} else if (c === '$') {
				out += dollar();
			} else {
				out += c;
				i++;
			}
		}
		return out;
	};

	// At a `$`: a tab stop, placeholder, choice or variable; a lone `$` is text.
	const dollar = (): string => {
		const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
		if (simple) {
			i += simple[0].length;
			return /^\d/.test(simple[1]) ? '' : (vars[simple[1]] ?? '');
		}
		const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(s.slice(i));
		if (!open) {
			i++;
			return '$';
		}
		const name = open[1];
		i += open[0].length;
		const numbered = /^\d/.test(name);
		if (s[i] === '}') {
			i++;
			return numbered ? '' : (vars[name] ?? '');
		}
		if (s[i] === ':') {
			i++;
			const fallback = text(true);
			i++; // the closing brace
			return numbered ? fallback : (vars[name] ?? fallback);
		}
		if (s[i] === '|' && numbered) {
			const close = s.indexOf('|}', i + 1);
			if (close < 0) throw new Error(`unclosed choice at ${i}`);
			const options = s
				.slice(i + 1, close)
				.split(/(?<!\\),/)
				.map((o) => o.replace(/\\([,|\\])/g, '$1'));
			i = close + 2;
			return options[0] ?? '';
		}
		if (s[i] === '/' && !numbered) {
			// A transform: the variable's value, untransformed (the skeletons use none).
			let depth = 1;
			while (i < s.length && depth > 0) {
				if (s[i] === '\\') i++;
				else if (s[i] === '{') depth++;
				else if (s[i] === '}') depth--;
				i++;
			}
			return vars[name] ?? '';
		}
		throw new Error(`malformed snippet at ${i}: ${s.slice(i - open[0].length, i + 10)}`);
	};

	return text(false);
}
