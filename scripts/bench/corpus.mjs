// Deterministic generator of a realistic corpus of Thai government disclosure pages
// (Markdown + YAML front matter) for the benchmark. Same (pages, seed) → same bytes.
//
//   import { generateCorpus } from './scripts/bench/corpus.mjs';
//   generateCorpus('.bench/corpus', { pages: 2000, seed: 42 }); // → { files, bytes, ... }
//
// or from the command line: node scripts/bench/corpus.mjs <dir> [--pages N] [--seed S]

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import * as V from './vocab.mjs';

/** Bump when the output changes in a way the stamp cannot see (the bench also hashes the sources). */
export const CORPUS_VERSION = 2;
/** The date the corpus is written "as of": the bench runs disclosure-lint with --today set to it. */
export const CORPUS_TODAY = '2026-11-27';
export const SCHEMA_PATH = fileURLToPath(new URL('./frontmatter.schema.json', import.meta.url));

const TODAY_MS = Date.parse(`${CORPUS_TODAY}T00:00:00Z`);
const DAY_MS = 86400000;
const MIN_BODY = 2048;
const MAX_BODY = 12288;
/** One page in fifty is a long one (a full manual): 20–24 KB of body, the size of the bench's one-page row. */
const LONG_EVERY = 50;
const LONG_MIN_BODY = 20480;
const LONG_MAX_BODY = 24576;

// ---------------------------------------------------------------------------------------------
// PRNG

export function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Rng {
	constructor(seed) {
		this.next = mulberry32(seed);
	}
	float() {
		return this.next();
	}
	int(lo, hi) {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}
	chance(p) {
		return this.next() < p;
	}
	pick(arr) {
		return arr[Math.floor(this.next() * arr.length)];
	}
	pickN(arr, n) {
		const copy = arr.slice();
		const out = [];
		while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
		return out;
	}
	weighted(weights) {
		const entries = Object.entries(weights);
		let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
		for (const [k, w] of entries) {
			r -= w;
			if (r < 0) return k;
		}
		return entries[entries.length - 1][0];
	}
}

function mixSeed(seed, i) {
	let h = (seed ^ 0x9e3779b9) >>> 0;
	h = Math.imul(h ^ (i + 0x7f4a7c15), 0x85ebca6b) >>> 0;
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
	return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Thai text helpers

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thai = (s) => String(s).replace(/[0-9]/g, (d) => THAI_DIGITS[d]);
const maybeThai = (rng, s, p = 0.12) => (rng.chance(p) ? thai(s) : String(s));
const fmtNum = (n) => n.toLocaleString('en-US');
const fmtMoney = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A calendar date `daysBefore` days before the corpus "today". */
function dateBefore(daysBefore) {
	const d = new Date(TODAY_MS - daysBefore * DAY_MS);
	return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: d.getUTCDay(), days: daysBefore };
}
const pad2 = (n) => String(n).padStart(2, '0');

function fmtDate(dt, style) {
	const be = dt.y + 543;
	switch (style) {
		case 'iso':
			return `${be}-${pad2(dt.m)}-${pad2(dt.d)}`;
		case 'long':
			return `${dt.d} ${V.MONTHS[dt.m - 1]} ${be}`;
		case 'long-era':
			return `${dt.d} ${V.MONTHS[dt.m - 1]} พ.ศ. ${be}`;
		case 'abbr':
			return `${dt.d} ${V.MONTHS_ABBR[dt.m - 1]} ${be}`;
		case 'abbr-thai':
			return thai(`${dt.d} ${V.MONTHS_ABBR[dt.m - 1]} ${be}`);
		case 'full-thai':
			return `วันที่ ${thai(dt.d)} ${V.MONTHS[dt.m - 1]} พ.ศ. ${thai(be)}`;
		case 'weekday':
			return `${V.WEEKDAYS[dt.wd]}ที่ ${dt.d} ${V.MONTHS[dt.m - 1]} พ.ศ. ${be}`;
		case 'numeric':
			return `${dt.d}/${dt.m}/${be}`;
		default:
			throw new Error(`unknown date style ${style}`);
	}
}
const FM_DATE_STYLES = {
	iso: 0.45,
	long: 0.22,
	abbr: 0.1,
	'abbr-thai': 0.1,
	'full-thai': 0.05,
	weekday: 0.04,
	'long-era': 0.04,
};
const BODY_DATE_STYLES = {
	long: 0.4,
	abbr: 0.2,
	'abbr-thai': 0.1,
	'full-thai': 0.1,
	'long-era': 0.1,
	weekday: 0.05,
	numeric: 0.05,
};
const fmDate = (rng, dt) => fmtDate(dt, rng.weighted(FM_DATE_STYLES));
const bodyDate = (rng, dt) => fmtDate(dt, rng.weighted(BODY_DATE_STYLES));
const fiscalYearOf = (dt) => dt.y + 543 + (dt.m >= 10 ? 1 : 0);
const CURRENT_FY = fiscalYearOf(dateBefore(0)); // 2570

function timeTh(rng) {
	const h = rng.int(8, 16);
	const m = rng.pick(['00', '00', '30', '15', '45']);
	return rng.chance(0.5) ? `${pad2(h)}.${m} น.` : `${h}:${m} น.`;
}

function person(rng) {
	return rng.chance(0.5)
		? `${rng.pick(V.TITLES_M)}${rng.pick(V.FIRST_NAMES_M)} ${rng.pick(V.SURNAMES)}`
		: `${rng.pick(V.TITLES_F)}${rng.pick(V.FIRST_NAMES_F)} ${rng.pick(V.SURNAMES)}`;
}

function phone(rng, area) {
	const digits = (n) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
	let s;
	if (area === '02') {
		const a = digits(3);
		const b = digits(4);
		s = rng.chance(0.5) ? `02-${a}-${b}` : `0 2${a} ${b}`;
	} else {
		const a = digits(3);
		const b = digits(3);
		s = rng.pick([
			`${area}-${a}-${b}`,
			`0 ${area.slice(1)}${a.slice(0, 2)} ${a.slice(2)}${b}`,
			`${area} ${a} ${b}`,
		]);
	}
	return maybeThai(rng, s, 0.1);
}

function nationalId(rng) {
	const d = [rng.int(1, 8), ...Array.from({ length: 11 }, () => rng.int(0, 9))];
	const sum = d.reduce((s, x, i) => s + x * (13 - i), 0);
	d.push((11 - (sum % 11)) % 10);
	const s = d.join('');
	return `${s[0]}-${s.slice(1, 5)}-${s.slice(5, 10)}-${s.slice(10, 12)}-${s[12]}`;
}

function sentence(rng) {
	if (rng.chance(0.18)) return rng.pick(V.S_FIXED);
	let obj = rng.pick(V.S_OBJ);
	if (rng.chance(0.05)) obj = `**${obj}**`;
	const parts = [];
	if (rng.chance(0.3)) parts.push(rng.pick(V.S_CONN));
	const subj = rng.pick(V.S_SUBJ);
	parts.push(`${subj}${subj.endsWith(')') ? ' ' : ''}${rng.pick(V.S_VERB)}${obj}`);
	const mods = rng.pickN(V.S_MOD, rng.chance(0.35) ? 2 : 1);
	parts.push(...mods);
	let s = parts.join(' ');
	if (rng.chance(0.08)) s += ` ในปีงบประมาณ พ.ศ. ${maybeThai(rng, CURRENT_FY - rng.int(0, 1))}`;
	return s;
}
/** A list item: a verb phrase without a subject. */
function phrase(rng) {
	return `${rng.pick(V.S_VERB)}${rng.pick(V.S_OBJ)} ${rng.pick(V.S_MOD)}`;
}
function paragraph(rng, min = 1, max = 4) {
	const n = rng.int(min, max);
	const s = [];
	for (let i = 0; i < n; i++) s.push(sentence(rng));
	let text = s.join(' ');
	if (rng.chance(0.04)) text += ` (ดูรายละเอียดในระบบ \`e-GP\` หรือแบบ \`สขร. 1\`)`;
	return text;
}

// ---------------------------------------------------------------------------------------------
// Blocks

const H = (level, text) => ({ t: 'h', level, text });
const P = (text) => ({ t: 'p', text });
const UL = (items) => ({ t: 'ul', items });
const OL = (items) => ({ t: 'ol', items });
const TABLE = (head, rows) => ({ t: 'table', head, rows });
const RAW = (text) => ({ t: 'raw', text });
const TOC = () => ({ t: 'toc' });

function renderList(items, ordered, indent = '') {
	return items
		.map((it, i) => {
			const marker = ordered ? `${i + 1}. ` : '- ';
			const text = typeof it === 'string' ? it : it.text;
			let out = `${indent}${marker}${text}`;
			if (typeof it !== 'string' && it.children?.length) {
				out += '\n' + renderList(it.children, false, indent + ' '.repeat(marker.length));
			}
			return out;
		})
		.join('\n');
}

function renderBlock(b, toc) {
	switch (b.t) {
		case 'h':
			return `${'#'.repeat(b.level)} ${b.text}`;
		case 'p':
		case 'raw':
			return b.text;
		case 'ul':
			return renderList(b.items, false);
		case 'ol':
			return renderList(b.items, true);
		case 'table': {
			const row = (cells) => `| ${cells.join(' | ')} |`;
			return [row(b.head), row(b.head.map(() => '---')), ...b.rows.map(row)].join('\n');
		}
		case 'toc':
			return toc ? `**สารบัญ**\n\n${renderList(toc, false)}` : '';
		default:
			throw new Error(`unknown block ${b.t}`);
	}
}

function renderSection(sec) {
	return sec.blocks.map((b) => renderBlock(b)).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Assets referenced by the pages (so relative links and downloads resolve)

const IMG_KINDS = { structure: 4, exec: 12, map: 3, infographic: 10, photo: 12, flow: 5, banner: 3 };
const DOC_FILES = [
	...Array.from({ length: 10 }, (_, i) => `manual-${i + 1}.pdf`),
	...Array.from({ length: 8 }, (_, i) => `form-${i + 1}.docx`),
	...Array.from({ length: 4 }, (_, i) => `form-${i + 9}.pdf`),
	...Array.from({ length: 6 }, (_, i) => `report-${i + 1}.pdf`),
	...Array.from({ length: 4 }, (_, i) => `plan-${i + 1}.xlsx`),
];
// 1×1 transparent PNG.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

function writeAssets(dir) {
	let bytes = 0;
	fs.mkdirSync(path.join(dir, 'assets/img'), { recursive: true });
	fs.mkdirSync(path.join(dir, 'assets/docs'), { recursive: true });
	for (const [kind, n] of Object.entries(IMG_KINDS)) {
		for (let i = 1; i <= n; i++) {
			fs.writeFileSync(path.join(dir, 'assets/img', `${kind}-${i}.png`), PNG);
			bytes += PNG.length;
		}
	}
	for (const f of DOC_FILES) {
		fs.writeFileSync(path.join(dir, 'assets/docs', f), PDF);
		bytes += PDF.length;
	}
	return bytes;
}

// ---------------------------------------------------------------------------------------------
// YAML front matter

function yamlStr(rng, s) {
	s = String(s);
	const needs =
		s === '' ||
		/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(s) ||
		/: |\s#|:$|\s$/.test(s) ||
		/^(true|false|null|yes|no|on|off|~)$/i.test(s) ||
		/^[-+]?[\d.,]+$/.test(s);
	if (needs || rng.chance(0.15)) return JSON.stringify(s);
	return s;
}

function emitYaml(rng, obj) {
	const lines = [];
	for (const [k, v] of Object.entries(obj)) {
		if (v === undefined) continue;
		if (Array.isArray(v)) {
			if (v.length && typeof v[0] === 'object') {
				lines.push(`${k}:`);
				for (const item of v) {
					let first = true;
					for (const [ik, iv] of Object.entries(item)) {
						if (iv === undefined) continue;
						lines.push(
							`${first ? '  - ' : '    '}${ik}: ${typeof iv === 'string' ? yamlStr(rng, iv) : iv}`,
						);
						first = false;
					}
				}
			} else if (v.every((x) => /^[a-z0-9-]+$/.test(String(x))) && rng.chance(0.6)) {
				lines.push(`${k}: [${v.join(', ')}]`);
			} else {
				lines.push(`${k}:`);
				for (const item of v) lines.push(`  - ${yamlStr(rng, item)}`);
			}
		} else if (v && typeof v === 'object') {
			lines.push(`${k}:`);
			for (const [ik, iv] of Object.entries(v))
				lines.push(`  ${ik}: ${typeof iv === 'string' ? yamlStr(rng, iv) : iv}`);
		} else if (typeof v === 'string') {
			lines.push(`${k}: ${yamlStr(rng, v)}`);
		} else {
			lines.push(`${k}: ${v}`);
		}
	}
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Durations (steps tables)

function durations(rng, n, cls) {
	const out = [];
	for (let i = 0; i < n; i++) {
		let text;
		let value;
		if (cls === 'min') {
			value = rng.pick([5, 10, 10, 15, 15, 20, 30, 30, 45, 60, 90, 120]);
			if (value < 60) text = `${value} นาที`;
			else if (value === 60) text = rng.pick(['1 ชั่วโมง', '1 ชม.', '60 นาที']);
			else if (value === 90) text = rng.pick(['1 ชั่วโมง 30 นาที', '1 ชั่วโมงครึ่ง', '90 นาที']);
			else text = rng.pick(['2 ชั่วโมง', '120 นาที']);
		} else if (cls === 'wd') {
			value = rng.int(1, 7);
			if (value > 1 && rng.chance(0.15)) text = `${value - 1}-${value} วันทำการ`;
			else text = `${value} ${rng.chance(0.85) ? 'วันทำการ' : 'วันราชการ'}`;
		} else {
			value = rng.pick([1, 2, 3, 5, 7, 15]);
			text = `${value} วัน`;
		}
		out.push({ text: maybeThai(rng, text, 0.1), value });
	}
	return out;
}
function totalText(cls, sum) {
	if (cls === 'min')
		return sum >= 60 && sum % 60 !== 0 && sum < 600
			? `${Math.floor(sum / 60)} ชั่วโมง ${sum % 60} นาที`
			: `${sum} นาที`;
	if (cls === 'wd') return `${sum} วันทำการ`;
	return `${sum} วัน`;
}

// ---------------------------------------------------------------------------------------------
// Planning: every page's path, topic, title and deliberate defect is fixed before any is written,
// so pages can link to each other (and to each other's headings).

const COMMON_DEFECTS = [
	'no-reviewer',
	'blank-title',
	'no-approver',
	'date-order',
	'stale',
	'invalid-date',
	'image-no-alt',
	'broken-link',
	'bad-anchor',
	'pii',
	'future-date',
	'date-era',
];
const TOPIC_DEFECTS = {
	'sop-manual': ['step-no-duration', 'bad-duration', 'total-mismatch', 'no-download'],
	'citizen-manual': [
		'step-no-duration',
		'bad-duration',
		'total-mismatch',
		'missing-section',
		'deadline-exceeded',
		'empty-section',
	],
	'agency-info': ['contact-no-fax', 'missing-section'],
	'web-links': ['no-gws'],
	'e-service': ['insecure'],
	law: ['law-no-source'],
	knowledge: ['knowledge-no-date'],
	news: ['news-no-date'],
	'official-info': ['empty-section'],
	'web-stats': ['missing-section'],
};
const DEFECT_RATE = 0.1;

const NEWS_KINDS = {
	news: 0.38,
	photo: 0.2,
	alert: 0.05,
	job: 0.07,
	'procurement-notice': 0.1,
	'procurement-result': 0.08,
	'procurement-plan': 0.03,
	'procurement-monthly': 0.06,
	'procurement-annual': 0.03,
};

function planCorpus(pages, seed) {
	const rng = new Rng(seed);
	const counts = {};
	const plan = [];
	for (let i = 0; i < pages; i++) {
		const topic = i < V.TOPICS.length ? V.TOPICS[i] : rng.weighted(V.TOPIC_WEIGHTS);
		const n = (counts[topic] = (counts[topic] ?? 0) + 1);
		const sub = rng.chance(0.3) ? rng.pick(V.SUBFOLDERS[topic]) : null;
		const file = `${topic}/${sub ? `${sub}/` : ''}${n}.md`;
		const agency = rng.pick(V.AGENCIES);
		const p = { i, topic, file, agency, extra: {} };
		switch (topic) {
			case 'agency-info': {
				p.split = rng.chance(0.3);
				p.title = p.split ? `ข้อมูลหน่วยงาน (ส่วนที่ ${rng.int(1, 4)}) ${agency.name}` : `ข้อมูลหน่วยงาน ${agency.name}`;
				break;
			}
			case 'law':
				p.title = rng.pick([
					`กฎหมายที่เกี่ยวข้องกับการปฏิบัติงานของ${agency.name}`,
					'กฎหมาย ระเบียบ ข้อบังคับที่เกี่ยวข้อง',
					`กฎหมายที่เกี่ยวข้อง ปี ${CURRENT_FY}`,
				]);
				break;
			case 'knowledge': {
				p.extra.item = rng.pick(V.KNOWLEDGE_ITEMS);
				p.extra.kind = p.extra.item.startsWith('สถิติ')
					? 'statistics'
					: rng.pick(['infographic', 'article', 'multimedia', 'research', 'article']);
				const prefix = {
					infographic: 'อินโฟกราฟิก: ',
					multimedia: 'วิดีโอความรู้: ',
					research: 'งานวิจัย: ',
					article: 'บทความ: ',
					statistics: '',
				}[p.extra.kind];
				p.title = `${prefix}${p.extra.item}`;
				break;
			}
			case 'web-links':
				p.title = rng.pick([
					'รายชื่อเว็บไซต์หน่วยงานที่เกี่ยวข้อง',
					'ลิงก์หน่วยงานที่เกี่ยวข้อง',
					`เว็บไซต์หน่วยงานที่เกี่ยวข้องกับ${agency.name}`,
				]);
				break;
			case 'official-info':
				p.title = rng.pick([
					'ข้อมูลข่าวสารตามมาตรา 7 และมาตรา 9 แห่ง พ.ร.บ.ข้อมูลข่าวสารของราชการ พ.ศ. 2540',
					`ศูนย์ข้อมูลข่าวสารของราชการ ${agency.name}`,
				]);
				break;
			case 'sop-manual':
				p.extra.job = rng.pick(V.SOP_JOBS);
				p.title = `คู่มือมาตรฐานการปฏิบัติงาน เรื่อง ${p.extra.job.name}`;
				break;
			case 'citizen-manual':
				p.extra.service = rng.pick(V.SERVICES);
				p.title = `คู่มือสำหรับประชาชน: ${p.extra.service.name}`;
				break;
			case 'news': {
				const kind = rng.weighted(NEWS_KINDS);
				p.extra.kind = kind;
				p.extra.event = rng.pick(V.NEWS_EVENTS);
				p.extra.proc = rng.pick(V.PROC_ITEMS);
				p.title = {
					news: `${agency.name}จัด${p.extra.event}`,
					photo: `ภาพข่าว: ${p.extra.event}`,
					alert: `ประกาศแจ้งเตือน: ${rng.pick(['การเฝ้าระวังโรคไข้เลือดออกในช่วงฤดูฝน', 'งดให้บริการระบบออนไลน์ชั่วคราว', 'ระวังมิจฉาชีพแอบอ้างเป็นเจ้าหน้าที่'])}`,
					job: `ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการ ตำแหน่ง${rng.pick(['นักวิชาการคอมพิวเตอร์', 'เจ้าพนักงานธุรการ', 'นักวิชาการสาธารณสุข'])}`,
					'procurement-notice': `ประกาศเชิญชวน ${p.extra.proc} โดยวิธีประกาศเชิญชวนทั่วไป`,
					'procurement-result': `ประกาศผู้ชนะการเสนอราคา ${p.extra.proc} โดยวิธีเฉพาะเจาะจง`,
					'procurement-plan': `ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ${CURRENT_FY}`,
					'procurement-monthly': 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำเดือน (สขร. 1)',
					'procurement-annual': `รายงานผลการจัดซื้อจัดจ้างและการจัดหาพัสดุประจำปี พ.ศ. ${CURRENT_FY - 1}`,
				}[kind];
				break;
			}
			case 'e-service':
				p.extra.sys = rng.pick(V.E_SYSTEMS);
				p.title = `${p.extra.sys[0]} (E-Service)`;
				break;
			case 'web-stats': {
				const dt = dateBefore(rng.int(1, 60));
				p.title = `สถิติการเข้าใช้บริการเว็บไซต์และผลการประเมินความพึงพอใจ ประจำเดือน${V.MONTHS[dt.m - 1]} ${dt.y + 543}`;
				break;
			}
			default:
				throw new Error(topic);
		}
		p.defect = rng.chance(DEFECT_RATE)
			? rng.pick([...COMMON_DEFECTS, ...(TOPIC_DEFECTS[topic] ?? []), ...(TOPIC_DEFECTS[topic] ?? [])])
			: null;
		if (p.topic === 'news' && p.defect === 'news-no-date') p.defect = p.extra.kind === 'news' ? p.defect : null;
		p.crlf = rng.chance(0.03);
		p.bom = rng.chance(0.02);
		plan.push(p);
	}
	const slugger = new GithubSlugger();
	for (const p of plan) {
		slugger.reset();
		p.slug = slugger.slug(p.title);
	}
	return plan;
}

// ---------------------------------------------------------------------------------------------
// Page context: links relative to the page

function makeCtx(p, plan, rng) {
	const dir = path.posix.dirname(p.file);
	const rel = (target) => {
		const r = path.posix.relative(dir, target);
		return r.startsWith('.') ? r : rng.chance(0.3) ? `./${r}` : r;
	};
	return {
		p,
		rng,
		plan,
		agency: p.agency,
		has: (d) => p.defect === d,
		rel,
		img(kind, alt) {
			const src = rel(`assets/img/${kind}-${rng.int(1, IMG_KINDS[kind])}.png`);
			const noAlt = p.defect === 'image-no-alt' && !this.usedNoAlt;
			if (noAlt) this.usedNoAlt = true;
			return `![${noAlt ? '' : alt}](${src})`;
		},
		doc(prefix) {
			const files = DOC_FILES.filter((f) => f.startsWith(prefix));
			return rel(`assets/docs/${rng.pick(files)}`);
		},
		pageLink(topic) {
			const pool = topic ? plan.filter((q) => q.topic === topic && q !== p) : plan;
			const q = pool.length ? rng.pick(pool) : rng.pick(plan);
			let href = rel(q.file);
			if (p.defect === 'broken-link' && !this.usedBroken) {
				this.usedBroken = true;
				href = rel(`${q.topic}/old/${q.i + 100000}.md`);
			} else if (p.defect === 'bad-anchor' && !this.usedBad) {
				this.usedBad = true;
				href += '#หัวข้อที่ไม่มีอยู่จริง';
			} else if (rng.chance(0.2)) href += `#${rng.chance(0.9) ? q.slug : encodeURIComponent(q.slug)}`;
			return `[${q.title}](${href})`;
		},
		ext() {
			const group = rng.pick(Object.values(V.WEB_LINKS));
			const [name, url] = rng.pick(group);
			return `[${name}](${url})`;
		},
		site(pathPart = '') {
			return `https://${p.agency.domain}/${pathPart}`;
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Topic builders. Each returns { fm, sections }, a section being { blocks, grow? }.

const paraGrow = (ctx) => (sec) => sec.blocks.push(P(paragraph(ctx.rng)));

function commonFm(ctx, dates) {
	const { rng, p } = ctx;
	const fm = {
		topic: rng.chance(0.04) ? V.TOPIC_TH[p.topic] : p.topic,
		title: ctx.has('blank-title') ? '' : p.title,
		agency: p.agency.name,
		responsible: rng.chance(0.5) ? `${person(rng)} ${rng.pick(V.POSITIONS)}` : rng.pick(V.UNITS),
		reviewer: ctx.has('no-reviewer') ? undefined : `${person(rng)} ${rng.pick(V.POSITIONS)}`,
		approver: ctx.has('no-approver') ? undefined : `${person(rng)} ${rng.pick(V.EXEC_POSITIONS)}`,
		published: fmDate(rng, dates.published),
		updated: fmDate(rng, dates.updated),
	};
	if (ctx.has('invalid-date'))
		fm.updated = rng.pick([`31 เมษายน ${dates.updated.y + 543}`, `${dates.updated.y + 543}-02-30`, `29 ก.พ. 2566`]);
	if (ctx.has('date-era'))
		fm.published = `${dates.published.d} ${V.MONTHS[dates.published.m - 1]} พ.ศ. ${dates.published.y}`;
	if (rng.chance(0.6)) {
		const req = dateBefore(dates.published.days + rng.int(1, 14));
		fm.publish_request = {
			id: `MOIT1-${CURRENT_FY - (req.days > 60 ? 1 : 0)}-${pad2(rng.int(1, 999))}`,
			date: fmDate(rng, req),
		};
	}
	return fm;
}

function pageDates(ctx) {
	const { rng } = ctx;
	let updatedDays = ctx.has('stale') ? rng.int(420, 900) : rng.int(1, 300);
	let publishedDays = updatedDays + (rng.chance(0.4) ? 0 : rng.int(1, 400));
	if (ctx.has('date-order')) publishedDays = updatedDays - rng.int(1, Math.min(30, updatedDays));
	if (ctx.has('future-date')) {
		updatedDays = -rng.int(5, 60);
		publishedDays = Math.max(publishedDays, 10);
	}
	return { updated: dateBefore(updatedDays), published: dateBefore(publishedDays) };
}

function fyFor(ctx, dates) {
	if (ctx.has('stale')) return fiscalYearOf(dates.updated);
	return ctx.rng.chance(0.85) ? CURRENT_FY : CURRENT_FY - 1;
}

function numbered(rng, idx, text) {
	if (!rng.chance(0.3)) return text;
	const n = idx + 1;
	return rng.pick([`${n}. ${text}`, `${thai(n)}. ${text}`, `(${n}) ${text}`]);
}

function noteSection(ctx) {
	const { rng } = ctx;
	const blocks = [H(2, rng.pick(['หมายเหตุ', 'ข้อมูลเพิ่มเติม', 'เอกสารที่เกี่ยวข้อง']))];
	blocks.push(P(paragraph(rng, 1, 3)));
	blocks.push(UL([ctx.pageLink(), ctx.pageLink(), ctx.ext()]));
	return {
		blocks,
		grow: (sec) =>
			rng.chance(0.5) ? sec.blocks.push(P(paragraph(rng))) : sec.blocks.push(UL([ctx.pageLink(), ctx.ext()])),
	};
}

// --- agency-info

const AGENCY_SECTIONS = [
	['history', ['ประวัติความเป็นมา', 'ประวัติหน่วยงาน', 'แนะนำหน่วยงาน - ประวัติความเป็นมา']],
	['vision-mission', ['วิสัยทัศน์ พันธกิจ', 'วิสัยทัศน์ พันธกิจ และค่านิยม', 'วิสัยทัศน์ / พันธกิจ / ค่านิยม']],
	['structure', ['โครงสร้างหน่วยงาน', 'โครงสร้างองค์กร', 'แผนผังองค์กร']],
	['executives', ['ทำเนียบผู้บริหาร', 'ข้อมูลผู้บริหาร', 'คณะผู้บริหาร']],
	['cio', ['ข้อมูลผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)', 'ผู้บริหารเทคโนโลยีสารสนเทศระดับสูง']],
	['authority', ['หน้าที่และอำนาจ', 'อำนาจหน้าที่', 'ภารกิจ']],
	['strategy', ['ยุทธศาสตร์', 'แผนยุทธศาสตร์', 'ประเด็นยุทธศาสตร์']],
	[
		'action-plan',
		['แผนปฏิบัติราชการ แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี', 'แผนปฏิบัติราชการประจำปี', 'แผนปฏิบัติการประจำปี'],
	],
	['performance-report', ['คำรับรอง รายงานผลการปฏิบัติราชการ', 'รายงานผลการปฏิบัติราชการ', 'รายงานผลการดำเนินงาน']],
	['contact', ['รายละเอียดช่องทางการติดต่อสื่อสาร', 'ช่องทางการติดต่อ', 'ติดต่อเรา']],
];

function buildAgencyInfo(ctx) {
	const { rng, agency } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	fm.fiscal_year = fyFor(ctx, dates);
	let ids = AGENCY_SECTIONS.map(([id]) => id);
	if (ctx.p.split) {
		ids = rng.pickN(ids, rng.int(2, 4)).sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
		fm.sections = ids.slice();
	}
	if (ctx.has('missing-section') && ids.length > 1) ids.splice(rng.int(0, ids.length - 1), 1);
	const sections = [];
	ids.forEach((id, idx) => {
		const heading = numbered(rng, idx, rng.pick(AGENCY_SECTIONS.find(([x]) => x === id)[1]));
		const blocks = [H(2, heading)];
		let grow = paraGrow(ctx);
		switch (id) {
			case 'history':
				blocks.push(
					P(`${agency.name}ก่อตั้งขึ้นเมื่อ พ.ศ. ${maybeThai(rng, rng.int(2480, 2550))} ${paragraph(rng, 1, 2)}`),
				);
				break;
			case 'vision-mission':
				blocks.push(
					P(
						`**วิสัยทัศน์** ${rng.pick(['เป็นองค์กรหลักด้านสุขภาพที่ประชาชนไว้วางใจ', 'องค์กรคุณภาพ บริการเป็นเลิศ ประชาชนมีคุณภาพชีวิตที่ดี', 'เป็นหน่วยงานที่โปร่งใส ทันสมัย และมุ่งประโยชน์สุขของประชาชน'])} ภายในปี พ.ศ. ${maybeThai(rng, 2570)}`,
					),
				);
				blocks.push(P('**พันธกิจ**'));
				blocks.push(OL(Array.from({ length: rng.int(3, 4) }, () => phrase(rng))));
				blocks.push(P(`**ค่านิยม** ${rng.pick(['MOPH', 'ซื่อสัตย์ โปร่งใส ใส่ใจบริการ', 'SMART'])}`));
				grow = (sec) => sec.blocks.find((b) => b.t === 'ol').items.push(phrase(rng));
				break;
			case 'structure':
				blocks.push(P(ctx.img('structure', `แผนผังโครงสร้างหน่วยงาน ${agency.name}`)));
				blocks.push(
					UL(
						rng
							.pickN(V.UNITS, rng.int(3, 6))
							.map((u) => ({ text: u, children: rng.chance(0.4) ? [`หัวหน้า: ${person(rng)}`] : [] })),
					),
				);
				grow = (sec) =>
					sec.blocks
						.find((b) => b.t === 'ul')
						.items.push(
							`${rng.pick(V.UNITS)} (${rng.pick(['งานธุรการ', 'งานแผนงาน', 'งานการเงิน', 'งานพัสดุ'])})`,
						);
				break;
			case 'executives': {
				const row = () => [
					person(rng),
					rng.pick(V.EXEC_POSITIONS),
					ctx.img('exec', `รูปถ่าย${rng.pick(V.EXEC_POSITIONS)}`),
					phone(rng, agency.area),
				];
				blocks.push(
					TABLE(
						['ชื่อ-นามสกุล', 'ตำแหน่ง', 'รูปถ่าย', 'หมายเลขโทรศัพท์'],
						Array.from({ length: rng.int(2, 4) }, row),
					),
				);
				grow = (sec) => sec.blocks.find((b) => b.t === 'table').rows.push(row());
				break;
			}
			case 'cio':
				blocks.push(
					UL([
						`ชื่อ-นามสกุล: ${person(rng)}`,
						`ตำแหน่ง: ${rng.pick(V.EXEC_POSITIONS)} (CIO)`,
						`โทรศัพท์: ${phone(rng, agency.area)}`,
						`อีเมล: [cio@${agency.email.split('@')[1]}](mailto:cio@${agency.email.split('@')[1]})`,
					]),
				);
				if (rng.chance(0.7)) blocks.push(P(ctx.img('exec', 'รูปถ่ายผู้บริหารเทคโนโลยีสารสนเทศระดับสูง')));
				break;
			case 'authority':
				blocks.push(
					P(
						`${agency.name}มีหน้าที่และอำนาจตาม${rng.pick(['พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534', 'กฎกระทรวงแบ่งส่วนราชการ พ.ศ. 2563', 'พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537'])} ดังนี้`,
					),
				);
				blocks.push(OL(Array.from({ length: rng.int(3, 5) }, () => phrase(rng))));
				grow = (sec) => sec.blocks.find((b) => b.t === 'ol').items.push(phrase(rng));
				break;
			case 'strategy':
				blocks.push(
					P(
						`แผนยุทธศาสตร์ ${agency.name} ระยะ 5 ปี (พ.ศ. ${maybeThai(rng, '2566–2570')}) ประกอบด้วยประเด็นยุทธศาสตร์ ดังนี้`,
					),
				);
				blocks.push(
					OL([
						'ส่งเสริมสุขภาพ ป้องกันโรค และคุ้มครองผู้บริโภคเป็นเลิศ (PP&P Excellence)',
						'บริการเป็นเลิศ (Service Excellence)',
						'บุคลากรเป็นเลิศ (People Excellence)',
						'บริหารจัดการเป็นเลิศด้วยธรรมาภิบาล (Governance Excellence)',
					]),
				);
				break;
			case 'action-plan': {
				blocks.push(
					P(
						`แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. ${maybeThai(rng, fm.fiscal_year)} ได้รับความเห็นชอบจากผู้บริหารเมื่อ ${bodyDate(rng, dateBefore(rng.int(40, 80)))}`,
					),
				);
				const row = () => [rng.pick(V.NEWS_EVENTS), fmtMoney(rng.int(20, 900) * 1000), rng.pick(V.UNITS)];
				blocks.push(
					TABLE(['โครงการ', 'งบประมาณ (บาท)', 'ผู้รับผิดชอบ'], Array.from({ length: rng.int(2, 4) }, row)),
				);
				blocks.push(P(`ดาวน์โหลด: [แผนปฏิบัติราชการประจำปี ${fm.fiscal_year} (xlsx)](${ctx.doc('plan')})`));
				grow = (sec) => sec.blocks.find((b) => b.t === 'table').rows.push(row());
				break;
			}
			case 'performance-report':
				blocks.push(
					UL([
						`[รายงานผลการปฏิบัติราชการ รอบ 12 เดือน ปีงบประมาณ พ.ศ. ${fm.fiscal_year - 1}](${ctx.doc('report')})`,
						`[คำรับรองการปฏิบัติราชการ ปีงบประมาณ พ.ศ. ${fm.fiscal_year}](${ctx.doc('report')})`,
					]),
				);
				break;
			case 'contact': {
				const items = [
					`ที่อยู่: ${agency.addr}`,
					`โทรศัพท์: ${phone(rng, agency.area)}${rng.chance(0.3) ? ` ต่อ ${rng.int(100, 299)}` : ''}`,
				];
				if (!ctx.has('contact-no-fax'))
					items.push(`${rng.pick(['โทรสาร', 'แฟกซ์', 'Fax'])}: ${phone(rng, agency.area)}`);
				items.push(
					`${rng.pick(['อีเมล', 'ไปรษณีย์อิเล็กทรอนิกส์', 'E-mail'])}: [${agency.email}](mailto:${agency.email})`,
				);
				items.push(
					rng.chance(0.5)
						? `แผนที่ตั้งหน่วยงาน: [Google Maps](https://maps.google.com/?q=${(13 + rng.float() * 6).toFixed(5)},${(98 + rng.float() * 6).toFixed(5)})`
						: `แผนที่: ${ctx.img('map', `แผนที่ตั้ง${agency.name}`)}`,
				);
				if (rng.chance(0.7))
					items.push(`ช่องทางการรับฟังความคิดเห็น: [แบบฟอร์มรับฟังความคิดเห็น](${ctx.site('feedback')})`);
				blocks.push(UL(items));
				blocks.push(
					P(`เปิดให้บริการ วันจันทร์-วันศุกร์ ${maybeThai(rng, '08:30-16:30')} น. _ยกเว้นวันหยุดที่ทางราชการกำหนด_`),
				);
				grow = null;
				break;
			}
			default:
				break;
		}
		sections.push({ blocks, grow });
	});
	if (rng.chance(0.5)) sections.push(noteSection(ctx));
	return { fm, sections, toc: true };
}

// --- law

function buildLaw(ctx) {
	const { rng } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const laws = rng.pickN(V.LAWS, rng.int(5, 10));
	fm.sources = [
		{
			title: 'ราชกิจจานุเบกษา',
			url: 'https://ratchakitcha.soc.go.th/',
			date: fmDate(rng, dateBefore(rng.int(30, 200))),
		},
		...(rng.chance(0.5) ? [{ title: 'ระบบกลางทางกฎหมาย', url: 'https://www.law.go.th/' }] : []),
	];
	const sections = [
		{
			blocks: [
				H(2, rng.pick(['กฎหมายที่เกี่ยวข้อง', 'กฎหมาย ระเบียบ ข้อบังคับ', 'กฎหมายที่เกี่ยวข้องกับหน่วยงาน'])),
				P(paragraph(rng, 1, 3)),
			],
		},
	];
	let dropped = false;
	const item = ([name, , ref, [d, m, y]]) => {
		if (ctx.has('law-no-source') && !dropped) {
			dropped = true;
			return `${name}${rng.chance(0.5) ? ' และที่แก้ไขเพิ่มเติม' : ''}`;
		}
		const date = fmtDate(
			{ y: y - 543, m, d, wd: new Date(Date.UTC(y - 543, m - 1, d)).getUTCDay() },
			rng.pick(['long', 'abbr', 'full-thai']),
		);
		const amended = rng.chance(0.3) ? ' และที่แก้ไขเพิ่มเติม' : '';
		if (!ref || rng.chance(0.35))
			return `[${name}](https://www.krisdika.go.th/librarian/get?sysid=${rng.int(100000, 999999)})${amended}`;
		return `${name}${amended} ${rng.pick(['ที่มา:', 'แหล่งที่มา:', 'อ้างอิง:'])} ราชกิจจานุเบกษา ${maybeThai(rng, ref)} ลงวันที่ ${date}`;
	};
	if (rng.chance(0.5)) {
		// grouped by type, as lists
		for (const g of V.LAW_GROUPS) {
			const inGroup = laws.filter((l) => l[1] === g);
			if (!inGroup.length) continue;
			sections.push({ blocks: [H(3, g), (rng.chance(0.5) ? OL : UL)(inGroup.map(item))], grow: null });
		}
	} else {
		const rows = laws.map((l, i) => [
			maybeThai(rng, i + 1),
			l[0],
			l[1],
			l[2] ? `ราชกิจจานุเบกษา ${l[2]}` : `[ดูเอกสาร](${ctx.doc('report')})`,
		]);
		if (ctx.has('law-no-source')) rows[0][3] = '-';
		sections.push({ blocks: [TABLE(['ลำดับ', 'ชื่อกฎหมาย', 'ประเภท', 'แหล่งที่มา'], rows)], grow: null });
	}
	sections.push({ blocks: [H(2, 'คำอธิบายโดยสรุป'), P(paragraph(rng))], grow: paraGrow(ctx) });
	if (rng.chance(0.4)) sections.push(noteSection(ctx));
	return { fm, sections };
}

// --- knowledge

function buildKnowledge(ctx) {
	const { rng, p } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	fm.kind = p.extra.kind;
	fm.sources = [
		{
			title: rng.pick(['กรมควบคุมโรค กระทรวงสาธารณสุข', 'กรมอนามัย', 'สำนักงานสถิติแห่งชาติ', p.agency.name]),
			url: `https://${rng.pick(['ddc.moph.go.th', 'anamai.moph.go.th', 'www.nso.go.th', p.agency.domain])}/`,
			date: fmDate(rng, dates.published),
		},
	];
	if (p.extra.kind === 'statistics') fm.data_as_of = fmDate(rng, dateBefore(dates.updated.days + rng.int(0, 30)));
	const sections = [
		{ blocks: [H(2, rng.pick(['คลังความรู้', 'องค์ความรู้', 'ความรู้สุขภาพ'])), P(paragraph(rng))], grow: paraGrow(ctx) },
	];
	const nItems = rng.int(1, 3);
	let undated = ctx.has('knowledge-no-date');
	for (let i = 0; i < nItems; i++) {
		const topic = i === 0 ? p.extra.item : rng.pick(V.KNOWLEDGE_ITEMS);
		const blocks = [H(3, topic)];
		if (p.extra.kind === 'infographic' || rng.chance(0.4))
			blocks.push(P(ctx.img('infographic', `อินโฟกราฟิก ${topic}`)));
		blocks.push(P(paragraph(rng)));
		if (rng.chance(0.4)) blocks.push(UL(Array.from({ length: rng.int(2, 5) }, () => phrase(rng))));
		if (p.extra.kind === 'statistics') {
			const rows = ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.']
				.slice(0, rng.int(3, 6))
				.map((m) => [
					`${m} ${maybeThai(rng, m === 'ต.ค.' || m === 'พ.ย.' || m === 'ธ.ค.' ? CURRENT_FY - 2 : CURRENT_FY - 1)}`,
					fmtNum(rng.int(50, 5000)),
					`${(rng.float() * 100).toFixed(2)}`,
				]);
			blocks.push(TABLE(['เดือน', 'จำนวน (ราย)', 'อัตราต่อแสนประชากร'], rows));
			blocks.push(P(`ข้อมูล ณ วันที่ ${bodyDate(rng, dateBefore(dates.updated.days + 3))}`));
		}
		const src = rng.chance(0.6)
			? `${rng.pick(['แหล่งที่มา:', 'ที่มา:', 'อ้างอิง:'])} ${fm.sources[0].title}`
			: `ที่มา: ${ctx.ext()}`;
		if (undated) {
			blocks.push(P(src));
			undated = false;
		} else {
			blocks.push(
				P(
					`${src} เผยแพร่เมื่อ ${bodyDate(rng, dateBefore(dates.published.days + rng.int(0, 20)))}${rng.chance(0.6) ? ` เวลา ${timeTh(rng)}` : ''}`,
				),
			);
		}
		sections.push({ blocks, grow: paraGrow(ctx) });
	}
	if (rng.chance(0.5)) sections.push(noteSection(ctx));
	return { fm, sections };
}

// --- web-links

function buildWebLinks(ctx) {
	const { rng } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const sections = [
		{ blocks: [H(2, rng.pick(['เว็บไซต์หน่วยงานที่เกี่ยวข้อง', 'ลิงก์หน่วยงาน', 'Web Link'])), P(paragraph(rng, 1, 2))] },
	];
	const asTable = rng.chance(0.3);
	for (const [group, links] of Object.entries(V.WEB_LINKS)) {
		const items = rng.pickN(links, rng.int(2, links.length));
		const blocks = [H(3, group)];
		if (asTable)
			blocks.push(
				TABLE(
					['ลำดับ', 'ชื่อหน่วยงาน', 'เว็บไซต์'],
					items.map(([n, u], i) => [String(i + 1), n, `[${u.replace(/^https:\/\/|\/$/g, '')}](${u})`]),
				),
			);
		else blocks.push(UL(items.map(([n, u]) => (rng.chance(0.1) ? `${n}: <${u}>` : `[${n}](${u})`))));
		sections.push({ blocks, grow: (sec) => sec.blocks.push(P(paragraph(rng, 1, 2))) });
	}
	if (!ctx.has('no-gws')) {
		const [n, u] = V.GWS_LINK;
		sections[sections.length - 1].blocks.push(UL([`[${rng.chance(0.3) ? 'มาตรฐานเว็บไซต์หน่วยงานภาครัฐ' : n}](${u})`]));
	}
	if (rng.chance(0.5)) sections.push(noteSection(ctx));
	return { fm, sections };
}

// --- official-info

function docLink(ctx, prefix) {
	const href = ctx.doc(prefix);
	const ext = href.slice(href.lastIndexOf('.') + 1);
	return `[${ctx.rng.pick(['ดาวน์โหลดเอกสาร', 'เอกสารประกอบ', 'รายละเอียด', 'ไฟล์แนบ'])} (${ext})](${href})`;
}

function buildOfficialInfo(ctx) {
	const { rng } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	fm.fiscal_year = fyFor(ctx, dates);
	const sections = [
		{ blocks: [H(2, 'ศูนย์ข้อมูลข่าวสารของราชการ'), P(`${V.S_FIXED[0]} ${paragraph(rng, 1, 2)}`)], grow: null },
	];
	let emptied = !ctx.has('empty-section');
	for (const [art, text] of V.OIA_ITEMS) {
		const heading = rng.chance(0.5) ? `${art} ${text}` : `${art.replace('มาตรา ', 'ม.')} ${text}`;
		const blocks = [H(2, heading)];
		if (!emptied && rng.chance(0.3)) {
			emptied = true;
			sections.push({ blocks });
			continue;
		}
		if (art === 'มาตรา 9 (8)') {
			for (const sub of V.OIA_98_SUB) {
				blocks.push(H(3, sub));
				blocks.push(
					rng.chance(0.15)
						? P(`ไม่มี${sub.startsWith('ประกาศ') ? 'การประกาศ' : 'ข้อมูล'}ในปีงบประมาณ พ.ศ. ${fm.fiscal_year}`)
						: UL([rng.chance(0.5) ? ctx.pageLink('news') : docLink(ctx, 'report')]),
				);
			}
		} else if (rng.chance(0.12)) {
			blocks.push(
				P(
					`ไม่มี ${rng.pick(['เนื่องจากหน่วยงานไม่มีสัญญาสัมปทานในปีงบประมาณนี้', 'เนื่องจากไม่มีคำวินิจฉัยที่มีผลโดยตรงต่อเอกชน', 'เนื่องจากยังไม่มีการประกาศเพิ่มเติม'])}`,
				),
			);
		} else {
			const items = rng.chance(0.5)
				? [ctx.pageLink(rng.pick(['agency-info', 'law', 'sop-manual', 'citizen-manual']))]
				: [];
			items.push(docLink(ctx, rng.pick(['report', 'manual', 'plan'])));
			if (art === 'มาตรา 9 (3)') items.push(`แผนปฏิบัติราชการ ปีงบประมาณ พ.ศ. ${maybeThai(rng, fm.fiscal_year)}`);
			blocks.push(UL(items));
		}
		sections.push({ blocks, grow: (sec) => sec.blocks.push(UL([ctx.pageLink(), docLink(ctx, 'report')])) });
	}
	sections.push({
		blocks: [
			H(2, 'ช่องทางการติดต่อศูนย์ข้อมูลข่าวสาร'),
			UL([`ที่อยู่: ${ctx.agency.addr}`, `โทรศัพท์: ${phone(rng, ctx.agency.area)}`]),
			UL([ctx.ext(), `[${V.GWS_LINK[0]}](${V.GWS_LINK[1]})`]),
		],
		grow: paraGrow(ctx),
	});
	return { fm, sections, toc: rng.chance(0.5) };
}

// --- steps (sop-manual, citizen-manual)

function stepsTable(ctx, kind, steps, cls) {
	const { rng } = ctx;
	const durs = durations(rng, steps.length, cls);
	const sum = durs.reduce((s, d) => s + d.value, 0);
	const rows = steps.map(([name, detail], i) => [
		maybeThai(rng, i + 1, 0.15),
		name,
		detail,
		durs[i].text,
		kind === 'sop' ? rng.pick(V.POSITIONS) : rng.pick(V.UNITS),
	]);
	if (ctx.has('step-no-duration')) rows[rng.int(0, rows.length - 1)][3] = rng.pick(['', '-']);
	if (ctx.has('bad-duration'))
		rows[rng.int(0, rows.length - 1)][3] = rng.pick(['ไม่ระบุ', '3 วันๆ', 'ตามความเหมาะสม', 'ประมาณ 2 คืน']);
	const head = ['ลำดับ', 'ขั้นตอน', 'รายละเอียด', 'ระยะเวลา', kind === 'sop' ? 'ผู้รับผิดชอบ' : 'ส่วนงานที่รับผิดชอบ'];
	return { table: TABLE(head, rows), sum, durs };
}

function pickSteps(rng, pool, n) {
	const first = pool[0];
	const rest = rng.pickN(pool.slice(1), n - 1).sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
	return [first, ...rest];
}

function buildSop(ctx) {
	const { rng, p } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const job = p.extra.job;
	fm.mission = job.mission;
	fm.positions = job.positions;
	fm.version = `${rng.int(1, 3)}.${rng.int(0, 9)}`;
	fm.effective_date = fmDate(rng, dates.published);
	if (!ctx.has('no-download'))
		fm.downloads = [
			{ title: `คู่มือ${job.name} (ฉบับเต็ม)`, href: ctx.doc('manual'), kind: 'manual' },
			...(rng.chance(0.5) ? [{ title: 'แบบฟอร์มบันทึกการปฏิบัติงาน', href: ctx.doc('form'), kind: 'form' }] : []),
		];
	const cls = rng.pick(['min', 'min', 'wd', 'day']);
	const steps = pickSteps(rng, V.SOP_STEPS, rng.int(4, 8));
	const sections = [];
	const sec = (title, blocks, grow = paraGrow(ctx)) => sections.push({ blocks: [H(2, title), ...blocks], grow });
	sec(numbered(rng, 0, 'วัตถุประสงค์'), [OL(Array.from({ length: rng.int(2, 4) }, () => phrase(rng)))]);
	sec(numbered(rng, 1, 'ขอบเขต'), [P(paragraph(rng, 1, 3))]);
	sec(numbered(rng, 2, 'คำจำกัดความ'), [
		UL([`**${job.mission}** หมายถึง ${sentence(rng)}`, `**ผู้ปฏิบัติงาน** หมายถึง ${job.positions.join(' และ ')}`]),
	]);
	sec(numbered(rng, 3, 'หน้าที่ความรับผิดชอบ'), [
		TABLE(
			['ตำแหน่ง', 'หน้าที่ความรับผิดชอบ'],
			job.positions.map((x) => [x, sentence(rng)]),
		),
	]);
	const useList = rng.chance(0.25);
	const { table, sum, durs } = stepsTable(ctx, 'sop', steps, cls);
	const stated = ctx.has('total-mismatch') ? sum + rng.int(1, 5) * (cls === 'min' ? 10 : 1) : sum;
	const stepBlocks = useList
		? [
				OL(
					steps.map(([name, detail], i) =>
						ctx.has('step-no-duration') && i === 1
							? `${name}: ${detail}`
							: `${name}: ${detail} (ระยะเวลา ${durs[i].text})`,
					),
				),
			]
		: [table];
	stepBlocks.push(P(`**ระยะเวลารวม** ${maybeThai(rng, totalText(cls, stated), 0.1)}`));
	sec(numbered(rng, 4, 'ขั้นตอนการปฏิบัติงาน'), stepBlocks, null);
	sec(numbered(rng, 5, 'แผนผังกระบวนการ'), [P(ctx.img('flow', `แผนผังกระบวนการ${job.name}`))], null);
	sec(numbered(rng, 6, 'มาตรฐานงาน'), [P(paragraph(rng, 1, 3))]);
	sec(
		numbered(rng, 7, rng.pick(['กฎหมายที่เกี่ยวข้อง', 'เอกสารอ้างอิง'])),
		[UL(rng.pickN(V.LAWS, rng.int(2, 4)).map((l) => l[0]))],
		null,
	);
	sec(
		numbered(rng, 8, 'แบบฟอร์มที่ใช้'),
		[
			UL(
				(fm.downloads ?? [])
					.map((d) => `[${d.title}](${d.href})`)
					.concat([`[แบบฟอร์มขออนุมัติ](${ctx.doc('form')})`]),
			),
		],
		null,
	);
	return { fm, sections, toc: rng.chance(0.4) };
}

function buildCitizen(ctx) {
	const { rng, p } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const s = p.extra.service;
	const cls = rng.pick(['min', 'min', 'wd', 'wd', 'day']);
	const steps = pickSteps(rng, V.CITIZEN_STEPS, rng.int(3, 6));
	const { table, sum } = stepsTable(ctx, 'citizen', steps, cls);
	fm.service_name = s.name;
	fm.service_agency = `${s.unit} ${p.agency.name}`;
	fm.legal_basis = s.law;
	fm.service_type = s.type;
	fm.service_category = s.cat;
	const deadline = ctx.has('deadline-exceeded')
		? Math.max(1, sum - 1)
		: sum + rng.int(0, 10) * (cls === 'min' ? 30 : 1);
	fm.legal_deadline =
		cls === 'min'
			? deadline <= 420
				? '1 วันทำการ'
				: `${Math.ceil(deadline / 420)} วันทำการ`
			: totalText(cls, deadline);
	if (ctx.has('deadline-exceeded') && cls === 'min') fm.legal_deadline = `${Math.max(5, sum - 10)} นาที`;
	fm.manual_published = fmDate(rng, dates.published);
	fm.downloads = [
		{ title: `คู่มือสำหรับประชาชน ${s.name}`, href: ctx.doc('manual'), kind: 'manual' },
		{ title: 'แบบคำขอ', href: ctx.doc('form'), kind: 'form' },
	];
	const sections = [];
	const sec = (id, title, blocks, grow = paraGrow(ctx)) => {
		if (ctx.has('missing-section') && id === ctx.dropId) return;
		sections.push({ blocks: [H(2, title), ...blocks], grow });
	};
	ctx.dropId = rng.pick(['M1', 'M2', 'M5', 'M6', 'M7', 'M8']);
	const emptyId = ctx.has('empty-section') ? rng.pick(['M5', 'M6', 'M8']) : null;
	sections.push({
		blocks: [P(`ชื่อกระบวนงาน: **${s.name}**`), P(`หน่วยงานที่ให้บริการ: ${fm.service_agency}`)],
		grow: null,
	});
	sec('M1', rng.pick(['หลักเกณฑ์ วิธีการ เงื่อนไข (ถ้ามี) ในการยื่นคำขอ และในการพิจารณาอนุญาต', 'หลักเกณฑ์ วิธีการ เงื่อนไข']), [
		P(paragraph(rng, 1, 3)),
		OL(Array.from({ length: rng.int(2, 4) }, () => phrase(rng))),
	]);
	sec(
		'M2',
		'ช่องทางการให้บริการ',
		[
			TABLE(
				['สถานที่ให้บริการ', 'ระยะเวลาเปิดให้บริการ'],
				[
					[
						`${s.unit} ${p.agency.name} ${p.agency.addr} โทรศัพท์ ${phone(rng, p.agency.area)}`,
						`วันจันทร์-วันศุกร์ ${maybeThai(rng, '08:30-16:30')} น. (มีพักเที่ยง) ยกเว้นวันหยุดที่ทางราชการกำหนด`,
					],
					...(rng.chance(0.5)
						? [[`ยื่นคำขอทางออนไลน์ [${ctx.site('eservice')}](${ctx.site('eservice')})`, 'ตลอด 24 ชั่วโมง']]
						: []),
				],
			),
		],
		null,
	);
	sec('M3', 'ขั้นตอน ระยะเวลา และส่วนงานที่รับผิดชอบ', [table], null);
	const stated = ctx.has('total-mismatch') ? sum + rng.int(1, 4) * (cls === 'min' ? 15 : 1) : sum;
	sec('M4', 'ระยะเวลาดำเนินการรวม', [P(maybeThai(rng, totalText(cls, stated), 0.1))], null);
	const docRow = () => [
		rng.pick([
			'บัตรประจำตัวประชาชน',
			'สำเนาทะเบียนบ้าน',
			'ใบรับรองแพทย์',
			'แผนที่แสดงที่ตั้งสถานประกอบการ',
			'หนังสือมอบอำนาจ (กรณีมอบอำนาจ)',
			'รูปถ่ายขนาด 1 นิ้ว',
		]),
		rng.pick(['กรมการปกครอง', 'หน่วยงานที่ออกเอกสาร', 'สถานพยาบาล', '-']),
		String(rng.int(0, 1)),
		String(rng.int(1, 2)),
		rng.pick(['ฉบับ', 'ชุด', 'พร้อมรับรองสำเนาถูกต้อง']),
	];
	sec(
		'M5',
		'รายการเอกสารหลักฐานประกอบ',
		emptyId === 'M5'
			? []
			: rng.chance(0.1)
				? [P('ไม่มีเอกสารหลักฐานที่ต้องยื่นเพิ่มเติม')]
				: [
						TABLE(
							['ชื่อเอกสาร', 'หน่วยงานที่ออก', 'ฉบับจริง', 'สำเนา', 'หมายเหตุ'],
							Array.from({ length: rng.int(2, 5) }, docRow),
						),
					],
		(sc) => {
			const t = sc.blocks.find((b) => b.t === 'table');
			if (t) t.rows.push(docRow());
			else sc.blocks.push(P(paragraph(rng, 1, 2)));
		},
	);
	sec('M6', 'ค่าธรรมเนียม', emptyId === 'M6' ? [P('-')] : [P(s.fee ?? 'ไม่มีค่าธรรมเนียม')], null);
	sec(
		'M7',
		rng.pick(['ช่องทางการร้องเรียน', 'ช่องทางการร้องเรียน แนะนำบริการ']),
		[
			UL([
				`${s.unit} ${p.agency.name} โทรศัพท์ ${phone(rng, p.agency.area)}`,
				'ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี สายด่วน 1111 หรือ [www.1111.go.th](https://www.1111.go.th/) หรือตู้ ปณ. 1111 เลขที่ 1 ถนนพิษณุโลก เขตดุสิต กรุงเทพฯ 10300',
			]),
		],
		null,
	);
	sec(
		'M8',
		'แบบฟอร์ม ตัวอย่างและคู่มือการกรอก',
		emptyId === 'M8' ? [] : [UL(fm.downloads.map((d) => `[${d.title}](${d.href})`))],
		null,
	);
	sections.push({
		blocks: [
			H(2, 'หมายเหตุ'),
			P(
				`${rng.pick(['กรณีคำขอหรือเอกสารหลักฐานไม่ครบถ้วน เจ้าหน้าที่จะแจ้งให้ผู้ยื่นคำขอทราบเพียงครั้งเดียว', 'หน่วยงานจะแจ้งผลความคืบหน้าให้ผู้ยื่นคำขอทราบทุก 7 วัน'])} ${paragraph(rng, 1, 2)}`,
			),
		],
		grow: paraGrow(ctx),
	});
	return { fm, sections };
}

// --- news

function buildNews(ctx) {
	const { rng, p } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const kind = p.extra.kind;
	fm.news_kind = kind;
	const itemDate = dateBefore(dates.published.days + rng.int(0, 3));
	if (!ctx.has('news-no-date')) fm.date = fmDate(rng, itemDate);
	fm.fiscal_year = ctx.has('stale') ? fiscalYearOf(dates.updated) : fiscalYearOf(itemDate);
	const sections = [];
	const heading = rng.pick(['ข่าวประชาสัมพันธ์', 'ข่าวสาร', 'ข่าวกิจกรรม', 'ประกาศ']);
	const when = `${bodyDate(rng, itemDate)} เวลา ${timeTh(rng)}`;
	switch (kind) {
		case 'news':
		case 'alert':
		case 'photo': {
			if (kind === 'photo') {
				fm.event_date = fmDate(rng, itemDate);
				fm.event_time = timeTh(rng);
				fm.event_place = `${rng.pick(V.PLACES)} ${p.agency.name}`;
			}
			const blocks = [H(2, kind === 'photo' ? 'ภาพข่าว' : heading)];
			blocks.push(
				P(
					`${ctx.has('news-no-date') ? '' : `เมื่อ${when} `}${person(rng)} ${rng.pick(V.EXEC_POSITIONS)} เป็นประธาน${p.extra.event} ณ ${rng.pick(V.PLACES)} ${paragraph(rng)}`,
				),
			);
			const imgs = kind === 'photo' ? rng.int(2, 6) : rng.int(0, 2);
			for (let i = 0; i < imgs; i++) blocks.push(P(ctx.img('photo', `ภาพกิจกรรม${p.extra.event} ภาพที่ ${i + 1}`)));
			sections.push({ blocks, grow: paraGrow(ctx) });
			if (rng.chance(0.3)) {
				// a news index: dated entries linking to other news pages
				const entry = () => `${bodyDate(rng, dateBefore(rng.int(1, 200)))} ${ctx.pageLink('news')}`;
				sections.push({
					blocks: [H(2, 'ข่าวที่เกี่ยวข้อง'), UL(Array.from({ length: rng.int(2, 5) }, entry))],
					grow: (sc) => sc.blocks.find((b) => b.t === 'ul').items.push(entry()),
				});
			}
			break;
		}
		case 'job': {
			const from = dateBefore(dates.published.days - 1 > 0 ? dates.published.days - 1 : 0);
			const until = dateBefore(Math.max(0, from.days - 14));
			fm.apply_from = fmDate(rng, from);
			fm.apply_until = fmDate(rng, until);
			sections.push({
				blocks: [
					H(2, 'ประกาศรับสมัคร'),
					P(
						`${p.agency.name}ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานราชการทั่วไป จำนวน ${maybeThai(rng, rng.int(1, 3))} อัตรา`,
					),
					UL([
						`ตำแหน่ง: ${p.title.split('ตำแหน่ง')[1]}`,
						`คุณสมบัติ: ${rng.pick(['ปริญญาตรีทุกสาขา', 'ปริญญาตรีสาขาวิทยาการคอมพิวเตอร์', 'ประกาศนียบัตรวิชาชีพชั้นสูง (ปวส.)'])}`,
						`ระยะเวลารับสมัคร: ${bodyDate(rng, from)} ถึง ${bodyDate(rng, until)}`,
						`วิธีการสมัคร: ยื่นใบสมัครด้วยตนเองหรือทาง [ระบบรับสมัครออนไลน์](${ctx.site('jobs')})`,
						`สอบถามเพิ่มเติม: ${phone(rng, p.agency.area)}`,
					]),
				],
				grow: paraGrow(ctx),
			});
			break;
		}
		case 'procurement-notice':
		case 'procurement-result': {
			const budget = rng.int(50, 5000) * 1000;
			const mid = Math.round(budget * (0.9 + rng.float() * 0.1));
			const items = [
				`ชื่อโครงการ: ${p.extra.proc}`,
				`วิธีการจัดซื้อจัดจ้าง: ${kind === 'procurement-notice' ? 'ประกาศเชิญชวนทั่วไป (e-bidding)' : 'เฉพาะเจาะจง'}`,
				`วงเงินงบประมาณ: ${fmtMoney(budget)} บาท`,
				`ราคากลาง: ${fmtMoney(mid)} บาท`,
				`เลขที่โครงการในระบบ e-GP: \`${rng.int(66, 69)}${rng.int(100000000, 999999999)}\``,
			];
			if (kind === 'procurement-result') {
				items.push(
					`ผู้ประกอบการที่ได้รับการคัดเลือก: ${rng.pick(V.COMPANIES)}`,
					`ราคาที่ตกลง: ${fmtMoney(Math.round(mid * (0.85 + rng.float() * 0.15)))} บาท`,
					`เหตุผลที่คัดเลือกโดยสรุป: ${rng.pick(['เป็นผู้เสนอราคาต่ำสุดและมีคุณสมบัติครบถ้วน', 'ราคาเหมาะสมและอยู่ในวงเงินงบประมาณ'])}`,
					`สัญญาเลขที่ ${maybeThai(rng, `${rng.int(1, 99)}/${CURRENT_FY}`)} ลงวันที่ ${bodyDate(rng, itemDate)}`,
				);
			} else {
				items.push(
					`วันที่ประกาศ: ${bodyDate(rng, itemDate)}`,
					`กำหนดยื่นข้อเสนอ: ${bodyDate(rng, dateBefore(Math.max(0, itemDate.days - 10)))} เวลา ${timeTh(rng)}`,
				);
			}
			sections.push({
				blocks: [
					H(2, heading),
					P(paragraph(rng, 1, 2)),
					UL(items),
					P(
						`รายละเอียดตาม[เอกสารประกาศ (pdf)](${ctx.doc('report')}) และ[ระบบ e-GP](https://process3.gprocurement.go.th/)`,
					),
				],
				grow: paraGrow(ctx),
			});
			break;
		}
		case 'procurement-monthly': {
			const fy = fm.fiscal_year;
			const months =
				fy === CURRENT_FY
					? [[10, fy - 1]]
					: Array.from({ length: 12 }, (_, i) => [((i + 9) % 12) + 1, i < 3 ? fy - 1 : fy]);
			const skip = ctx.has('stale') ? -1 : rng.int(0, months.length - 1);
			for (const [i, [m, y]] of months.entries()) {
				if (i === skip && rng.chance(0.5) && months.length > 1) continue; // a missing month
				const blocks = [H(2, `เดือน${V.MONTHS[m - 1]} ${maybeThai(rng, y, 0.1)}`)];
				if (rng.chance(0.3)) blocks.push(P('ไม่มีการจัดซื้อจัดจ้าง'));
				else {
					const row = (k) => {
						const b = rng.int(5, 400) * 1000;
						return [
							String(k),
							rng.pick(V.PROC_ITEMS),
							fmtMoney(b),
							'เฉพาะเจาะจง',
							fmtMoney(b),
							fmtMoney(Math.round(b * 0.97)),
							rng.pick(V.COMPANIES),
							`${y - 2500}${pad2(m)}${rng.int(1000000, 9999999)}`,
						];
					};
					blocks.push(
						TABLE(
							[
								'ที่',
								'ชื่อรายการ',
								'วงเงินงบประมาณ (บาท)',
								'วิธีการจัดซื้อจัดจ้าง',
								'ราคากลาง (บาท)',
								'ราคาที่ตกลง (บาท)',
								'ผู้ประกอบการที่ได้รับการคัดเลือก',
								'เลขที่โครงการในระบบ e-GP',
							],
							Array.from({ length: rng.int(1, 2) }, (_, k) => row(k + 1)),
						),
					);
				}
				sections.push({ blocks, grow: null });
			}
			fm.periods = months.map(([m, y]) => `${y}-${pad2(m)}`);
			sections.push({ blocks: [H(2, 'หมายเหตุ'), P(paragraph(rng, 1, 2))], grow: paraGrow(ctx) });
			break;
		}
		default: {
			sections.push({
				blocks: [
					H(2, heading),
					P(paragraph(rng)),
					P(`[${p.title} (pdf)](${ctx.doc(kind === 'procurement-plan' ? 'plan' : 'report')})`),
				],
				grow: paraGrow(ctx),
			});
			if (kind === 'procurement-annual')
				sections.push({
					blocks: [
						H(2, 'ผลการวิเคราะห์ ปัญหา อุปสรรค และข้อเสนอแนะ'),
						OL(Array.from({ length: 3 }, () => sentence(rng))),
					],
					grow: (sc) => sc.blocks.find((b) => b.t === 'ol').items.push(sentence(rng)),
				});
		}
	}
	if (rng.chance(0.3)) sections.push(noteSection(ctx));
	return { fm, sections };
}

// --- e-service

function buildEService(ctx) {
	const { rng, p } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const [name, slug] = p.extra.sys;
	const url = `${ctx.has('insecure') ? 'http' : 'https'}://${slug}.${p.agency.domain.split('/')[0].replace(/^www\./, '')}/`;
	Object.assign(fm, {
		service_name: name,
		url,
		channel: rng.pick(['web', 'web', 'both', 'mobile']),
		interactive: true,
		target_users: rng.pick(['ประชาชนทั่วไป', 'ผู้ประกอบการ', 'บุคลากรในสังกัดและประชาชน']),
		hours: 'ตลอด 24 ชั่วโมง',
		support_contact: `${phone(rng, p.agency.area)}`,
		privacy_notice: rng.chance(0.8) ? ctx.site('privacy') : undefined,
	});
	const sections = [];
	sections.push({
		blocks: [
			H(2, rng.pick(['ระบบงานให้บริการในรูปแบบอิเล็กทรอนิกส์', 'E-Service'])),
			P(
				`${name}เป็นระบบที่${p.agency.name}พัฒนาขึ้นเพื่อให้ประชาชนสามารถ${rng.pick(['ยื่นคำขอ', 'ติดตามสถานะคำขอ', 'ชำระค่าธรรมเนียม'])}ได้ด้วยตนเองผ่านระบบออนไลน์ ${paragraph(rng, 1, 3)}`,
			),
			P(`เข้าใช้งานระบบ: [${name}](${url})`),
			P(ctx.img('banner', `ภาพหน้าจอ${name}`)),
		],
		grow: paraGrow(ctx),
	});
	sections.push({
		blocks: [
			H(2, 'วิธีการใช้งาน'),
			OL([
				'ลงทะเบียนสมัครสมาชิกด้วยอีเมลหรือ ThaID',
				'เข้าสู่ระบบด้วยชื่อผู้ใช้และรหัสผ่าน (สามารถกู้คืนรหัสผ่านได้)',
				'กรอกแบบฟอร์มอิเล็กทรอนิกส์ (e-Form) และแนบเอกสาร',
				'ตรวจสอบข้อมูลและกดยืนยันการส่งคำขอ',
				'ติดตามสถานะคำขอและพิมพ์ผลการพิจารณา',
			]),
		],
		grow: (sc) => sc.blocks.push(P(paragraph(rng, 1, 2))),
	});
	sections.push({
		blocks: [
			H(2, 'ติดต่อสอบถามการใช้งานระบบ'),
			UL([
				`โทรศัพท์: ${fm.support_contact}`,
				`อีเมล: [${p.agency.email}](mailto:${p.agency.email})`,
				...(fm.privacy_notice ? [`[นโยบายคุ้มครองข้อมูลส่วนบุคคล](${fm.privacy_notice})`] : []),
			]),
		],
		grow: null,
	});
	if (rng.chance(0.4)) sections.push(noteSection(ctx));
	return { fm, sections };
}

// --- web-stats

function buildWebStats(ctx) {
	const { rng, p } = ctx;
	const dates = pageDates(ctx);
	const fm = commonFm(ctx, dates);
	const asOf = dateBefore(dates.updated.days);
	fm.fiscal_year = fyFor(ctx, dates);
	Object.assign(fm, {
		stats_as_of: fmDate(rng, asOf),
		survey_url: `https://${p.agency.domain}/survey`,
		survey_period: rng.pick([
			`ต.ค. ${CURRENT_FY - 2} - มี.ค. ${CURRENT_FY - 1}`,
			`ปีงบประมาณ พ.ศ. ${CURRENT_FY - 1}`,
			`รอบ 6 เดือน ปีงบประมาณ ${CURRENT_FY - 1}`,
		]),
		respondents: rng.int(80, 2500),
		score: Number((3.5 + rng.float() * 1.5).toFixed(2)),
		scale: 5,
	});
	const sections = [];
	const total = rng.int(100000, 5000000);
	const statRows = [
		['ผู้ใช้งานออนไลน์', rng.int(1, 60)],
		['วันนี้', rng.int(50, 3000)],
		['เมื่อวาน', rng.int(50, 3000)],
		['สัปดาห์นี้', rng.int(500, 20000)],
		['เดือนนี้', rng.int(2000, 80000)],
		['ปีนี้', rng.int(20000, 900000)],
		['ทั้งหมด', total],
	].map(([k, v]) => [k, maybeThai(rng, fmtNum(v), 0.1)]);
	if (!ctx.has('missing-section') || rng.chance(0.5)) {
		sections.push({
			blocks: [
				H(2, 'สถิติการเข้าใช้บริการเว็บไซต์'),
				TABLE(['ช่วงเวลา', 'จำนวนผู้เข้าชม (ครั้ง)'], statRows),
				P(`เริ่มนับตั้งแต่ : ${fmtDate(dateBefore(rng.int(2500, 4000)), 'abbr')}`),
				P(`ข้อมูล ณ วันที่ ${bodyDate(rng, asOf)}`),
			],
			grow: paraGrow(ctx),
		});
	}
	if (!ctx.has('missing-section') || !sections.length) {
		const qs = [
			'ความสะดวกในการค้นหาข้อมูล',
			'ความถูกต้องและทันสมัยของข้อมูล',
			'ความรวดเร็วในการแสดงผล',
			'ความสวยงามและความเหมาะสมของการออกแบบ',
			'ประโยชน์ที่ได้รับจากเว็บไซต์',
			'ความพึงพอใจในภาพรวม',
		];
		sections.push({
			blocks: [
				H(2, 'ผลการประเมินความพึงพอใจ'),
				P(
					`ผลการสำรวจความพึงพอใจต่อการใช้บริการเว็บไซต์ ${fm.survey_period} ผู้ตอบแบบสอบถาม ${fmtNum(fm.respondents)} คน คะแนนเฉลี่ย ${fm.score} จากคะแนนเต็ม 5 (ร้อยละ ${(fm.score * 20).toFixed(2)})`,
				),
				TABLE(
					['ประเด็นการประเมิน', 'ค่าเฉลี่ย', 'ร้อยละ', 'ระดับความพึงพอใจ'],
					qs.map((q) => {
						const s = 3.5 + rng.float() * 1.5;
						return [q, s.toFixed(2), (s * 20).toFixed(2), s >= 4.5 ? 'มากที่สุด' : 'มาก'];
					}),
				),
				P(`ร่วมประเมินความพึงพอใจได้ที่ [แบบประเมินความพึงพอใจการใช้งานเว็บไซต์](${fm.survey_url})`),
			],
			grow: paraGrow(ctx),
		});
	}
	if (rng.chance(0.4)) sections.push(noteSection(ctx));
	return { fm, sections };
}

const BUILDERS = {
	'agency-info': buildAgencyInfo,
	law: buildLaw,
	knowledge: buildKnowledge,
	'web-links': buildWebLinks,
	'official-info': buildOfficialInfo,
	'sop-manual': buildSop,
	'citizen-manual': buildCitizen,
	news: buildNews,
	'e-service': buildEService,
	'web-stats': buildWebStats,
};

// ---------------------------------------------------------------------------------------------
// Page rendering

function renderPage(p, plan, seed) {
	const rng = new Rng(mixSeed(seed, p.i));
	const ctx = makeCtx(p, plan, rng);
	const { fm, sections, toc } = BUILDERS[p.topic](ctx);

	// The opening: H1 and an intro; pages with many H2s sometimes get a table of contents.
	const intro = { blocks: [H(1, p.title)], grow: null };
	if (rng.chance(0.6)) intro.blocks.push(P(paragraph(rng, 1, 3)));
	const h2count = sections.reduce((n, s) => n + s.blocks.filter((b) => b.t === 'h' && b.level === 2).length, 0);
	if ((toc || rng.chance(0.1)) && h2count >= 4) intro.blocks.push(TOC());
	if (ctx.has('pii')) {
		const where = sections.find((s) => s.grow) ?? sections[0];
		where.blocks.push(P(`ผู้ยื่นคำร้อง ${person(rng)} เลขประจำตัวประชาชน ${maybeThai(rng, nationalId(rng), 0.3)}`));
	}
	if (rng.chance(0.015))
		intro.blocks.push(
			RAW('<!-- disclosure-lint-disable-next-line image-alt-missing -- รูปตกแต่งหัวเรื่อง -->'),
			P(`![](${ctx.rel('assets/img/banner-1.png')})`),
		);
	const all = [intro, ...sections];
	// Footer: attribution line, as many CMS templates print it.
	const footer = {
		blocks: [
			RAW('---'),
			P(
				`${rng.pick(['ข้อมูล ณ วันที่', 'ปรับปรุงข้อมูลเมื่อ', 'วันที่เผยแพร่'])} ${bodyDate(rng, dateBefore(Math.max(0, pageDatesDays(fm))))} ${rng.chance(0.5) ? `โดย ${fm.responsible}` : ''}`.trim(),
			),
		],
		grow: null,
	};
	all.push(footer);

	const fmText = emitYaml(rng, fm);
	const long = p.i % LONG_EVERY === LONG_EVERY - 1;
	const [minBody, maxBody] = long ? [LONG_MIN_BODY, LONG_MAX_BODY] : [MIN_BODY, MAX_BODY];
	const target = minBody + Math.floor(Math.pow(rng.float(), 1.6) * (maxBody - minBody));
	for (const s of all) s.size = Buffer.byteLength(renderSection(s)) + 2;
	let size = all.reduce((n, s) => n + s.size, 0);
	const growable = all.filter((s) => s.grow);
	for (let k = 0; k < 1200 && size < target && growable.length; k++) {
		const s = rng.pick(growable);
		const before = structuredClone(s.blocks);
		s.grow(s);
		const nsize = Buffer.byteLength(renderSection(s)) + 2;
		if (size + nsize - s.size > maxBody) {
			s.blocks = before;
			break;
		}
		size += nsize - s.size;
		s.size = nsize;
	}

	// Table of contents: GitHub slugs of the H2s, in document order.
	const slugger = new GithubSlugger();
	const tocItems = [];
	for (const s of all)
		for (const b of s.blocks) {
			if (b.t !== 'h') continue;
			const slug = slugger.slug(b.text);
			if (b.level === 2) tocItems.push(`[${b.text}](#${slug})`);
		}
	// The contents list repeats every H2 (and its slug): keep it only where the page stays in budget.
	const tocBytes = Buffer.byteLength(renderBlock(TOC(), tocItems));
	if (size + tocBytes > maxBody) intro.blocks = intro.blocks.filter((b) => b.t !== 'toc');
	const body = all.map((s) => s.blocks.map((b) => renderBlock(b, tocItems)).join('\n\n')).join('\n\n');
	let text = `---\n${fmText}\n---\n\n${body}\n`;
	if (p.crlf) text = text.replace(/\n/g, '\r\n');
	if (p.bom) text = '\uFEFF' + text;
	return text;
}

function pageDatesDays(fm) {
	// The footer date: the day `updated` says, when it is an ISO date; otherwise a recent day.
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fm.updated ?? '');
	if (!m) return 3;
	const t = Date.UTC(Number(m[1]) - 543, Number(m[2]) - 1, Number(m[3]));
	return Math.round((TODAY_MS - t) / DAY_MS);
}

// ---------------------------------------------------------------------------------------------
// Configs for the other tools

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

function writeToolConfigs(dir) {
	const abs = path.resolve(dir);
	const schemaRel = path.relative(abs, SCHEMA_PATH).split(path.sep).join('/');
	// remark-cli resolves plugin names from the config file's folder: names work inside the
	// project (node_modules is found upwards); elsewhere, point at the installed files.
	const inside = !path.relative(PROJECT_ROOT, abs).startsWith('..');
	const plugin = (name) => (inside ? name : fileURLToPath(import.meta.resolve(name)));
	const remarkrc = {
		plugins: [
			plugin('remark-frontmatter'),
			plugin('remark-gfm'),
			[plugin('remark-lint-frontmatter-schema'), { schemas: { [schemaRel]: ['**/*.md'] } }],
		],
	};
	fs.writeFileSync(path.join(dir, '.remarkrc.json'), JSON.stringify(remarkrc, null, 2) + '\n');
	fs.writeFileSync(
		path.join(dir, '.markdownlint-cli2.jsonc'),
		'// Defaults only: the benchmark compares against markdownlint-cli2 as shipped.\n{\n  "config": {\n    "default": true\n  }\n}\n',
	);
}

// ---------------------------------------------------------------------------------------------

/**
 * Write `pages` pages (plus assets and tool configs) into `dir`, which should be empty or absent.
 * @returns {{ files: number, bytes: number, assetBytes: number, topics: Record<string, number>, defects: Record<string, number> }}
 *   files and bytes count the Markdown pages only.
 */
export function generateCorpus(dir, { pages = 2000, seed = 42 } = {}) {
	fs.mkdirSync(dir, { recursive: true });
	const plan = planCorpus(pages, seed);
	let bytes = 0;
	const topics = {};
	const defects = {};
	const made = new Set();
	for (const p of plan) {
		const text = renderPage(p, plan, seed);
		const abs = path.join(dir, p.file);
		const d = path.dirname(abs);
		if (!made.has(d)) {
			fs.mkdirSync(d, { recursive: true });
			made.add(d);
		}
		fs.writeFileSync(abs, text);
		bytes += Buffer.byteLength(text);
		topics[p.topic] = (topics[p.topic] ?? 0) + 1;
		if (p.defect) defects[p.defect] = (defects[p.defect] ?? 0) + 1;
	}
	const assetBytes = writeAssets(dir);
	writeToolConfigs(dir);
	return { files: plan.length, bytes, assetBytes, topics, defects };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const dir = args.find((a, i) => !a.startsWith('--') && !/^--/.test(args[i - 1] ?? ''));
	const opt = (name, def) => {
		const i = args.indexOf(name);
		return i >= 0 ? Number(args[i + 1]) : def;
	};
	if (!dir) {
		console.error('usage: node scripts/bench/corpus.mjs <dir> [--pages N] [--seed S]');
		process.exit(2);
	}
	const t0 = performance.now();
	const res = generateCorpus(dir, { pages: opt('--pages', 2000), seed: opt('--seed', 42) });
	console.log(JSON.stringify({ ...res, ms: Math.round(performance.now() - t0) }, null, 2));
}
