import type { Rule } from './types';
import type { FreshnessOptions } from '../facts';
import { addDays, daysBetween, fiscalYearOf, formatDate } from '../thai/dates';
import { normalizeThai } from '../thai/normalize';

type MessageIds =
	| 'age'
	| 'fiscalYear'
	| 'sectionFiscalYear'
	| 'sectionFiscalYearMissing'
	| 'dateFiscalYear'
	| 'dateFiscalYearOrPrevious'
	| 'fiscalYearOrPrevious';

/**
 * Older than the topic allows: days since `updated`, or a fiscal year that is not current. The
 * allowed age (the topic's freshness with this rule's options on top) is `Facts.freshness`, which
 * the compliance report shares.
 */
export const contentStale: Rule<MessageIds, FreshnessOptions> = {
	id: 'content-stale',
	tags: ['freshness'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'page',
	description: { th: 'ข้อมูลเก่าเกินกว่าที่หัวข้อกำหนด', en: 'Content older than the topic allows' },
	options: {
		type: 'object',
		additionalProperties: false,
		properties: {
			maxAgeDays: {
				description:
					'Days `updated` may lie behind today: a number for every topic, or per topic id; null: no limit.',
				anyOf: [
					{ type: 'integer', minimum: 1 },
					{ type: 'null' },
					{
						type: 'object',
						additionalProperties: { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] },
					},
				],
			},
			fiscalYear: {
				description:
					'Whether the fiscal year must be the current one or may also be the previous: for every topic, or per topic id.',
				anyOf: [
					{ enum: ['current', 'current-or-previous', null] },
					{ type: 'object', additionalProperties: { enum: ['current', 'current-or-previous', null] } },
				],
			},
		},
	},
	messages: {
		age: {
			th: 'ปรับปรุงล่าสุดเมื่อ {value} ผ่านมา {days} วันแล้ว แต่หน้าหัวข้อนี้ต้องทบทวนอย่างน้อยทุก {max} วัน (ครบกำหนดเมื่อ {due}) ให้ทบทวนเนื้อหา แล้วแก้ updated เป็นวันที่ปรับปรุง',
			en: 'Last updated {value}, {days} days ago; this topic must be reviewed at least every {max} days (due {due})',
		},
		fiscalYear: {
			th: 'ปีงบประมาณ {year} ไม่ใช่ปีงบประมาณปัจจุบัน ({current}) ให้ปรับปรุงเนื้อหาเป็นของปีงบประมาณ {current} แล้วแก้ fiscal_year ให้ตรงกัน',
			en: 'Fiscal year {year} is not the current fiscal year ({current}); update the content for fiscal year {current}',
		},
		sectionFiscalYear: {
			th: 'หัวข้อย่อย "{heading}" เป็นข้อมูลปีงบประมาณ {year} ให้ปรับปรุงเป็นข้อมูลปีงบประมาณปัจจุบัน ({current})',
			en: 'The section "{heading}" is for fiscal year {year}; it must be for the current fiscal year ({current})',
		},
		sectionFiscalYearMissing: {
			th: 'หัวข้อย่อย "{heading}" ต้องระบุปีงบประมาณ เช่น "ประจำปีงบประมาณ พ.ศ. {current}"',
			en: 'The section "{heading}" must name its fiscal year, e.g. "ประจำปีงบประมาณ พ.ศ. {current}"',
		},
		dateFiscalYear: {
			th: 'หน้านี้ลงวันที่ {value} ซึ่งอยู่ในปีงบประมาณ {year} ไม่ใช่ปีงบประมาณปัจจุบัน ({current}) ให้ปรับปรุงเนื้อหาเป็นของปีงบประมาณ {current}',
			en: 'This page is dated {value}, in fiscal year {year}, not the current fiscal year ({current}); update the content for fiscal year {current}',
		},
		dateFiscalYearOrPrevious: {
			th: 'หน้านี้ลงวันที่ {value} ซึ่งอยู่ในปีงบประมาณ {year} เก่าเกินไป หน้าหัวข้อนี้ต้องเป็นข้อมูลปีงบประมาณปัจจุบัน ({current}) หรือปีงบประมาณก่อนหน้า ให้ปรับปรุงเนื้อหา',
			en: 'This page is dated {value}, in fiscal year {year}, older than the current fiscal year ({current}) and the one before; update the content',
		},
		fiscalYearOrPrevious: {
			th: 'ปีงบประมาณ {year} เก่าเกินไป หน้าหัวข้อนี้ต้องเป็นข้อมูลปีงบประมาณปัจจุบัน ({current}) หรือปีงบประมาณก่อนหน้า ให้ปรับปรุงเนื้อหา แล้วแก้ fiscal_year ให้ตรงกัน',
			en: 'Fiscal year {year} is older than the current fiscal year ({current}) and the one before; update the content',
		},
	},
	check(ctx, report) {
		if (!ctx.topic || !ctx.data) return;
		const f = ctx.facts.freshness(ctx.options);
		// The oldest fiscal year still current enough, for the page and for its sections.
		const current = fiscalYearOf(ctx.today);
		const oldest = f.fiscalYear === 'current-or-previous' ? current - 1 : current;
		let sectionStale = false;
		for (const spec of ctx.facts.disclosure()?.sections ?? []) {
			const m = spec.fiscalYear ? ctx.facts.sections().byId.get(spec.id) : undefined;
			if (!m || !m.hasContent || m.explicitNone) continue;
			const heading = m.headingText;
			const text = normalizeThai(`${heading}\n${m.text}`).text;
			const named = [...text.matchAll(/ปีงบประมาณ\s*(?:พ\.?\s?ศ\.?)?\s*(\d{4})/gu)].map((x) => Number(x[1]));
			const years = named.length
				? named
				: [...text.matchAll(/(?<!\d)(2[45]\d\d)(?!\d)/gu)].map((x) => Number(x[1]));
			if (!years.length) {
				report({
					messageId: 'sectionFiscalYearMissing',
					args: { heading, current },
					start: m.headingStart,
					end: m.headingEnd,
				});
				continue;
			}
			const newest = Math.max(...years);
			if (newest < oldest) {
				sectionStale = true;
				report({
					messageId: 'sectionFiscalYear',
					args: { heading, year: newest, current },
					start: m.headingStart,
					end: m.headingEnd,
				});
			}
		}
		// The page's fiscal year, stated or read from its date (docs/page-model.md); a stale section already said it.
		const fy = f.fiscalYear && !sectionStale ? ctx.facts.fiscalYear() : undefined;
		const pageStale = fy !== undefined && fy.year < oldest;
		if (fy && pageStale) {
			const args = { year: fy.year, current, value: fy.date?.raw ?? '' };
			const messageId =
				fy.from === 'date'
					? f.fiscalYear === 'current'
						? 'dateFiscalYear'
						: 'dateFiscalYearOrPrevious'
					: f.fiscalYear === 'current'
						? 'fiscalYear'
						: 'fiscalYearOrPrevious';
			report({ messageId, args, start: fy.start, end: fy.end });
		}
		// Not reviewed in time; when the page's or a section's fiscal year already says it is old, that one finding explains it.
		const updated = ctx.facts.dateAt('updated');
		if (!pageStale && !sectionStale && f.maxAgeDays != null && updated?.match?.date) {
			const days = daysBetween(updated.match.date, ctx.today);
			if (days > f.maxAgeDays) {
				report({
					messageId: 'age',
					start: updated.start,
					end: updated.end,
					args: {
						value: updated.raw,
						days,
						max: f.maxAgeDays,
						due: formatDate(addDays(updated.match.date, f.maxAgeDays), updated.match.format),
					},
				});
			}
		}
	},
};
