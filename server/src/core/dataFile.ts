import { stripBom } from './parse/decode';
import type { Document } from 'yaml';
import type { ErrorObject } from 'ajv';
import localizeTh from 'ajv-i18n/localize/th';
import { LineIndex } from './parse/lineIndex';
import { locateIn, parseYaml } from './parse/frontMatter';
import type { FileProblem, LocalizedText } from './types';

/** A JSON or YAML data file (configuration, schema) read with node ranges for positioned errors. */
export interface DataFile {
	file: string;
	text: string;
	lines: LineIndex;
	doc: Document.Parsed | undefined;
	value: unknown;
	problems: FileProblem[];
}

/** Parse a `.json`, `.yaml` or `.yml` data file. Never executes anything; never throws. */
export function readDataFile(file: string, rawText: string): DataFile {
	const text = stripBom(rawText);
	const lines = new LineIndex(text);
	const problem = (start: number, end: number, message: LocalizedText): FileProblem =>
		problemAt(file, lines, start, end, message);
	if (/\.json$/i.test(file)) {
		try {
			JSON.parse(text);
		} catch (err) {
			const msg = (err as Error).message;
			const pos = /position (\d+)/.exec(msg);
			const at = pos ? Number(pos[1]) : 0;
			return {
				file,
				text,
				lines,
				doc: undefined,
				value: undefined,
				problems: [problem(at, at + 1, { th: `JSON ไม่ถูกต้อง: ${msg}`, en: `Invalid JSON: ${msg}` })],
			};
		}
	}
	const { doc, value, aliasError } = parseYaml(text);
	if (doc.errors.length) {
		return {
			file,
			text,
			lines,
			doc: undefined,
			value: undefined,
			problems: doc.errors.map((e) =>
				problem(e.pos[0], e.pos[1], {
					th: `YAML ไม่ถูกต้อง: ${e.message.split('\n')[0]}`,
					en: `Invalid YAML: ${e.message.split('\n')[0]}`,
				}),
			),
		};
	}
	if (aliasError)
		return {
			file,
			text,
			lines,
			doc: undefined,
			value: undefined,
			problems: [problem(0, 1, { th: aliasError, en: aliasError })],
		};
	return { file, text, lines, doc, value, problems: [] };
}

/** A problem with a whole file (reported at its line 1). */
export function fileProblem(file: string, message: LocalizedText): FileProblem {
	return { file, line: 1, column: 1, endLine: 1, endColumn: 1, message };
}

/** A problem at offsets of a data file. */
export function problemAt(
	file: string,
	lines: LineIndex,
	start: number,
	end: number,
	message: LocalizedText,
): FileProblem {
	const s = lines.position(start);
	const e = lines.position(Math.max(end, start));
	return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, message };
}

/** Split an ajv `instancePath` (`/a/0/b`) into segments. */
export function instancePathSegments(instancePath: string): (string | number)[] {
	if (!instancePath) return [];
	return instancePath
		.slice(1)
		.split('/')
		.map((s) => {
			const k = s.replace(/~1/g, '/').replace(/~0/g, '~');
			return /^\d+$/.test(k) ? Number(k) : k;
		});
}

/**
 * Keep the errors a person can act on: for a failed `oneOf`/`anyOf`, the errors of the branch the
 * value was meant for (those that are not mere type mismatches), else the wrapper alone; `if` is dropped.
 */
export function pruneAjvErrors(errors: ErrorObject[]): ErrorObject[] {
	const drop = new Set<ErrorObject>(errors.filter((e) => e.keyword === 'if'));
	const out = [...errors];
	out.forEach((w, wi) => {
		if (w.keyword !== 'oneOf' && w.keyword !== 'anyOf') return;
		// ajv reports a wrapper's branch errors just before it; $ref changes their schemaPath, so go by instance path.
		const branch = out.filter(
			(e, i) =>
				i < wi &&
				!drop.has(e) &&
				(e.instancePath === w.instancePath || e.instancePath.startsWith(`${w.instancePath}/`)),
		);
		// A value whose shape chose a branch (a rule's [level, {options}]) is judged by that branch's errors
		// inside it; a scalar branch's "must be one of the levels" is not the point.
		const deeper = branch.filter((e) => e.instancePath.startsWith(`${w.instancePath}/`));
		if (deeper.length) {
			drop.add(w);
			for (const e of branch) if (!deeper.includes(e)) drop.add(e);
			return;
		}
		const meaningful = branch.filter((e) => e.keyword !== 'type' && e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
		if (meaningful.length) drop.add(w);
		for (const e of branch) if (!meaningful.includes(e)) drop.add(e);
		// Only types disagreed: say which types would do ("must be integer, null or object").
		const types = branch
			.filter((e) => e.keyword === 'type')
			.map((e) => String((e.params as { type: string }).type));
		if (!meaningful.length && types.length) {
			out[wi] = {
				...w,
				keyword: 'type',
				params: { type: types.join(',') },
				message: `must be ${[...new Set(types)].join(' or ')}`,
			};
		}
	});
	return out.filter((e) => !drop.has(e));
}

/** Turn ajv errors on a data file into positioned problems in both languages. */
export function ajvProblems(data: DataFile, allErrors: ErrorObject[]): FileProblem[] {
	const errors = pruneAjvErrors(allErrors);
	const th = errors.map((e) => ({ ...e }));
	localizeTh(th);
	return errors
		.map((e, i) => {
			const path = instancePathSegments(e.instancePath);
			if (e.propertyName !== undefined) {
				const r = data.doc ? locateIn(data.doc, [...path, e.propertyName]) : undefined;
				const range = r?.key ?? [0, 1];
				return problemAt(data.file, data.lines, range[0], range[1], {
					th: `${e.instancePath || '/'}: ไม่รู้จักชื่อ "${e.propertyName}"`,
					en: `${e.instancePath || '/'}: unknown name "${e.propertyName}"`,
				});
			}
			let extra = '';
			if (e.keyword === 'enum')
				extra = `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
			if (e.keyword === 'propertyNames') return undefined;
			if (e.keyword === 'additionalProperties') {
				const prop = (e.params as { additionalProperty: string }).additionalProperty;
				path.push(prop);
				extra = `: ${prop}`;
			}
			const r = data.doc ? locateIn(data.doc, path) : undefined;
			const range = (e.keyword === 'additionalProperties' ? r?.key : (r?.value ?? r?.key)) ?? [0, 1];
			const where = e.instancePath || '/';
			return problemAt(data.file, data.lines, range[0], range[1], {
				th: `${where} ${th[i].message ?? ''}${extra}`,
				en: `${where} ${e.message ?? ''}${extra}`,
			});
		})
		.filter((p): p is FileProblem => p !== undefined);
}
