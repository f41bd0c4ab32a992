import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv, DATE_FORMAT } from './ajv';
import { precompiledValidator } from './precompiled';
import type { XDisclosure } from './xDisclosure';
import type { FileProblem, LocalizedText } from '../types';
import { ajvProblems, fileProblem, problemAt, readDataFile, type DataFile } from '../dataFile';
import { locateIn } from '../parse/frontMatter';
import { compileUserPattern, isBuiltinPattern, trustBuiltinPattern } from '../regex';

/** What the engine knows about a front-matter key from the schemas. */
export interface KeyInfo {
	/** Dot path (`publish_request.date`, `sources[].date`). */
	path: string;
	schema: Record<string, unknown>;
	label?: LocalizedText;
	description?: LocalizedText;
	isDate: boolean;
}

/** A topic schema, built in or a unit's own. */
export interface TopicSchema {
	id: string;
	/** The file it came from (built-ins: `schemas/topics/<id>.schema.json` relative to the package). */
	file: string;
	builtin: boolean;
	json: Record<string, unknown>;
	x: XDisclosure;
	/** Every key the schema describes, common keys included, by dot path. */
	keys: Map<string, KeyInfo>;
	/** Compiled validator (compiled on first use, then cached), or the compile problem. */
	validator(): ValidateFunction | FileProblem;
}

/** A schema file given to the registry. */
export interface SchemaSource {
	file: string;
	/** Parsed JSON (built-ins) or the raw text (files from disk, parsed with positions). */
	json?: unknown;
	text?: string;
	builtin: boolean;
}

/** How a `topic` value was recognised. */
export interface TopicMatch {
	topic: TopicSchema;
	by: 'id' | 'name' | 'alias';
}

/** Normalise a topic name for lookup: NFC, spaces collapsed, case folded. */
export function normalizeName(s: string): string {
	return s
		.normalize('NFC')
		.replace(/[\s\u200b]+/g, ' ')
		.trim()
		.toLowerCase();
}

/**
 * The topic schemas of one configuration: the ten built-ins plus a unit's own from `schemas` folders
 * (a later file with the same id overrides). Each file is checked against the x-disclosure meta-schema;
 * a broken one becomes a positioned problem, never an exception.
 */
export class SchemaRegistry {
	readonly problems: FileProblem[] = [];
	private readonly topics = new Map<string, TopicSchema>();
	private readonly names = new Map<string, { id: string; by: 'id' | 'name' | 'alias' }>();
	/** Created on first need: a workspace schema to check or compile (the bundled ones are precompiled). */
	private ajvInstance: Ajv | undefined;
	/** Whether ajv is compiling a workspace schema (its patterns then run on the linear-time engine). */
	private compilingUserSchema = false;
	/** The common schema every topic schema builds on. */
	readonly common: Record<string, unknown>;

	constructor(common: Record<string, unknown>, meta: Record<string, unknown>, sources: SchemaSource[]) {
		this.common = common;
		let checkMeta: ValidateFunction | undefined;
		for (const src of sources)
			this.add(src, () => (checkMeta ??= precompiledValidator('meta') ?? this.ajv.compile(meta)));
		for (const t of this.topics.values()) {
			this.names.set(normalizeName(t.id), { id: t.id, by: 'id' });
		}
		for (const t of this.topics.values()) {
			for (const n of [t.x.name.th, t.x.name.en])
				if (!this.names.has(normalizeName(n))) this.names.set(normalizeName(n), { id: t.id, by: 'name' });
			for (const a of t.x.aliases ?? [])
				if (!this.names.has(normalizeName(a))) this.names.set(normalizeName(a), { id: t.id, by: 'alias' });
		}
	}

	/** The topic ids, built-ins first in their canonical order. */
	ids(): string[] {
		return [...this.topics.keys()];
	}

	/** The schema of a topic id. */
	get(id: string): TopicSchema | undefined {
		return this.topics.get(id);
	}

	/** Recognise a `topic` value: an id, a Thai (or English) name, or an alias. */
	resolve(value: string): TopicMatch | undefined {
		const hit = this.names.get(normalizeName(value));
		const topic = hit && this.topics.get(hit.id);
		return topic && hit ? { topic, by: hit.by } : undefined;
	}

	/** The ajv instance that checks and compiles workspace schemas, with the common schema added. */
	private get ajv(): Ajv {
		if (!this.ajvInstance) {
			this.ajvInstance = createAjv(() => this.compilingUserSchema);
			this.ajvInstance.addSchema(this.common);
		}
		return this.ajvInstance;
	}

	private add(src: SchemaSource, metaValidator: () => ValidateFunction): void {
		let data: DataFile | undefined;
		let json = src.json;
		if (json === undefined) {
			data = readDataFile(src.file, src.text ?? '');
			if (data.problems.length) {
				this.problems.push(...data.problems);
				return;
			}
			json = data.value;
		}
		// The bundled schemas pass the meta-schema: scripts/gen-validators.mjs refuses to build otherwise,
		// and test/core/precompiled.test.ts checks it; only a workspace schema is checked at run time.
		const checkMeta = src.builtin ? undefined : metaValidator();
		if (checkMeta && !checkMeta(json)) {
			if (data) this.problems.push(...ajvProblems(data, checkMeta.errors ?? []));
			else
				this.problems.push(
					fileProblem(src.file, {
						th: `สคีมาไม่ถูกต้อง: ${this.ajv.errorsText(checkMeta.errors)}`,
						en: `Invalid schema: ${this.ajv.errorsText(checkMeta.errors)}`,
					}),
				);
			return;
		}
		const obj = json as Record<string, unknown>;
		const x = obj['x-disclosure'] as XDisclosure;
		const badPattern = regexesOf(x, ['x-disclosure']).find((r) => !compiles(r.pattern, r.flags));
		if (badPattern) {
			this.problems.push(patternProblem(src.file, data, badPattern.path, patternMessage(badPattern.pattern)));
			return;
		}
		if (src.builtin) for (const r of regexesOf(x, [])) trustBuiltinPattern(r.pattern, r.flags ?? r.defaultFlags);
		else {
			// A workspace schema's patterns run on the linear-time engine: one it cannot take (a
			// lookahead, a backreference) makes the schema a problem at the pattern, at load.
			const refused = userPatternProblems(src.file, data, obj, x);
			if (refused.length) {
				this.problems.push(...refused);
				return;
			}
		}
		// A bundled schema's validator was compiled at build time (precompiled.ts).
		let compiled: ValidateFunction | FileProblem | undefined = src.builtin ? precompiledValidator(x.id) : undefined;
		const file = src.file;
		const common = this.common;
		let keys: Map<string, KeyInfo> | undefined;
		const topic: TopicSchema = {
			id: x.id,
			file,
			builtin: src.builtin,
			json: obj,
			x,
			// Listed on first use: a run reads the keys of the topics its pages have, not of all ten.
			get keys() {
				keys ??= collectKeys(obj, common);
				return keys;
			},
			validator: () => {
				if (!compiled) {
					this.compilingUserSchema = !src.builtin;
					try {
						compiled = this.ajv.compile(obj);
					} catch (err) {
						const msg = (err as Error).message;
						compiled = fileProblem(file, {
							th: `คอมไพล์สคีมาไม่ได้: ${msg}`,
							en: `The schema does not compile: ${msg}`,
						});
					} finally {
						this.compilingUserSchema = false;
					}
				}
				return compiled;
			},
		};
		this.topics.delete(x.id);
		this.topics.set(x.id, topic);
	}
}

interface FoundPattern {
	pattern: string;
	flags?: string;
	/** Where it is in the file: the JSON path of the pattern string. */
	path: (string | number)[];
	/** The flags the engine uses when the schema gives none. */
	defaultFlags: string;
}

/** Every regular expression in an x-disclosure block (`pattern`/`flags` and `headingPattern`/`headingFlags` pairs). */
function regexesOf(x: unknown, base: (string | number)[]): FoundPattern[] {
	const out: FoundPattern[] = [];
	const visit = (v: unknown, path: (string | number)[]): void => {
		if (Array.isArray(v)) v.forEach((e, i) => visit(e, [...path, i]));
		else if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			// requiredLinks match case-insensitively by default (rules/linkRequiredMissing.ts).
			const defaultFlags = path.includes('requiredLinks') ? 'iu' : 'u';
			if (typeof o.pattern === 'string')
				out.push({
					pattern: o.pattern,
					flags: o.flags as string | undefined,
					path: [...path, 'pattern'],
					defaultFlags,
				});
			if (typeof o.headingPattern === 'string')
				out.push({
					pattern: o.headingPattern,
					flags: o.headingFlags as string | undefined,
					path: [...path, 'headingPattern'],
					defaultFlags: 'u',
				});
			for (const [k, e] of Object.entries(o)) visit(e, [...path, k]);
		}
	};
	visit(x, base);
	return out;
}

/** Keywords whose value is a schema, an array of schemas, or a map of names to schemas. */
const SCHEMA_VALUED = [
	'not',
	'if',
	'then',
	'else',
	'contains',
	'additionalProperties',
	'additionalItems',
	'propertyNames',
	'unevaluatedItems',
	'unevaluatedProperties',
	'items',
	'prefixItems',
	'allOf',
	'anyOf',
	'oneOf',
];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'];

/** Every JSON Schema `pattern` and `patternProperties` key of a schema, with its path. */
function schemaPatternsOf(schema: unknown): FoundPattern[] {
	const out: FoundPattern[] = [];
	const visit = (s: unknown, path: (string | number)[]): void => {
		if (!s || typeof s !== 'object' || Array.isArray(s)) return;
		const o = s as Record<string, unknown>;
		if (typeof o.pattern === 'string')
			out.push({ pattern: o.pattern, path: [...path, 'pattern'], defaultFlags: 'u' });
		if (o.patternProperties && typeof o.patternProperties === 'object') {
			for (const key of Object.keys(o.patternProperties))
				out.push({ pattern: key, path: [...path, 'patternProperties', key], defaultFlags: 'u' });
		}
		for (const k of SCHEMA_VALUED) {
			const v = o[k];
			if (Array.isArray(v)) v.forEach((e, i) => visit(e, [...path, k, i]));
			else visit(v, [...path, k]);
		}
		for (const k of SCHEMA_MAPS) {
			const m = o[k];
			if (m && typeof m === 'object' && !Array.isArray(m))
				for (const [name, v] of Object.entries(m)) visit(v, [...path, k, name]);
		}
	};
	visit(schema, []);
	return out;
}

/** The problems of a workspace schema's patterns the linear-time engine cannot take, each at its place. */
function userPatternProblems(
	file: string,
	data: DataFile | undefined,
	schema: Record<string, unknown>,
	x: XDisclosure,
): FileProblem[] {
	const out: FileProblem[] = [];
	// ajv compiles JSON Schema patterns with the `u` flag; x-disclosure ones take their `flags`.
	const xPatterns = regexesOf(x, ['x-disclosure']).filter(
		(p) => !isBuiltinPattern(p.pattern, p.flags ?? p.defaultFlags),
	);
	for (const p of [...schemaPatternsOf(schema), ...xPatterns]) {
		const c = compileUserPattern(p.pattern, p.flags ?? p.defaultFlags);
		if (!c.ok) {
			const at = `/${p.path.join('/')}`;
			out.push(
				patternProblem(
					file,
					data,
					p.path,
					{ th: `${at}: ${c.reason.th}`, en: `${at}: ${c.reason.en}` },
					p.path[p.path.length - 2] === 'patternProperties',
				),
			);
		}
	}
	return out;
}

/** A problem at a pattern string (or, for a `patternProperties` key, at the key). */
function patternProblem(
	file: string,
	data: DataFile | undefined,
	path: (string | number)[],
	message: LocalizedText,
	atKey = false,
): FileProblem {
	if (!data) return fileProblem(file, message);
	const r = data.doc ? locateIn(data.doc, path) : undefined;
	const range = (atKey ? r?.key : (r?.value ?? r?.key)) ?? [0, 1];
	return problemAt(file, data.lines, range[0], range[1], message);
}

function compiles(pattern: string, flags?: string): boolean {
	try {
		new RegExp(pattern, flags);
		return true;
	} catch {
		return false;
	}
}

function patternMessage(pattern: string): LocalizedText {
	return { th: `รูปแบบ (pattern) ไม่ถูกต้อง: ${pattern}`, en: `Invalid regular expression: ${pattern}` };
}

/** Walk `properties`, `items`, `allOf` (with $ref to the common schema) and `if/then` to list every key. */
function collectKeys(schema: Record<string, unknown>, common: Record<string, unknown>): Map<string, KeyInfo> {
	const keys = new Map<string, KeyInfo>();
	/** Keys described by the common schema: a topic's own description of the same key replaces them. */
	const fromCommon = new Set<string>();
	const seen = new Set<unknown>();
	const visit = (s: unknown, prefix: string, inCommon: boolean): void => {
		if (!s || typeof s !== 'object' || seen.has(s)) return;
		seen.add(s);
		const o = s as Record<string, unknown>;
		if (typeof o.$ref === 'string' && o.$ref.startsWith(String(common.$id))) visit(common, prefix, true);
		for (const k of ['allOf', 'anyOf', 'oneOf'])
			if (Array.isArray(o[k])) for (const sub of o[k] as unknown[]) visit(sub, prefix, inCommon);
		for (const k of ['then', 'else']) visit(o[k], prefix, inCommon);
		if (o.items && typeof o.items === 'object') visit(o.items, `${prefix}[]`, inCommon);
		const props = o.properties as Record<string, Record<string, unknown>> | undefined;
		if (props) {
			for (const [name, p] of Object.entries(props)) {
				const path = prefix ? `${prefix}.${name}` : name;
				const old = keys.get(path);
				const replaces =
					!old ||
					(fromCommon.has(path) && !inCommon) ||
					(fromCommon.has(path) === inCommon && Object.keys(p).length > Object.keys(old.schema).length);
				if (replaces) {
					keys.set(path, {
						path,
						schema: p,
						label: p['x-label'] as LocalizedText | undefined,
						description: p['x-description'] as LocalizedText | undefined,
						isDate: p.format === DATE_FORMAT,
					});
					if (inCommon) fromCommon.add(path);
					else fromCommon.delete(path);
				}
				visit(p, path, inCommon);
			}
		}
	};
	visit(schema, '', false);
	return keys;
}
