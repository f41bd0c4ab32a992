import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ENGLISH_MONTHS, THAI_MONTHS, THAI_MONTHS_ABBR, THAI_WEEKDAYS } from '../../server/src/core/thai/dates';
import { toThaiDigits } from '../../server/src/core/thai/normalize';

/**
 * A grammar of disclosure pages for property tests: YAML front matter (a topic of the ten, Thai
 * dates in several styles, titles, some invalid values, some broken YAML) and a Markdown body
 * (headings named after the topics' sections, paragraphs, lists, numbered steps with durations,
 * tables with pipes, fenced code, links, images, suppression comments, Thai digits). The vocabulary
 * comes from the topic schemas in schemas/topics/, so a new section or alias is generated without
 * touching this file.
 */

const SCHEMAS = path.resolve(__dirname, '../../schemas/topics');

/** What the grammar reads from the topic schemas. */
interface Vocabulary {
	ids: string[];
	names: string[];
	headings: string[];
	durationHeaders: string[];
	totalLabels: string[];
	noneTexts: string[];
	keys: string[];
}

function vocabulary(): Vocabulary {
	const v: Vocabulary = {
		ids: [],
		names: [],
		headings: [],
		durationHeaders: [],
		totalLabels: [],
		noneTexts: [],
		keys: [],
	};
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const o = node as Record<string, unknown>;
		const heading = o.heading as { th?: string; en?: string } | undefined;
		if (heading?.th) {
			v.headings.push(heading.th);
			if (heading.en) v.headings.push(heading.en);
			for (const a of (o.aliases as string[] | undefined) ?? []) v.headings.push(a);
		}
		for (const h of (o.durationHeaders as string[] | undefined) ?? []) v.durationHeaders.push(h);
		for (const t of (o.totalLabels as string[] | undefined) ?? []) v.totalLabels.push(t);
		if (typeof o.noneText === 'string') v.noneTexts.push(o.noneText);
		for (const value of Object.values(o)) walk(value);
	};
	for (const f of fs
		.readdirSync(SCHEMAS)
		.filter((n) => n.endsWith('.schema.json'))
		.sort()) {
		const schema = JSON.parse(fs.readFileSync(path.join(SCHEMAS, f), 'utf8')) as {
			properties?: Record<string, unknown>;
			'x-disclosure': { id: string; name: { th: string } };
		};
		v.ids.push(schema['x-disclosure'].id);
		v.names.push(schema['x-disclosure'].name.th);
		v.keys.push(...Object.keys(schema.properties ?? {}));
		walk(schema['x-disclosure']);
	}
	const uniq = (a: string[]): string[] => [...new Set(a)].sort();
	return {
		ids: v.ids,
		names: v.names,
		headings: uniq(v.headings),
		durationHeaders: uniq(v.durationHeaders),
		totalLabels: uniq(v.totalLabels),
		noneTexts: uniq(v.noneTexts),
		keys: uniq(v.keys),
	};
}

/** The vocabulary of the bundled topic schemas. */
export const VOCABULARY = vocabulary();

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date as Thai pages write them: พ.ศ. with Thai digits, ISO, D/M/YYYY, two-digit years, and some that are wrong. */
export const date: fc.Arbitrary<string> = fc.oneof(
	{
		weight: 8,
		arbitrary: fc
			.record({
				day: fc.integer({ min: 1, max: 31 }),
				month: fc.integer({ min: 1, max: 12 }),
				// Mostly BE years around "today" (2569), some CE years, a few out of range.
				year: fc.oneof(
					{ weight: 6, arbitrary: fc.integer({ min: 2560, max: 2572 }) },
					{ weight: 2, arbitrary: fc.integer({ min: 2017, max: 2029 }) },
					{ weight: 1, arbitrary: fc.constantFrom(2301, 1899, 2484) },
				),
				style: fc.constantFrom(
					'iso',
					'long',
					'long-era',
					'medium',
					'thai-digits',
					'thai-digits-long',
					'numeric',
					'numeric-dash',
					'two-digit',
					'weekday',
					'misspelled',
					'english',
					'iso-time',
					'with-time',
				),
				weekday: fc.integer({ min: 0, max: 6 }),
			})
			.map(({ day, month, year, style, weekday }) => {
				switch (style) {
					case 'iso':
						return `${year}-${pad(month)}-${pad(day)}`;
					case 'iso-time':
						return `${year}-${pad(month)}-${pad(day)}T09:00:00+07:00`;
					case 'long':
						return `${day} ${THAI_MONTHS[month - 1]} ${year}`;
					case 'long-era':
						return `${day} ${THAI_MONTHS[month - 1]} พ.ศ. ${year}`;
					case 'medium':
						return `${day} ${THAI_MONTHS_ABBR[month - 1]} ${year}`;
					case 'thai-digits':
						return toThaiDigits(`${day} ${THAI_MONTHS_ABBR[month - 1]} ${year}`);
					case 'thai-digits-long':
						return toThaiDigits(`${day} ${THAI_MONTHS[month - 1]} พ.ศ. ${year}`);
					case 'numeric':
						return `${day}/${month}/${year}`;
					case 'numeric-dash':
						return `${pad(day)}-${pad(month)}-${year}`;
					case 'two-digit':
						return `${day} ${THAI_MONTHS_ABBR[month - 1]} ${year % 100}`;
					case 'weekday':
						return `${THAI_WEEKDAYS[weekday]}ที่ ${day} ${THAI_MONTHS[month - 1]} พ.ศ. ${year}`;
					case 'misspelled':
						return `${day} กรกฏาคม ${year}`;
					case 'english':
						return `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`;
					default:
						return `${day} ${THAI_MONTHS[month - 1]} ${year} เวลา 10.30 น.`;
				}
			}),
	},
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'เมื่อวานนี้',
			'31 เมษายน 2569',
			'2569-02-30',
			'9/25/13',
			'29 กุมภาพันธ์ 2566',
			'ค.ศ. 2567',
			'',
		),
	},
);

const THAI_WORDS = [
	'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร',
	'สำนักงานปลัดกระทรวงสาธารณสุข',
	'ประกาศ',
	'ประชุมเมื่อ',
	'เอกสารแนบ',
	'คู่มือ',
	'ข้อมูลข่าวสาร',
	'ผู้รับผิดชอบ',
	'ไม่มี',
	'ที่มา:',
	'วันที่',
	'ลงวันที่',
	'ฉบับ',
	'มาตรา 9',
	'ก.พ.ร.',
	'พ.ร.บ.',
	'ภายใน 7 วัน',
	'โทร. 0 2590 1234',
	'อีเมล info.ict@moph.go.th',
	'โทรสาร 0 2590 1235',
	'เวลา 08.30–16.30 น.',
	'100 บาท',
	'ไม่มีค่าธรรมเนียม',
	'เลขประจำตัวประชาชน',
	'1101700203450',
	'1-1017-00203-45-0',
	'๓ ๑๐๐๙ ๐๐๑๒๓ ๔๕ ๕',
	'1234567890123',
	'１１０１７００２０３４５０',
	'สายด่วน 1111',
	'ปีงบประมาณ พ.ศ. 2570',
	'ตุลาคม 2569',
	'การจัดซื้อจัดจ้าง',
	'ไม่มีการจัดซื้อจัดจ้าง',
	'ดาวน์โหลด',
	'ๆ',
	'—',
	'(1)',
	'๑.',
];

/** A link target: relative files and pages, anchors, http(s), mailto and tel, and malformed ones. */
const linkTarget = fc.constantFrom(
	'files/manual.pdf',
	'../files/form.docx',
	'files/no-such.pdf',
	'other.md',
	'other.md#ขั้นตอนการขอข้อมูล',
	'other.md#ไม่มี',
	'#ติดต่อ',
	'#ประวัติความเป็นมา',
	'#',
	'/about/',
	'empty/',
	'https://www.dga.or.th/document-sharing/standard/',
	'http://www.moph.go.th/',
	'https://forms.example.go.th/apply?id=3101500123459',
	'mailto:info.ict@moph.go.th',
	'mailto:info@@moph.go.th',
	'tel:0-2590-1234',
	'tel:12',
	'www.moph.go.th',
	'http://',
	'https://moph..go.th/',
	'manual.html',
	'files/manual.pdf?download=1',
	'<files/a b.pdf>',
);

/** Inline Markdown: Thai words, dates, numbers in both digit sets, links, code, emphasis. */
export const inline: fc.Arbitrary<string> = fc
	.array(
		fc.oneof(
			{ weight: 6, arbitrary: fc.constantFrom(...THAI_WORDS) },
			{ weight: 3, arbitrary: date },
			{
				weight: 2,
				arbitrary: fc
					.integer({ min: 0, max: 99999 })
					.chain((n) => fc.constantFrom(String(n), toThaiDigits(String(n)), n.toLocaleString('en'))),
			},
			{
				weight: 2,
				arbitrary: fc
					.tuple(fc.constantFrom('แบบฟอร์ม', 'ดาวน์โหลด', 'มาตรฐานเว็บไซต์ภาครัฐ', '', ' '), linkTarget)
					.map(([t, u]) => `[${t}](${u})`),
			},
			{
				weight: 1,
				arbitrary: fc
					.tuple(
						fc.constantFrom('', ' ', 'แผนผัง'),
						fc.constantFrom('images/map.png', 'no-such.png', 'http://x.go.th/a.png'),
					)
					.map(([a, s]) => `![${a}](${s})`),
			},
			{
				weight: 1,
				arbitrary: fc.constantFrom(
					'https://www.moph.go.th/',
					'<https://www.dga.or.th/>',
					'http://ict.moph.go.th/files/manual.pdf',
				),
			},
			{
				weight: 1,
				arbitrary: fc.constantFrom(
					'`1101700203450`',
					'`code`',
					'**หนา**',
					'*เอียง*',
					'~~ลบ~~',
					'[^1]',
					'\\|',
					'<br>',
					'&amp;',
					'**',
					'_',
					'[',
					']',
					'(',
					')',
				),
			},
		),
		{ minLength: 1, maxLength: 6 },
	)
	.map((parts) => parts.join(' '));

/** A duration as a step table cell holds it: readable, in Thai digits, ranges, and some that are not. */
export const duration = fc.constantFrom(
	'1 วันทำการ',
	'๒ วันทำการ',
	'30 นาที',
	'1 ชั่วโมง 30 นาที',
	'2 วัน',
	'1-2 วันทำการ',
	'ครึ่งวัน',
	'1 ชั่วโมงครึ่ง',
	'10 วันทำการ',
	'1 สัปดาห์',
	'1,500 นาที',
	'สิบวัน',
	'ภายใน 7 วัน',
	'-',
	'',
	'ไม่ระบุ',
	'3 วันๆ',
	'หลายวัน',
	'2 ครั้ง',
	'08.30 น.',
	'๑๕ วันทำการ',
	'1 เดือน',
);

/** A section heading from the topic schemas, numbered and decorated as pages write them. */
const headingText = fc
	.tuple(
		fc.constantFrom('', '๑. ', '(1) ', '1. ', '10. ', 'ส่วนที่ 2 '),
		fc.constantFrom(...VOCABULARY.headings, ...VOCABULARY.names, 'ติดต่อ', 'ขั้นตอนการขอข้อมูล', 'หัวข้ออื่น'),
		fc.constantFrom('', '', ' - ประวัติ', ' (ถ้ามี)', ' #', ':'),
	)
	.map(([n, h, d]) => `${n}${h}${d}`);

const suppression = fc
	.tuple(
		fc.constantFrom('disable-next-line', 'disable-line', 'disable', 'enable', 'disable-file'),
		fc.constantFrom('date-era', 'date-invalid', 'section-missing', 'no-such-rule', '', 'date-era date-invalid'),
		fc.constantFrom('', ' -- คัดลอกจากต้นฉบับ', ' --'),
	)
	.map(([kind, rules, reason]) => `<!-- disclosure-lint-${kind}${rules ? ` ${rules}` : ''}${reason} -->`);

const stepName = fc.constantFrom('การตรวจสอบเอกสาร', 'พิจารณาคำขอ', 'แจ้งผล', 'รับรองรายงานการประชุม', 'ขั้นตอนที่ไม่มีชื่อ');

/** A Markdown block. */
export const block: fc.Arbitrary<string> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc
			.tuple(fc.integer({ min: 1, max: 4 }), headingText)
			.map(([level, h]) => `${'#'.repeat(level)} ${h}`),
	},
	{ weight: 4, arbitrary: inline },
	{
		weight: 2,
		arbitrary: fc
			.array(
				fc.tuple(
					inline,
					fc.constantFrom('', ' — ที่มา: ราชกิจจานุเบกษา', ' (ที่มา: ศทส.)'),
					fc.option(date, { nil: undefined }),
					fc.constantFrom('- ', '* ', '  - ', '+ '),
				),
				{ minLength: 1, maxLength: 4 },
			)
			.map((items) =>
				items.map(([t, source, d, bullet]) => `${bullet}${t}${source}${d ? ` วันที่: ${d}` : ''}`).join('\n'),
			),
	},
	{
		weight: 2,
		arbitrary: fc
			.array(fc.tuple(stepName, duration), { minLength: 1, maxLength: 4 })
			.map((steps) => steps.map(([s, d], i) => `${i + 1}. ${s} ${d}`).join('\n')),
	},
	{
		weight: 3,
		arbitrary: fc
			.tuple(
				fc.constantFrom(...VOCABULARY.durationHeaders, 'หมายเหตุ'),
				fc.array(fc.tuple(stepName, duration, fc.boolean()), { minLength: 1, maxLength: 4 }),
				fc.boolean(),
			)
			.map(([header, rows, ragged]) =>
				[
					`| ลำดับ | ขั้นตอน | ${header} | ส่วนงานที่รับผิดชอบ |`,
					'|---|:---|---:|---|',
					...rows.map(
						([s, d, pipe], i) =>
							`| ${i + 1} | ${s}${pipe ? ' \\| ย่อย' : ''} | ${d} |${ragged && i === 0 ? '' : ' ศูนย์ข้อมูลข่าวสาร |'}`,
					),
				].join('\n'),
			),
	},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.constantFrom(...VOCABULARY.totalLabels, ''), duration)
			.map(([l, d]) => `${l}${l ? ' ' : ''}${d}`),
	},
	{ weight: 1, arbitrary: fc.constantFrom(...VOCABULARY.noneTexts, 'ไม่มี', '-') },
	{
		weight: 2,
		arbitrary: fc
			.tuple(
				fc.constantFrom('```', '~~~', '````'),
				fc.constantFrom('', 'yaml', 'html'),
				fc.array(fc.oneof(inline, suppression, fc.constant('---'), fc.constant('# ไม่ใช่หัวข้อ')), {
					maxLength: 3,
				}),
				fc.boolean(),
			)
			.map(([fence, lang, lines, closed]) =>
				[`${fence}${lang}`, ...lines, ...(closed ? [fence] : [])].join('\n'),
			),
	},
	{ weight: 1, arbitrary: inline.map((t) => `> ${t}`) },
	{
		weight: 1,
		arbitrary: fc.constantFrom(
			'<img src="images/map.png" alt="">',
			'<a href="http://www.moph.go.th/">ลิงก์</a>',
			'<div>\n\n**ใน div**\n\n</div>',
			'<a id="ติดต่อ"></a>',
			'<!-- ความเห็น -->',
			'***',
			'---',
			'   ',
			'[^1]: เชิงอรรถ',
			'[ref]: https://www.moph.go.th/',
		),
	},
	{ weight: 2, arbitrary: suppression },
);

const scalar = (value: fc.Arbitrary<string>): fc.Arbitrary<string> =>
	fc
		.tuple(value, fc.constantFrom('plain', 'plain', 'double', 'single'))
		.map(([v, q]) => (q === 'double' ? JSON.stringify(v) : q === 'single' ? `'${v.replace(/'/g, "''")}'` : v));

/** Sometimes a value, sometimes nothing: present with probability `weight` / (`weight` + `absent`). */
const sometimes = <T>(arb: fc.Arbitrary<T>, weight: number, absent: number): fc.Arbitrary<T | undefined> =>
	fc.oneof(
		{ withCrossShrink: true },
		{ weight: absent, arbitrary: fc.constant(undefined) },
		{ weight, arbitrary: arb },
	);

/** Front-matter lines other than the topic: each present or not, some with wrong values, some broken YAML. */
const FRONT_MATTER_KEYS: fc.Arbitrary<string | undefined>[] = [
	sometimes(
		scalar(fc.constantFrom('การขออนุญาตเผยแพร่ข้อมูลผ่านเว็บไซต์', 'ข่าวประชาสัมพันธ์', '  ', '')).map((v) => `title: ${v}`),
		4,
		1,
	),
	sometimes(fc.constant('agency: ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร'), 4, 1),
	sometimes(fc.constantFrom('responsible: กลุ่มงานพัฒนาระบบเว็บไซต์', 'responsible: [กลุ่มงานเว็บไซต์]'), 4, 1),
	sometimes(fc.constant('reviewer: หัวหน้ากลุ่มงานพัฒนาระบบเว็บไซต์'), 4, 1),
	sometimes(fc.constant('approver: ผู้อำนวยการศูนย์'), 1, 1),
	sometimes(
		scalar(date).map((v) => `published: ${v}`),
		4,
		1,
	),
	sometimes(
		scalar(date).map((v) => `updated: ${v}`),
		4,
		1,
	),
	sometimes(
		fc.constantFrom('fiscal_year: 2570', 'fiscal_year: 2568', 'fiscal_year: ๒๕๖๙', 'fiscal_year: "สองพันห้าร้อย"'),
		1,
		1,
	),
	sometimes(
		date.map((d) => `publish_request:\n  id: ขอเผยแพร่ 12/2570\n  date: ${d}`),
		1,
		1,
	),
	sometimes(fc.constantFrom('sections: [history, contact]', 'sections: [steps]', 'sections: []'), 1, 4),
	sometimes(
		fc.constantFrom(
			'downloads:\n  - href: files/manual.pdf\n    kind: manual',
			'downloads:\n  - href: http://x.go.th/a.pdf\n    kind: handbook',
		),
		1,
		3,
	),
	sometimes(fc.constantFrom('url: http://ict.moph.go.th/helpdesk/', 'url: https://ict.moph.go.th/'), 1, 3),
	sometimes(
		fc.constantFrom(
			'service_name: การขอข้อมูลข่าวสาร',
			'legal_deadline: 15 วันทำการ',
			'legal_deadline: 8 วันทำการ',
			'service_agency: ศูนย์ข้อมูลข่าวสาร',
		),
		1,
		2,
	),
	sometimes(
		fc.constantFrom(...VOCABULARY.keys).map((k) => `${k}: ค่า`),
		1,
		2,
	),
	sometimes(
		fc.constantFrom(
			'title: [ไม่ปิดวงเล็บ',
			'title: ซ้ำ',
			'a: &a [x, x]\nb: [*a, *a]',
			'\tid: แท็บ',
			'sources:\n  - url: https://www.moph.go.th/',
			': ไม่มีคีย์',
			'- รายการ',
		),
		1,
		6,
	),
];
const ORDER = FRONT_MATTER_KEYS.map((_, i) => i);

/** The lines of a front matter (between the `---` lines): a topic first (mostly) and the other keys in any order. */
const frontMatterLines: fc.Arbitrary<string[]> = fc
	.tuple(
		sometimes(
			scalar(
				fc.oneof(
					{ weight: 6, arbitrary: fc.constantFrom(...VOCABULARY.ids) },
					{ weight: 2, arbitrary: fc.constantFrom(...VOCABULARY.names) },
					{ weight: 1, arbitrary: fc.constantFrom('weblinks', 'ข้อมูลอะไรสักอย่าง', '12', '') },
				),
			),
			8,
			1,
		),
		fc.tuple(...FRONT_MATTER_KEYS),
		fc.shuffledSubarray(ORDER, { minLength: ORDER.length, maxLength: ORDER.length }),
	)
	.map(([topic, values, order]) => [
		...(topic === undefined ? [] : [`topic: ${topic}`]),
		...order
			.map((i) => values[i])
			.filter((l): l is string => l !== undefined)
			.flatMap((l) => l.split('\n')),
	]);

/** The top of a page: a front matter (mostly), none, one not at the top, or one never closed. */
const head: fc.Arbitrary<string> = fc
	.tuple(frontMatterLines, fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'none', 'late', 'unclosed', 'empty'))
	.map(([lines, shape]) => {
		switch (shape) {
			case 'none':
				return '';
			case 'late':
				return ['', '---', ...lines, '---'].join('\n');
			case 'unclosed':
				return ['---', ...lines].join('\n');
			case 'empty':
				return '---\n---';
			default:
				return ['---', ...lines, '---'].join('\n');
		}
	});

/** A whole page, with LF line ends mostly, CRLF or CR sometimes. */
export const page: fc.Arbitrary<string> = fc
	.tuple(
		head,
		fc.array(fc.tuple(block, fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n')), { maxLength: 14 }),
		fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\n', '\r\n', '\r'),
		fc.constantFrom('\n', '', '\n\n'),
	)
	.map(([top, blocks, eol, end]) => {
		const body = blocks.map(([b, sep]) => b + sep).join('');
		const text = (top ? `${top}\n\n` : '') + body.replace(/\s+$/, '') + end;
		return eol === '\n' ? text : text.replace(/\n/g, eol);
	});
