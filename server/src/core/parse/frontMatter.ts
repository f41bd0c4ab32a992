import {
	CST,
	Lexer,
	Parser,
	parseDocument,
	isMap,
	isScalar,
	isSeq,
	isPair,
	YAMLParseError,
	type Document,
	type Node as YamlNode,
} from 'yaml';

/** A YAML problem with offsets in the document text. */
export interface YamlProblem {
	message: string;
	start: number;
	end: number;
	/** yaml's error code (e.g. `DUPLICATE_KEY`), or `ALIAS_LIMIT` / `NOT_CLOSED` / `TOO_DEEP`. */
	code: string;
}

/** The front-matter block of a page. */
export interface FrontMatter {
	/** Offsets of the whole block, delimiters included. */
	start: number;
	end: number;
	/** Offsets of the YAML text between the delimiters. */
	contentStart: number;
	contentEnd: number;
	/** The closing `---` was found. */
	closed: boolean;
	/** The parsed YAML document (undefined when the block is not closed). */
	yaml: Document.Parsed | undefined;
	/** The plain value (`undefined` when the YAML has errors). */
	value: unknown;
	/** Syntax problems; when non-empty, `value` is undefined. */
	problems: YamlProblem[];
}

/** Most aliases a front matter may expand: far more than a page needs, far fewer than a "billion laughs". */
const MAX_ALIAS_COUNT = 50;

/**
 * Most levels of nesting (block indentation, `- ` items and `[`/`{` brackets together) a YAML text
 * may have: real front matter stays under 10, and the YAML parser recurses once per level, so
 * 10,000 levels overflow its stack after seconds of work. Deeper text is refused before parsing.
 */
export const MAX_YAML_DEPTH = 64;

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /^---[ \t]*$/gm;

/** Where a front-matter block's content starts, and (when it is closed) where it and the block end. */
export interface FrontMatterBounds {
	contentStart: number;
	contentEnd?: number;
	end?: number;
}

/**
 * The delimiters of the front-matter block at the very top of `text` (BOM removed), without parsing
 * it: undefined when there is none; `contentEnd` and `end` are undefined when it is not closed. The
 * first `---` line at column 0 closes the block (`---` is a document marker in YAML anyway).
 */
export function frontMatterBounds(text: string): FrontMatterBounds | undefined {
	const open = OPEN.exec(text);
	if (!open) return undefined;
	const contentStart = open[0].length;
	CLOSE.lastIndex = contentStart;
	const close = CLOSE.exec(text);
	return close ? { contentStart, contentEnd: close.index, end: close.index + close[0].length } : { contentStart };
}

/**
 * Find and parse the front matter at the very top of `text` (BOM already removed), within `bounds`
 * when the caller has them already. YAML 1.2 core schema, so an unquoted `2567-10-01` stays text.
 */
export function readFrontMatter(text: string, bounds = frontMatterBounds(text)): FrontMatter | undefined {
	if (!bounds) return undefined;
	const { contentStart, contentEnd, end } = bounds;
	if (contentEnd === undefined || end === undefined) {
		return {
			start: 0,
			end: text.length,
			contentStart,
			contentEnd: text.length,
			closed: false,
			yaml: undefined,
			value: undefined,
			problems: [{ message: 'front matter is not closed', start: 0, end: 3, code: 'NOT_CLOSED' }],
		};
	}
	// A lone CR ends a line (old Mac files) as in the body: same length, so offsets stay put.
	const source = crToLf(text.slice(contentStart, contentEnd));
	const { doc: yaml, value, aliasError, depthError } = parseYaml(source);
	if (depthError) {
		const problem = {
			message: depthError.message,
			start: contentStart + depthError.offset,
			end: contentStart + depthError.offset + 1,
			code: 'TOO_DEEP',
		};
		return { start: 0, end, contentStart, contentEnd, closed: true, yaml, value: undefined, problems: [problem] };
	}
	let opening: number | undefined | null = null; // computed once: it walks the whole CST
	const seen = new Set<string>();
	const problems: YamlProblem[] = yaml.errors
		.map((e): YamlProblem => {
			// An unclosed quote or bracket is reported by the parser where it gave up (often the closing
			// ---); the user must act where it opens, as yaml-language-server shows it.
			const opened = /quote|flow (?:sequence|mapping|collection)|end with a [\]}]/i.test(e.message)
				? opening === null
					? (opening = unclosedOpening(source))
					: opening
				: undefined;
			// After a key with no value yaml places a duplicate key's error on the line end before it: the key itself is next.
			const at = opened ?? (e.code === 'DUPLICATE_KEY' ? nextNonSpace(source, e.pos[0]) : e.pos[0]);
			const lineEnd = source.indexOf('\n', at);
			return {
				message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
				start: contentStart + at,
				end:
					contentStart +
					(opened !== undefined ? (lineEnd < 0 ? source.length : lineEnd) : Math.max(e.pos[1], at + 1)),
				code: e.code,
			};
		})
		.filter((p) => {
			// Errors moved to the same opening (every later line inside one unclosed quote) are one problem.
			const key = `${p.start}:${p.message}`;
			return !seen.has(key) && Boolean(seen.add(key));
		});
	if (aliasError) problems.push({ message: aliasError, start: contentStart, end: contentEnd, code: 'ALIAS_LIMIT' });
	return { start: 0, end, contentStart, contentEnd, closed: true, yaml, value, problems };
}

/**
 * Parse YAML as every file of the project is read (front matter, configuration, schemas): YAML 1.2
 * core schema, so an unquoted `2567-10-01` stays text; duplicate keys refused; aliases expanded at
 * most {@link MAX_ALIAS_COUNT} times; a lone CR read as a line end; text nested deeper than
 * {@link MAX_YAML_DEPTH} levels not parsed at all (`depthError`, also in `doc.errors`, on an empty
 * document). `value` is set only when there are no errors.
 */
export function parseYaml(source: string): {
	doc: Document.Parsed;
	value: unknown;
	aliasError?: string;
	depthError?: { message: string; offset: number };
} {
	const text = crToLf(source);
	const deep = yamlTooDeep(text);
	if (deep) {
		const doc = parseDocument('', { version: '1.2', schema: 'core' });
		const message = `nested too deeply: more than ${MAX_YAML_DEPTH} levels of indentation, list items and brackets`;
		doc.errors.push(new YAMLParseError([deep.offset, deep.offset + 1], 'RESOURCE_EXHAUSTION', message));
		return { doc, value: undefined, depthError: { message, offset: deep.offset } };
	}
	const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
	if (doc.errors.length) return { doc, value: undefined };
	try {
		return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
	} catch (err) {
		return { doc, value: undefined, aliasError: (err as Error).message };
	}
}

/**
 * Where YAML text first nests deeper than `max` levels, or undefined: counted on the YAML lexer's
 * tokens (linear, no recursion), so brackets inside quotes, comments and block scalars do not
 * count. A level is a block indentation column (a key or a `- ` item more indented than the one
 * above it, and each `- ` or `? ` on the same line) or an open `[` or `{`.
 */
export function yamlTooDeep(text: string, max = MAX_YAML_DEPTH): { depth: number; offset: number } | undefined {
	if (depthBound(text) <= max) return undefined;
	const columns: number[] = []; // the open block levels' columns, innermost last
	let flow = 0;
	let offset = 0;
	let lineStart = 0;
	let opensBlock = true; // the next token may open a block level: first on its line, or after `- ` / `? `
	for (const tok of new Lexer().lex(text)) {
		const type = CST.tokenType(tok);
		// The lexer's mode markers are not in the text.
		if (type === 'doc-mode' || type === 'flow-error-end' || (type === 'scalar' && tok === CST.SCALAR)) continue;
		const at = offset;
		offset += tok.length;
		switch (type) {
			case 'newline':
				lineStart = offset;
				opensBlock = true;
				continue;
			case 'space':
			case 'comment':
			case 'byte-order-mark':
			case 'doc-start':
			case 'doc-end':
			case 'directive-line':
				continue;
			case 'flow-seq-start':
			case 'flow-map-start':
				flow++;
				opensBlock = false;
				if (columns.length + flow > max) return { depth: columns.length + flow, offset: at };
				continue;
			case 'flow-seq-end':
			case 'flow-map-end':
				if (flow > 0) flow--;
				continue;
		}
		if (flow === 0 && opensBlock) {
			const column = at - lineStart;
			while (columns.length && columns[columns.length - 1] >= column) columns.pop();
			columns.push(column);
			if (columns.length > max) return { depth: columns.length, offset: at };
		}
		opensBlock = type === 'seq-item-ind' || type === 'explicit-key-ind';
		// A multi-line token (a block scalar's body, a quoted scalar over lines) moves the line start.
		const nl = tok.lastIndexOf('\n');
		if (nl >= 0) {
			lineStart = at + nl + 1;
			opensBlock = false;
		}
	}
	return undefined;
}

/**
 * A cheap upper bound of {@link yamlTooDeep}'s depth, so the lexer runs only on suspicious text: every
 * `[` and `{` may be open at once, and a block level opens at a column made only of the spaces, tabs,
 * `-` and `?` that start its line, so there are at most that many columns plus one.
 */
function depthBound(text: string): number {
	let brackets = 0;
	let prefix = 0;
	let maxPrefix = 0;
	let atStart = true;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			atStart = true;
			prefix = 0;
			continue;
		}
		if (c === 91 || c === 123) brackets++;
		if (atStart) {
			if (c === 32 || c === 9 || c === 45 || c === 63) {
				if (++prefix > maxPrefix) maxPrefix = prefix;
			} else {
				atStart = false;
			}
		}
	}
	return brackets + maxPrefix + 1;
}

/**
 * The text with each lone CR (old Mac line ends) turned into LF, same length so every offset stays
 * put. YAML 1.2 counts a lone CR as a line break (§5.4), the `yaml` package only LF and CRLF.
 */
export function crToLf(source: string): string {
	return source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
}

/** A path into front matter: keys and array indexes. */
export type YamlPath = (string | number)[];

/** Offsets (in the document text) of the node at `path`, its key, and the pair; undefined when absent. */
export interface NodeRange {
	/** The value node's range. */
	value?: [number, number];
	/** The key's range (for the last path segment when it is a map key). */
	key?: [number, number];
}

/** Locate the YAML node at `path` in a front matter, as document offsets. */
export function locate(fm: FrontMatter, path: YamlPath): NodeRange | undefined {
	return fm.yaml ? locateIn(fm.yaml, path, fm.contentStart) : undefined;
}

/** Locate the node at `path` in any parsed YAML (or JSON) document; offsets are shifted by `base`. */
export function locateIn(doc: Document.Parsed, path: YamlPath, base = 0): NodeRange | undefined {
	let node: unknown = doc.contents;
	let keyRange: [number, number] | undefined;
	for (const seg of path) {
		if (isMap(node)) {
			const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
			if (!pair) return undefined;
			keyRange = rangeOf(pair.key as YamlNode, base);
			node = pair.value;
		} else if (isSeq(node) && typeof seg === 'number') {
			node = node.items[seg];
			keyRange = undefined;
			if (node === undefined) return undefined;
		} else {
			return undefined;
		}
	}
	const value = node ? rangeOf(node as YamlNode, base) : undefined;
	return { value, key: keyRange };
}

/** The first offset from `from` that is not a space, a tab or a line end (or the text's end). */
function nextNonSpace(source: string, from: number): number {
	let i = from;
	while (i < source.length && (source[i] === ' ' || source[i] === '\t' || source[i] === '\n')) i++;
	return i < source.length ? i : from;
}

function rangeOf(node: YamlNode, base: number): [number, number] | undefined {
	const r = node.range;
	if (!r) return undefined;
	return [base + r[0], base + r[1]];
}

/** The offset of the first quoted scalar or flow collection that is never closed, from the YAML CST. */
function unclosedOpening(source: string): number | undefined {
	// Depth-first, in source order, without recursion: children are pushed in reverse.
	const stack: unknown[] = [...new Parser().parse(source)].reverse();
	while (stack.length) {
		const t = stack.pop();
		if (!t || typeof t !== 'object') continue;
		if (Array.isArray(t)) {
			for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]);
			continue;
		}
		const tok = t as { type?: string; offset?: number; source?: string; end?: { type: string }[] };
		if (
			(tok.type === 'double-quoted-scalar' || tok.type === 'single-quoted-scalar') &&
			typeof tok.source === 'string'
		) {
			const q = tok.type === 'double-quoted-scalar' ? '"' : "'";
			const body = tok.source;
			if (body.length < 2 || !body.endsWith(q) || (q === '"' && /(?:^|[^\\])(?:\\\\)*\\"$/.test(body)))
				return tok.offset;
		}
		if (
			tok.type === 'flow-collection' &&
			!(tok.end ?? []).some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end')
		)
			return tok.offset;
		const children = Object.values(tok).filter((v) => v && typeof v === 'object');
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
	}
	return undefined;
}
