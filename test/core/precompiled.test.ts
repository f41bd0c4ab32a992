import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../../server/src/core/schema/ajv';
import { BUILTIN_SCHEMAS, COMMON_SCHEMA, META_SCHEMA } from '../../server/src/core/schema/builtin';
import { readFrontMatter, parseYaml } from '../../server/src/core/parse/frontMatter';
import { markdownFiles } from '../helpers/fixtures';
import configSchema from '../../schemas/disclosure-lint.config.schema.json';

/**
 * The bundles validate with validators ajv compiled at build time (scripts/gen-validators.mjs, loaded by
 * src/core/schema/precompiled.ts); the sources compile the same schemas at run time. Both must give the
 * same errors on the same data, or a page would get other findings from the CLI than from the tests.
 */
const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/validators');

function built(name: string): ValidateFunction {
	const file = path.join(DIST, `${name}.js`);
	assert.ok(fs.existsSync(file), `${path.relative(ROOT, file)} is missing: run npm run build (npm test does)`);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- a built file, found at run time
	return require(file) as ValidateFunction;
}

function errorsOf(v: ValidateFunction, data: unknown): Partial<ErrorObject>[] | null {
	if (v(structuredClone(data))) return null;
	return (v.errors ?? []).map((e) => ({
		instancePath: e.instancePath,
		schemaPath: e.schemaPath,
		keyword: e.keyword,
		params: e.params,
		message: e.message,
	}));
}

/** The front matter of every page the tests and the examples have, plus values built to fail each kind of keyword. */
function samples(): unknown[] {
	const pages = [...markdownFiles(path.join(ROOT, 'test/fixtures')), ...markdownFiles(path.join(ROOT, 'examples'))];
	const values = pages
		.map((f) => readFrontMatter(fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))?.value)
		.filter((v) => v && typeof v === 'object');
	assert.ok(values.length > 100, `only ${values.length} front matters found`);
	return [
		...values,
		{},
		{
			topic: 42,
			title: ['x'],
			date: 'not a date',
			sources: 'x',
			downloads: [{ url: 5 }],
			fiscal_year: 'สองห้าหกเจ็ด',
		},
		{
			topic: 'news',
			title: '',
			news_kind: 'unknown-kind',
			date: '2569-13-45',
			publish_request: { id: 1, date: null },
		},
		{ topic: 'e-service', title: 'x', url: 'not a uri', channel: 7, extra: { deep: [1, 2, { a: null }] } },
		{ topic: 'web-stats', title: 'x', fiscal_year: -1, visitors: 'many', satisfaction: { percent: 'ร้อยละ 101' } },
	];
}

describe('precompiled validators (dist/validators) agree with run-time compiled ones', () => {
	const data = samples();
	const ajv = createAjv();
	ajv.addSchema(COMMON_SCHEMA);

	for (const src of BUILTIN_SCHEMAS) {
		const json = src.json as { $id: string; 'x-disclosure': { id: string } };
		const id = json['x-disclosure'].id;
		it(`topic ${id}: the same errors on every sample`, () => {
			const runtime = ajv.getSchema(json.$id) ?? ajv.compile(json);
			const precompiled = built(id);
			let failing = 0;
			for (const d of data) {
				const want = errorsOf(runtime, d);
				if (want) failing++;
				assert.deepEqual(errorsOf(precompiled, d), want, JSON.stringify(d).slice(0, 200));
			}
			assert.ok(
				failing > 5,
				`only ${failing} samples fail topic ${id}: the comparison would not see a difference in errors`,
			);
		});
	}

	it('the configuration schema: the same errors on every configuration file of the tests and on broken ones', () => {
		const files = [...markdownFiles(path.join(ROOT, 'test/fixtures')).map((f) => path.dirname(f))]
			.flatMap((d) =>
				['.disclosurelintrc.json', '.disclosurelintrc.yaml', '.disclosurelintrc.yml'].map((n) =>
					path.join(d, n),
				),
			)
			.filter((f, i, all) => all.indexOf(f) === i && fs.existsSync(f));
		assert.ok(files.length >= 5, `only ${files.length} configuration files found`);
		const configs = [
			...files.map((f) => parseYaml(fs.readFileSync(f, 'utf8')).value),
			{ rules: { 'content-stale': ['warning', { maxAgeDay: 99999 }] } },
			{ rules: { 'content-stale': ['warning', { maxAgeDays: '99999' }], 'no-such-rule': 'error' } },
			{ locale: 'fr', links: { mode: 'sometimes', exclude: [1] }, workdayMinutes: -5, ignores: 'x' },
		];
		const runtime = createAjv().compile(configSchema);
		const precompiled = built('config');
		for (const c of configs) assert.deepEqual(errorsOf(precompiled, c), errorsOf(runtime, c), JSON.stringify(c));
		assert.notEqual(errorsOf(precompiled, configs.at(-1)), null);
	});

	it('the x-disclosure meta-schema: every bundled topic passes, and broken ones fail alike', () => {
		const runtime = ajv.compile(META_SCHEMA);
		const precompiled = built('meta');
		for (const src of BUILTIN_SCHEMAS) assert.equal(errorsOf(precompiled, src.json), null, src.file);
		const news = BUILTIN_SCHEMAS.find((s) => s.file.endsWith('news.schema.json'))!.json as Record<string, unknown>;
		const broken = [
			{ ...news, 'x-disclosure': { id: 'x' } },
			{ ...news, 'x-disclosure': { ...(news['x-disclosure'] as object), sections: [{ key: 1, headings: 'x' }] } },
			{ type: 'object' },
		];
		for (const b of broken) {
			const want = errorsOf(runtime, b);
			assert.notEqual(want, null);
			assert.deepEqual(errorsOf(precompiled, b), want);
		}
	});
});
