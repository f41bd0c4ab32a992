import type { ErrorObject } from 'ajv';
import localizeTh from 'ajv-i18n/localize/th';
import type { Rule, RuleContext, RuleReport } from './types';
import type { Fix, LocalizedText } from '../types';
import { instancePathSegments, pruneAjvErrors } from '../dataFile';
import { locate } from '../parse/frontMatter';
import { isPresent, resolveKeyPath } from '../schema/paths';
import { firstLine, keyLabel, keyPathOf, pathText, topicLineRange, valueRange } from '../body/ranges';

const TYPE_NAMES: Record<string, LocalizedText> = {
	string: { th: 'ข้อความ', en: 'text' },
	integer: { th: 'จำนวนเต็ม', en: 'a whole number' },
	number: { th: 'ตัวเลข', en: 'a number' },
	boolean: { th: 'ค่า true หรือ false', en: 'true or false' },
	array: { th: 'รายการ (list)', en: 'a list' },
	object: { th: 'ชุดคีย์ (mapping)', en: 'a mapping of keys' },
	null: { th: 'ค่าว่าง', en: 'null' },
};

type MessageIds =
	| 'required'
	| 'requiredNested'
	| 'recommended'
	| 'blank'
	| 'type'
	| 'enum'
	| 'unknownKey'
	| 'other'
	| 'notMapping'
	| 'topicName';

/** The rule's options: the level of a missing recommended or suggested key, per key. */
type Options = { recommended?: Record<string, 'warning' | 'info' | 'off'> };

/** The front matter breaks the topic schema; recommended keys give warnings. */
export const frontmatterSchema: Rule<MessageIds, Options> = {
	id: 'frontmatter-schema',
	tags: ['front-matter', 'schema'],
	defaultSeverity: 'error',
	fixable: true,
	scope: 'page',
	description: {
		th: 'ส่วนหัวของไฟล์ (front matter) ไม่เป็นไปตามข้อกำหนดของหัวข้อ',
		en: 'The front matter breaks the topic schema',
	},
	options: {
		type: 'object',
		additionalProperties: false,
		properties: {
			recommended: {
				description:
					'The level of a missing recommended or suggested key, per key: {"publish_request": "warning"}.',
				type: 'object',
				additionalProperties: { enum: ['warning', 'info', 'off'] },
			},
		},
	},
	messages: {
		required: {
			th: 'ส่วนหัวของไฟล์ (front matter) ขาดคีย์ {key} ({label}) ซึ่งหน้าหัวข้อ "{topic}" ต้องมี ให้เพิ่มบรรทัด {key}: พร้อมค่า',
			en: 'Missing required key {key} ({label}) for topic "{topic}"',
		},
		requiredNested: {
			th: '{parent} ขาดคีย์ {key} ({label}) ให้เพิ่มคีย์นี้ใต้ {parent}',
			en: '{parent} is missing the key {key} ({label})',
		},
		recommended: {
			th: 'ควรระบุ {key} ({label}) ในส่วนหัวของไฟล์ (front matter): {description}',
			en: 'Add {key} ({label}): {description}',
		},
		blank: {
			th: '{key} ({label}) ต้องไม่เว้นว่าง หากไม่มีข้อมูลให้เขียน "ไม่มี"',
			en: '{key} ({label}) must not be blank; write "ไม่มี" if there is nothing',
		},
		type: { th: '{key} ({label}) ต้องเป็น{expected}', en: '{key} ({label}) must be {expected}' },
		enum: { th: '{key} ({label}) ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {values}', en: '{key} ({label}) must be one of: {values}' },
		unknownKey: {
			th: 'ไม่รู้จักคีย์ {key} ในหน้าหัวข้อ "{topic}" ให้ตรวจการสะกด หรือลบคีย์นี้ออก',
			en: 'The key {key} is not in the schema of topic "{topic}"',
		},
		other: { th: 'ค่า {key} ไม่ถูกต้อง: {detail}', en: '{key} is not valid: {detail}' },
		notMapping: {
			th: 'ส่วนหัวของไฟล์ (front matter) ต้องเป็นชุดคีย์ (key: value) ไม่ใช่{expected}',
			en: 'The front matter must be a mapping of keys (key: value), not {expected}',
		},
		topicName: {
			th: 'ควรเขียน topic เป็นรหัสหัวข้อ "{id}" แทนชื่อ "{value}" เพื่อให้ทุกเครื่องมืออ่านได้ตรงกัน',
			en: 'Write the topic id "{id}" instead of the name "{value}" so every tool reads it the same way',
		},
	},
	check(ctx, report) {
		const fm = ctx.doc.frontMatter;
		if (!fm || !fm.yaml || fm.problems.length) return;
		if (fm.value !== null && fm.value !== undefined && (typeof fm.value !== 'object' || Array.isArray(fm.value))) {
			const [start, end] = firstLine(ctx.doc, [fm.contentStart, Math.max(fm.contentEnd, fm.contentStart + 1)]);
			report({
				messageId: 'notMapping',
				args: {
					expected:
						TYPE_NAMES[
							Array.isArray(fm.value) ? 'array' : typeof fm.value === 'string' ? 'string' : 'number'
						] ?? TYPE_NAMES.string,
				},
				start,
				end,
			});
			return;
		}
		if (!ctx.topic || !ctx.data) return;
		const validate = ctx.topic.validator();
		if (typeof validate !== 'function') return; // topic-unknown reports a broken schema
		// A topic assigned by a config glob stands in for the `topic` key the schema requires.
		const data = ctx.topicResolution.source === 'config' ? { topic: ctx.topic.id, ...ctx.data } : ctx.data;
		const schemaReports = validate(data) ? [] : mapErrors(ctx, validate.errors ?? []);
		for (const r of schemaReports) report(r);
		// A key written with no value is the schema's `blank` finding already: one gap, one finding.
		const blank = new Set(schemaReports.filter((r) => r.messageId === 'blank').map((r) => r.args?.key));
		const x = ctx.facts.disclosure();
		// Keys a page of this kind must carry (an item's service name): reported as the schema's own required keys.
		for (const key of x?.requiredKeys ?? []) {
			const hits = resolveKeyPath(ctx.data, key);
			if (hits.some((h) => isPresent(h.value)) || blank.has(key)) continue;
			const [start, end] = topicLineRange(ctx.doc);
			report({
				messageId: 'required',
				args: { key, label: keyLabel(ctx.topic, key), topic: ctx.topic.x.name },
				start,
				end,
				fix: hits.length ? undefined : missingKeyFix(ctx, key),
				data: { key, kind: 'required' },
			});
		}
		// Recommended keys warn; keys few real pages carry are info; the `recommended` option sets either per key.
		// The configuration checked the option against the rule's options schema.
		const levels = ctx.options.recommended ?? {};
		const wanted: [string, 'warning' | 'info'][] = [
			...(x?.recommended ?? []).map((k) => [k, 'warning'] as [string, 'warning']),
			...(x?.suggested ?? []).map((k) => [k, 'info'] as [string, 'info']),
		];
		const listed = new Set(wanted.map(([k]) => k));
		for (const [key, fallback] of wanted) {
			const level = levels[key] ?? fallback;
			if (level === 'off') continue;
			const hits = resolveKeyPath(ctx.data, key);
			if (hits.some((h) => isPresent(h.value)) || blank.has(key)) continue;
			if (
				key.includes('.') &&
				resolveKeyPath(ctx.data, key.split('.')[0]).length === 0 &&
				listed.has(key.split('.')[0])
			)
				continue;
			const [start, end] = topicLineRange(ctx.doc);
			const info = ctx.topic.keys.get(key);
			report({
				messageId: 'recommended',
				severity: level,
				args: { key, label: keyLabel(ctx.topic, key), description: withoutRecommended(info?.description) },
				start,
				end,
				data: { key, kind: 'recommended' },
			});
		}
		const res = ctx.topicResolution;
		if (res.source === 'front-matter' && (res.by === 'name' || res.by === 'alias')) {
			const r = locate(fm, ['topic'])?.value;
			if (r) {
				report({
					messageId: 'topicName',
					severity: 'info',
					args: { id: ctx.topic.id, value: String(res.value) },
					start: r[0],
					end: r[1],
					fix: { range: r, text: ctx.topic.id, safe: true },
					data: { topicId: ctx.topic.id },
				});
			}
		}
	},
};

/** Map ajv errors to reports on the exact key or value. */
function mapErrors(ctx: RuleContext<Options>, errors: ErrorObject[]): RuleReport<MessageIds>[] {
	errors = pruneAjvErrors(errors);
	const th = errors.map((e) => ({ ...e }));
	localizeTh(th);
	const seen = new Set<string>();
	const out: RuleReport<MessageIds>[] = [];
	const topic = ctx.topic!.x.name;
	errors.forEach((e, i) => {
		if (e.keyword === 'format' && (e.params as { format?: string }).format === 'disclosure-date') return;
		const path = instancePathSegments(e.instancePath);
		const dedupe = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
		if (seen.has(dedupe)) return;
		seen.add(dedupe);
		const key = pathText(path) || 'front matter';
		const label = keyLabel(ctx.topic, keyPathOf(path));
		if (e.keyword === 'required') {
			const missing = (e.params as { missingProperty: string }).missingProperty;
			const full = [...path, missing];
			const fullLabel = keyLabel(ctx.topic, keyPathOf(full));
			if (path.length === 0) {
				const [start, end] = topicLineRange(ctx.doc);
				out.push({
					messageId: 'required',
					args: { key: missing, label: fullLabel, topic },
					start,
					end,
					fix: missingKeyFix(ctx, missing),
					data: { key: missing, kind: 'required' },
				});
			} else {
				const [start, end] = valueRange(ctx.doc, path);
				out.push({
					messageId: 'requiredNested',
					args: { parent: key, key: missing, label: fullLabel },
					start,
					end,
					data: { key: pathText(full), kind: 'required' },
				});
			}
			return;
		}
		if (e.keyword === 'additionalProperties') {
			const prop = (e.params as { additionalProperty: string }).additionalProperty;
			const r = locate(ctx.doc.frontMatter!, [...path, prop])?.key ?? topicLineRange(ctx.doc);
			out.push({
				messageId: 'unknownKey',
				args: { key: pathText([...path, prop]), topic },
				start: r[0],
				end: r[1],
			});
			return;
		}
		const [start, end] = valueRange(ctx.doc, path);
		const value = resolveValue(ctx.data, path);
		if (
			(e.keyword === 'minLength' || e.keyword === 'pattern') &&
			typeof value === 'string' &&
			value.trim() === ''
		) {
			out.push({ messageId: 'blank', args: { key, label }, start, end });
		} else if (e.keyword === 'type') {
			const t = String((e.params as { type: string | string[] }).type).split(',');
			const expected = {
				th: t.map((x) => TYPE_NAMES[x]?.th ?? x).join(' หรือ '),
				en: t.map((x) => TYPE_NAMES[x]?.en ?? x).join(' or '),
			};
			if (value === null || value === undefined)
				out.push({ messageId: 'blank', args: { key, label }, start, end });
			else out.push({ messageId: 'type', args: { key, label, expected }, start, end });
		} else if (e.keyword === 'enum' || e.keyword === 'const') {
			const values =
				e.keyword === 'enum'
					? (e.params as { allowedValues: unknown[] }).allowedValues
					: [(e.params as { allowedValue: unknown }).allowedValue];
			out.push({
				messageId: 'enum',
				args: { key, label, values: values.map(String).join(', ') },
				start,
				end,
				data: { key: pathText(path), values },
			});
		} else {
			out.push({
				messageId: 'other',
				args: { key, detail: { th: th[i].message ?? '', en: e.message ?? '' } },
				start,
				end,
			});
		}
	});
	return out;
}

function resolveValue(data: unknown, path: (string | number)[]): unknown {
	let v: unknown = data;
	for (const seg of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, unknown>)[seg];
	}
	return v;
}

/** A line to fill in, at the end of the front matter: nothing is lost, and the blank stays reported. */
/**
 * Insert the missing key with no value, for the editor to fill in: a quick fix, not a safe one, since a
 * blank key is still missing (only a person can write its value), so `--fix` leaves it. Only a key the
 * front matter does not have at all: a key there but blank gets no fix, as inserting it again would
 * duplicate it. A nested key (`publish_request.date`) is not inserted at the top level.
 */
function missingKeyFix(ctx: RuleContext<Options>, key: string): Fix | undefined {
	const fm = ctx.doc.frontMatter;
	if (!fm?.closed || key.includes('.') || key.includes('[')) return undefined;
	const eol = ctx.doc.lines.eol;
	const lead =
		ctx.doc.text.slice(fm.contentStart, fm.contentEnd).endsWith('\n') || fm.contentEnd === fm.contentStart
			? ''
			: eol;
	return { range: [fm.contentEnd, fm.contentEnd], text: `${lead}${key}:${eol}`, safe: false };
}

/** A key's description for the "recommended" message, which already says so: "(แนะนำให้ระบุ)" dropped. */
function withoutRecommended(d: LocalizedText | undefined): LocalizedText {
	const cut = (s: string): string =>
		s.replace(/\s*\((?:แนะนำให้ระบุ|แนะนำ|recommended)\)\s*(?=\.?$)/iu, '').replace(/\s+$/, '');
	return { th: cut(d?.th ?? ''), en: cut(d?.en ?? '') };
}
