import { strict as assert } from 'node:assert';
import { BUILTIN_SCHEMAS, COMMON_SCHEMA, META_SCHEMA } from '../../server/src/core/schema/builtin';
import configSchema from '../../schemas/disclosure-lint.config.schema.json';
import { findDates, parseDate } from '../../server/src/core/thai/dates';
import { parseDuration } from '../../server/src/core/thai/durations';
import { findEmails, findPhones, isValidEmail, isValidThaiPhone } from '../../server/src/core/thai/phones';
import { findNationalIds } from '../../server/src/core/thai/nationalId';
import { fromFullWidth, normalizeThai } from '../../server/src/core/thai/normalize';
import { parseThaiNumber } from '../../server/src/core/thai/numbers';
import { SOURCE_LABEL } from '../../server/src/core/body/items';
import { BLANK_VALUE, EXPLICIT_NONE, headingKey } from '../../server/src/core/body/text';
import { lintText } from '../../server/src/core/lint';
import { engineAt, FIXTURE_TODAY } from '../helpers/fixtures';
import { tmpDir } from '../helpers/tmp';

/**
 * The engine's own regular expressions and the built-in schemas' patterns run natively (on the
 * backtracking engine): each must stay fast on inputs made to make a backtracking engine slow.
 * One table: every subject × every adversarial input, each within BOUND_MS.
 */
const BOUND_MS = 200;
const SIZE = 50_000;
const fill = (unit: string, tail = ''): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE) + tail;

const INPUTS: Record<string, string> = {
	digits: fill('1'),
	'digits then x': fill('1', 'x'),
	'Thai digits': fill('๑'),
	'digits and spaces': fill('1 '),
	'digits and dots': fill('1.'),
	'digits and dashes': fill('1-'),
	'digits and slashes': fill('12/'),
	'spaces then x': fill(' ', 'x'),
	'no-break spaces': fill('\u00a0'),
	newlines: fill('\n'),
	'Thai letters': fill('ก'),
	'Thai words and spaces': fill('วันที่ '),
	dots: fill('.'),
	'dots then x': fill('.', 'x'),
	'พ.ศ. repeated': fill('พ.ศ.'),
	'พ.ศ. and spaces': fill('พ.ศ. '),
	'พ.ศ. 25 repeated': fill('พ.ศ. 25'),
	'day month repeated': fill('1 มกราคม '),
	'phone-like': fill('0 8 1 '),
	'phone dashes': fill('02-'),
	'email-like': fill('a.', '@'),
	'at signs': fill('a@'),
	'url-like': fill('https://a', '/'),
	'source labels': fill('ที่มา '),
	parentheses: fill('('),
	'section numbers': fill('มาตรา 7 ('),
	'letters then !': fill('a', '!'),
	'mixed Thai digits dots': fill('ก1 .'),
	'full-width digits': fill('１'),
	'flag letters': fill('u'),
	'distinct characters': Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join(''),
};

/** A schema pattern with the flags the engine compiles it with. */
interface SchemaRegex {
	where: string;
	re: RegExp;
}

/** Every JSON Schema `pattern` / `patternProperties` key and every x-disclosure pattern of a built-in schema. */
function schemaRegexes(): SchemaRegex[] {
	const out: SchemaRegex[] = [];
	const visit = (v: unknown, where: string, inX: boolean): void => {
		if (Array.isArray(v)) v.forEach((e, i) => visit(e, `${where}/${i}`, inX));
		else if (v && typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if (typeof o.pattern === 'string') {
				out.push({
					where: `${where}/pattern`,
					re: new RegExp(
						o.pattern,
						inX ? ((o.flags as string | undefined) ?? (where.includes('requiredLinks') ? 'iu' : 'u')) : 'u',
					),
				});
			}
			if (typeof o.headingPattern === 'string') {
				// As body/sections.ts compiles it.
				out.push({
					where: `${where}/headingPattern`,
					re: new RegExp(
						`^\\s*(?:\\d+[.)]\\s*)?(?:${o.headingPattern})`,
						(o.headingFlags as string | undefined) ?? 'u',
					),
				});
			}
			if (o.patternProperties && typeof o.patternProperties === 'object') {
				for (const k of Object.keys(o.patternProperties))
					out.push({ where: `${where}/patternProperties/${k}`, re: new RegExp(k, 'u') });
			}
			for (const [k, e] of Object.entries(o)) visit(e, `${where}/${k}`, inX || k === 'x-disclosure');
		}
	};
	for (const s of BUILTIN_SCHEMAS) visit(s.json, s.file, false);
	visit(COMMON_SCHEMA, 'schemas/common.schema.json', false);
	visit(META_SCHEMA, 'schemas/x-disclosure.meta.schema.json', false);
	visit(configSchema, 'schemas/disclosure-lint.config.schema.json', false);
	return out;
}

/** What to time: the engine's functions that run its own regular expressions, then each schema pattern. */
const SUBJECTS: [string, (s: string) => unknown][] = [
	['thai/dates findDates', findDates],
	['thai/dates parseDate', parseDate],
	['thai/durations parseDuration', (s) => parseDuration(s)],
	['thai/phones findPhones', findPhones],
	['thai/phones findEmails', findEmails],
	['thai/phones isValidEmail', isValidEmail],
	['thai/phones isValidThaiPhone', isValidThaiPhone],
	['thai/nationalId findNationalIds', findNationalIds],
	['thai/normalize fromFullWidth', fromFullWidth],
	['thai/normalize normalizeThai', normalizeThai],
	['thai/numbers parseThaiNumber', parseThaiNumber],
	['body/items SOURCE_LABEL', (s) => SOURCE_LABEL.test(s)],
	['body/text EXPLICIT_NONE', (s) => EXPLICIT_NONE.test(s)],
	['body/text BLANK_VALUE', (s) => BLANK_VALUE.test(s)],
	['body/text headingKey', headingKey],
	// (headingWords is left out: its time is Intl.Segmenter's, which is itself superlinear on very
	// long headings; that is a page budget's matter, not a regular expression's.)
	...schemaRegexes().map(({ where, re }): [string, (s: string) => unknown] => [`${where} ${re}`, (s) => re.test(s)]),
];

describe('built-in regular expressions on adversarial inputs', () => {
	it(`each of ${SUBJECTS.length} subjects × ${Object.keys(INPUTS).length} inputs (${SIZE / 1000} KB) within ${BOUND_MS} ms`, function () {
		this.timeout(600_000);
		const slow: string[] = [];
		for (const [name, f] of SUBJECTS) {
			for (const [label, input] of Object.entries(INPUTS)) {
				const t0 = performance.now();
				f(input);
				const ms = performance.now() - t0;
				if (ms > BOUND_MS) slow.push(`${name} on ${label}: ${Math.round(ms)} ms`);
			}
		}
		assert.deepEqual(slow, []);
	});

	it('a whole page whose body is each adversarial input is linted within 2 s (facts DATE_LABEL, rule patterns)', function () {
		this.timeout(600_000);
		const e = engineAt(tmpDir('dl-adversarial-'));
		const slow: string[] = [];
		for (const topic of ['news', 'official-info', 'agency-info', 'citizen-manual']) {
			const config = e.configFor('/x/page.md');
			for (const [label, input] of Object.entries(INPUTS)) {
				const page = `---\ntopic: ${topic}\ntitle: ${input.slice(0, 200).replace(/[\n:#]/g, ' ')}\n---\n\n# หัวข้อ\n\n## ${input.slice(0, 2000).replace(/\n/g, ' ')}\n\n${input}\n`;
				const t0 = performance.now();
				lintText('/x/page.md', page, {
					config,
					registry: e.registryFor(config),
					today: FIXTURE_TODAY,
					locale: 'en',
				});
				const ms = performance.now() - t0;
				if (ms > 2000) slow.push(`${topic} page of ${label}: ${Math.round(ms)} ms`);
			}
		}
		assert.deepEqual(slow, []);
	});
});
