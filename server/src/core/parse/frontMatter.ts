import { Parser, parseDocument, isMap, isScalar, isSeq, isPair, type Document, type Node as YamlNode } from 'yaml';

/** A YAML problem with offsets in the document text. */
export interface YamlProblem {
	message: string;
	start: number;
	end: number;
	/** yaml's error code (e.g. `DUPLICATE_KEY`), or `ALIAS_LIMIT` / `NOT_CLOSED`. */
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

const OPEN = /^---[ \t]*(?:\r\n|\r|\n)/;
const CLOSE = /^---[ \t]*$/gm;

/**
 * The delimiters of the front-matter block at the very top of `text` (BOM removed), without parsing
 * it: undefined when there is none; `contentEnd` and `end` are undefined when it is not closed. The
 * first `---` line at column 0 closes the block (`---` is a document marker in YAML anyway).
 */
export function frontMatterBounds(text: string): { contentStart: number; contentEnd?: number; end?: number } | undefined {
	const open = OPEN.exec(text);
	if (!open) return undefined;
	const contentStart = open[0].length;
	CLOSE.lastIndex = contentStart;
	const close = CLOSE.exec(text);
	return close ? { contentStart, contentEnd: close.index, end: close.index + close[0].length } : { contentStart };
}

/**
 * Find and parse the front matter at the very top of `text` (BOM already removed).
 * YAML 1.2 core schema, so an unquoted `2567-10-01` stays text.
 */
export function readFrontMatter(text: string): FrontMatter | undefined {
	const bounds = frontMatterBounds(text);
	if (!bounds) return undefined;
	const { contentStart, contentEnd, end } = bounds;
	if (contentEnd === undefined || end === undefined) {
		return {
			start: 0, end: text.length, contentStart, contentEnd: text.length, closed: false,
			yaml: undefined, value: undefined,
			problems: [{ message: 'front matter is not closed', start: 0, end: 3, code: 'NOT_CLOSED' }],
		};
	}
	const source = text.slice(contentStart, contentEnd);
	const { doc: yaml, value, aliasError } = parseYaml(source);
	const problems: YamlProblem[] = yaml.errors.map((e) => {
		// An unclosed quote or bracket is reported by the parser where it gave up (often the closing
		// ---); the user must act where it opens, as yaml-language-server shows it.
		const opened = /quote|flow (?:sequence|mapping|collection)|end with a [\]}]/i.test(e.message) ? unclosedOpening(source) : undefined;
		const at = opened ?? e.pos[0];
		const lineEnd = source.indexOf('\n', at);
		return {
			message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
			start: contentStart + at,
			end: contentStart + (opened !== undefined ? (lineEnd < 0 ? source.length : lineEnd) : Math.max(e.pos[1], e.pos[0] + 1)),
			code: e.code,
		};
	});
	if (aliasError) problems.push({ message: aliasError, start: contentStart, end: contentEnd, code: 'ALIAS_LIMIT' });
	return { start: 0, end, contentStart, contentEnd, closed: true, yaml, value, problems };
}

/**
 * Parse YAML as every file of the project is read (front matter, configuration, schemas): YAML 1.2
 * core schema, so an unquoted `2567-10-01` stays text; duplicate keys refused; aliases expanded at
 * most {@link MAX_ALIAS_COUNT} times. `value` is set only when there are no errors.
 */
export function parseYaml(source: string): { doc: Document.Parsed; value: unknown; aliasError?: string } {
	const doc = parseDocument(source, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false });
	if (doc.errors.length) return { doc, value: undefined };
	try {
		return { doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
	} catch (err) {
		return { doc, value: undefined, aliasError: (err as Error).message };
	}
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

function rangeOf(node: YamlNode, base: number): [number, number] | undefined {
	const r = node.range;
	if (!r) return undefined;
	return [base + r[0], base + r[1]];
}

/** The offset of the first quoted scalar or flow collection that is never closed, from the YAML CST. */
function unclosedOpening(source: string): number | undefined {
	const stack: unknown[] = [...new Parser().parse(source)];
	while (stack.length) {
		const t = stack.shift();
		if (!t || typeof t !== 'object') continue;
		if (Array.isArray(t)) {
			stack.unshift(...t);
			continue;
		}
		const tok = t as { type?: string; offset?: number; source?: string; end?: { type: string }[] };
		if ((tok.type === 'double-quoted-scalar' || tok.type === 'single-quoted-scalar') && typeof tok.source === 'string') {
			const q = tok.type === 'double-quoted-scalar' ? '"' : "'";
			const body = tok.source;
			if (body.length < 2 || !body.endsWith(q) || (q === '"' && /(?:^|[^\\])(?:\\\\)*\\"$/.test(body))) return tok.offset;
		}
		if (tok.type === 'flow-collection' && !(tok.end ?? []).some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end')) return tok.offset;
		stack.unshift(...Object.values(tok).filter((v) => v && typeof v === 'object'));
	}
	return undefined;
}
