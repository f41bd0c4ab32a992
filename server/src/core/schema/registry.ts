import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createAjv, DATE_FORMAT } from './ajv';
import type { XDisclosure } from './xDisclosure';
import type { FileProblem, LocalizedText } from '../types';
import { ajvProblems, fileProblem, problemAt, readDataFile, type DataFile } from '../dataFile';

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
	return s.normalize('NFC').replace(/[\s\u200b]+/g, ' ').trim().toLowerCase();
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
	private readonly ajv: Ajv;
	/** The common schema every topic schema builds on. */
	readonly common: Record<string, unknown>;

	constructor(common: Record<string, unknown>, meta: Record<string, unknown>, sources: SchemaSource[]) {
		this.ajv = createAjv();
		this.common = common;
		this.ajv.addSchema(common);
		const checkMeta = this.ajv.compile(meta);
		for (const src of sources) this.add(src, checkMeta);
		for (const t of this.topics.values()) {
			this.names.set(normalizeName(t.id), { id: t.id, by: 'id' });
		}
		for (const t of this.topics.values()) {
			for (const n of [t.x.name.th, t.x.name.en]) if (!this.names.has(normalizeName(n))) this.names.set(normalizeName(n), { id: t.id, by: 'name' });
			for (const a of t.x.aliases ?? []) if (!this.names.has(normalizeName(a))) this.names.set(normalizeName(a), { id: t.id, by: 'alias' });
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

	private add(src: SchemaSource, checkMeta: ValidateFunction): void {
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
		if (!checkMeta(json)) {
			if (data) this.problems.push(...ajvProblems(data, checkMeta.errors ?? []));
			else this.problems.push(fileProblem(src.file, { th: `สคีมาไม่ถูกต้อง: ${this.ajv.errorsText(checkMeta.errors)}`, en: `Invalid schema: ${this.ajv.errorsText(checkMeta.errors)}` }));
			return;
		}
		const obj = json as Record<string, unknown>;
		const x = obj['x-disclosure'] as XDisclosure;
		const badPattern = regexesOf(x).find((r) => !compiles(r.pattern, r.flags));
		if (badPattern) {
			const at = data?.text.indexOf(JSON.stringify(badPattern.pattern).slice(1, -1)) ?? -1;
			this.problems.push(data ? problemAt(src.file, data.lines, Math.max(at, 0), Math.max(at, 0) + 1, patternMessage(badPattern.pattern)) : fileProblem(src.file, patternMessage(badPattern.pattern)));
			return;
		}
		let compiled: ValidateFunction | FileProblem | undefined;
		const ajv = this.ajv;
		const file = src.file;
		const topic: TopicSchema = {
			id: x.id,
			file,
			builtin: src.builtin,
			json: obj,
			x,
			keys: collectKeys(obj, this.common),
			validator() {
				if (!compiled) {
					try {
						compiled = ajv.compile(obj);
					} catch (err) {
						const msg = (err as Error).message;
						compiled = fileProblem(file, { th: `คอมไพล์สคีมาไม่ได้: ${msg}`, en: `The schema does not compile: ${msg}` });
					}
				}
				return compiled;
			},
		};
		this.topics.delete(x.id);
		this.topics.set(x.id, topic);
	}
}

/** Every regular expression in an x-disclosure block (`pattern`/`flags` and `headingPattern`/`headingFlags` pairs). */
function regexesOf(x: unknown): { pattern: string; flags?: string }[] {
	const out: { pattern: string; flags?: string }[] = [];
	const visit = (v: unknown): void => {
		if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if (typeof o.pattern === 'string') out.push({ pattern: o.pattern, flags: o.flags as string | undefined });
			if (typeof o.headingPattern === 'string') out.push({ pattern: o.headingPattern, flags: o.headingFlags as string | undefined });
			Object.values(o).forEach(visit);
		}
	};
	visit(x);
	return out;
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
		for (const k of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(o[k])) for (const sub of o[k] as unknown[]) visit(sub, prefix, inCommon);
		for (const k of ['then', 'else']) visit(o[k], prefix, inCommon);
		if (o.items && typeof o.items === 'object') visit(o.items, `${prefix}[]`, inCommon);
		const props = o.properties as Record<string, Record<string, unknown>> | undefined;
		if (props) {
			for (const [name, p] of Object.entries(props)) {
				const path = prefix ? `${prefix}.${name}` : name;
				const old = keys.get(path);
				const replaces = !old || (fromCommon.has(path) && !inCommon) || (fromCommon.has(path) === inCommon && Object.keys(p).length > Object.keys(old.schema).length);
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
