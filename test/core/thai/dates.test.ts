import { strict as assert } from 'node:assert';
import {
	addDays,
	compareDates,
	daysBetween,
	findDates,
	fiscalYearEnd,
	fiscalYearOf,
	fiscalYearStart,
	formatDate,
	isValidDate,
	monthNumber,
	parseDate,
	parseIsoDay,
	todayInBangkok,
	toIsoCE,
	yearToCE,
	type CalendarDate,
	type DateFormatInfo,
	type DateMatch,
	type DateProblem,
} from '../../../server/src/core/thai/dates';

function cd(year: number, month: number, day: number): CalendarDate {
	return { year, month, day };
}

const LONG: DateFormatInfo = { style: 'th-long', era: 'BE', eraMarker: false, thaiDigits: false, dayPrefix: false };

/** The essentials of a match, for compact expectations. */
function brief(m: DateMatch): { raw: string; date: string | null; style: string; problems: string[] } {
	return {
		raw: m.raw,
		date: m.date === null ? null : toIsoCE(m.date),
		style: m.format.style,
		problems: m.problems.map((p) => p.kind),
	};
}

describe('thai/dates', () => {
	describe('monthNumber (DOMAIN §4.3)', () => {
		const full = [
			'มกราคม',
			'กุมภาพันธ์',
			'มีนาคม',
			'เมษายน',
			'พฤษภาคม',
			'มิถุนายน',
			'กรกฎาคม',
			'สิงหาคม',
			'กันยายน',
			'ตุลาคม',
			'พฤศจิกายน',
			'ธันวาคม',
		];
		const abbr = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
		const noDot = ['มค', 'กพ', 'มีค', 'เมย', 'พค', 'มิย', 'กค', 'สค', 'กย', 'ตค', 'พย', 'ธค'];
		const en = [
			'January',
			'February',
			'March',
			'April',
			'May',
			'June',
			'July',
			'August',
			'September',
			'October',
			'November',
			'December',
		];
		for (let i = 0; i < 12; i++) {
			it(`month ${i + 1}: ${full[i]} ${abbr[i]} ${noDot[i]} ${en[i]}`, () => {
				assert.equal(monthNumber(full[i]), i + 1);
				assert.equal(monthNumber(abbr[i]), i + 1);
				assert.equal(monthNumber(noDot[i]), i + 1);
				assert.equal(monthNumber(en[i]), i + 1);
				assert.equal(monthNumber(en[i].slice(0, 3)), i + 1);
				assert.equal(monthNumber(en[i].toUpperCase()), i + 1);
			});
		}
		const more: [string, number][] = [
			['กย.', 9], // partial dots
			['ก.ค', 7],
			['มี.ค', 3],
			['กรกฏาคม', 7], // misspelling, accepted
			['Sept', 9],
			['Sept.', 9],
			['Sep.', 9],
			['jan', 1],
			['ก.พ.ร.', 0],
			['มคอ', 0],
			['พ.ศ.', 0],
			['Ma', 0],
			['', 0],
			['เดือน', 0],
		];
		for (const [token, n] of more) {
			it(`${JSON.stringify(token)} → ${n}`, () => {
				assert.equal(monthNumber(token), n);
			});
		}
	});

	describe('yearToCE (DOMAIN §4.2)', () => {
		const cases: [number, 'BE' | 'CE' | undefined, number][] = [
			[2541, undefined, 1998],
			[2567, undefined, 2024],
			[2400, undefined, 1857],
			[2024, undefined, 2024],
			[1900, undefined, 1900],
			[2200, undefined, 2200],
			[67, undefined, 2024],
			[2024, 'BE', 1481], // an explicit marker wins
			[2567, 'CE', 2567],
			[2567, 'BE', 2024],
			[67, 'BE', 2024],
			[24, 'CE', 2024],
		];
		for (const [y, era, ce] of cases) {
			it(`${y} ${era ?? '(no era)'} → ${ce}`, () => {
				assert.equal(yearToCE(y, era), ce);
			});
		}
		for (const y of [2201, 2300, 2399, 1899, 100, 999, -5, 2567.5]) {
			it(`${y} → NaN`, () => {
				assert.ok(Number.isNaN(yearToCE(y)));
			});
		}
	});

	describe('calendar arithmetic', () => {
		it('isValidDate: leap years on the CE year (DOMAIN §4.2)', () => {
			assert.equal(isValidDate(cd(2024, 2, 29)), true); // 29 ก.พ. 2567
			assert.equal(isValidDate(cd(2023, 2, 29)), false); // 29 ก.พ. 2566
			assert.equal(isValidDate(cd(2000, 2, 29)), true); // 2543
			assert.equal(isValidDate(cd(1900, 2, 29)), false); // 2443
			assert.equal(isValidDate(cd(2024, 4, 31)), false);
			assert.equal(isValidDate(cd(2024, 13, 1)), false);
			assert.equal(isValidDate(cd(2024, 0, 1)), false);
			assert.equal(isValidDate(cd(2024, 1, 0)), false);
			assert.equal(isValidDate(cd(2024, 1, 1.5)), false);
			assert.equal(isValidDate(cd(2024, 12, 31)), true);
		});
		it('compareDates', () => {
			assert.ok(compareDates(cd(2024, 1, 1), cd(2024, 1, 2)) < 0);
			assert.ok(compareDates(cd(2024, 2, 1), cd(2024, 1, 31)) > 0);
			assert.ok(compareDates(cd(2023, 12, 31), cd(2024, 1, 1)) < 0);
			assert.equal(compareDates(cd(2024, 5, 5), cd(2024, 5, 5)), 0);
		});
		it('daysBetween and addDays', () => {
			assert.equal(daysBetween(cd(2024, 1, 1), cd(2025, 1, 1)), 366);
			assert.equal(daysBetween(cd(2023, 1, 1), cd(2024, 1, 1)), 365);
			assert.equal(daysBetween(cd(2024, 3, 1), cd(2024, 2, 28)), -2);
			assert.equal(daysBetween(cd(1970, 1, 1), cd(1970, 1, 1)), 0);
			assert.deepEqual(addDays(cd(2024, 2, 28), 1), cd(2024, 2, 29));
			assert.deepEqual(addDays(cd(2024, 2, 28), 2), cd(2024, 3, 1));
			assert.deepEqual(addDays(cd(2024, 12, 31), 1), cd(2025, 1, 1));
			assert.deepEqual(addDays(cd(2024, 1, 1), -1), cd(2023, 12, 31));
			assert.deepEqual(addDays(cd(2000, 1, 1), 36524), cd(2099, 12, 31));
		});
		it('agrees with Date over 150 years', () => {
			const base = cd(1950, 1, 1);
			for (let n = 0; n < 55000; n += 37) {
				const d = new Date(Date.UTC(1950, 0, 1 + n));
				const expected = cd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
				assert.deepEqual(addDays(base, n), expected);
				assert.equal(daysBetween(base, expected), n);
			}
		});
		it('toIsoCE', () => {
			assert.equal(toIsoCE(cd(2024, 10, 1)), '2024-10-01');
			assert.equal(toIsoCE(cd(999, 1, 2)), '0999-01-02');
		});
		it('todayInBangkok: UTC+7, no daylight saving', () => {
			assert.deepEqual(todayInBangkok(new Date('2024-09-30T16:59:59Z')), cd(2024, 9, 30));
			assert.deepEqual(todayInBangkok(new Date('2024-09-30T17:00:00Z')), cd(2024, 10, 1));
			assert.deepEqual(todayInBangkok(new Date('2024-12-31T23:00:00+07:00')), cd(2024, 12, 31));
			assert.deepEqual(todayInBangkok(new Date('2024-06-15T12:00:00Z')), cd(2024, 6, 15));
			const now = todayInBangkok();
			assert.ok(isValidDate(now));
		});
		it('parseIsoDay: strict CE YYYY-MM-DD', () => {
			assert.deepEqual(parseIsoDay('2024-10-01'), cd(2024, 10, 1));
			assert.deepEqual(parseIsoDay('2024-02-29'), cd(2024, 2, 29));
			for (const s of [
				'2023-02-29',
				'2024-13-01',
				'2024-1-01',
				'2024-10-01T00:00',
				' 2024-10-01',
				'2567-10-01',
				'01/10/2024',
				'',
				'today',
			]) {
				assert.equal(parseIsoDay(s), null, s);
			}
		});
		it('fiscal year (DOMAIN §4.2)', () => {
			assert.equal(fiscalYearOf(cd(2024, 10, 1)), 2568);
			assert.equal(fiscalYearOf(cd(2024, 9, 30)), 2567);
			assert.equal(fiscalYearOf(cd(2020, 10, 1)), 2564);
			assert.equal(fiscalYearOf(cd(2021, 9, 30)), 2564);
			assert.deepEqual(fiscalYearStart(2564), cd(2020, 10, 1));
			assert.deepEqual(fiscalYearEnd(2564), cd(2021, 9, 30));
			assert.deepEqual(fiscalYearStart(2568), cd(2024, 10, 1));
		});
	});

	describe('findDates: DOMAIN §4.5 examples', () => {
		const cases: [string, { raw: string; date: string | null; style: string; problems: string[] }[]][] = [
			[
				'วันที่ 27 พฤศจิกายน 2566 เวลา 07.00 น.',
				[{ raw: 'วันที่ 27 พฤศจิกายน 2566', date: '2023-11-27', style: 'th-long', problems: [] }],
			],
			['29 ก.ย. 2568', [{ raw: '29 ก.ย. 2568', date: '2025-09-29', style: 'th-medium', problems: [] }]],
			['24 กย.2556', [{ raw: '24 กย.2556', date: '2013-09-24', style: 'th-medium', problems: [] }]],
			['5 ก.ค 2567', [{ raw: '5 ก.ค 2567', date: '2024-07-05', style: 'th-medium', problems: [] }]],
			['ลว. 16 ธันวาคม 2562', [{ raw: '16 ธันวาคม 2562', date: '2019-12-16', style: 'th-long', problems: [] }]],
			['ลงวันที่ 31 ม.ค. 2545', [{ raw: '31 ม.ค. 2545', date: '2002-01-31', style: 'th-medium', problems: [] }]],
			[
				'๑๖ มกราคม พ.ศ. ๒๕๕๘',
				[{ raw: '๑๖ มกราคม พ.ศ. ๒๕๕๘', date: '2015-01-16', style: 'th-long', problems: [] }],
			],
			[
				'วันอังคารที่ 1 ตุลาคม พ.ศ. 2567',
				[{ raw: 'วันอังคารที่ 1 ตุลาคม พ.ศ. 2567', date: '2024-10-01', style: 'th-full', problems: [] }],
			],
			[
				'เริ่มนับตั้งแต่ : 20 ส.ค. 2559',
				[{ raw: '20 ส.ค. 2559', date: '2016-08-20', style: 'th-medium', problems: [] }],
			],
			['13/10/2559', [{ raw: '13/10/2559', date: '2016-10-13', style: 'numeric', problems: [] }]],
			['13-10-2559', [{ raw: '13-10-2559', date: '2016-10-13', style: 'numeric', problems: [] }]],
			['13.10.2559', [{ raw: '13.10.2559', date: '2016-10-13', style: 'numeric', problems: [] }]],
			['1/10/2024', [{ raw: '1/10/2024', date: '2024-10-01', style: 'numeric', problems: [] }]],
			['9/25/13', [{ raw: '9/25/13', date: null, style: 'numeric', problems: ['ambiguous-numeric'] }]],
			[
				'2019-05-28T14:57:58+07:00',
				[{ raw: '2019-05-28T14:57:58+07:00', date: '2019-05-28', style: 'iso', problems: [] }],
			],
			['2568-01-15', [{ raw: '2568-01-15', date: '2025-01-15', style: 'iso', problems: [] }]],
			['16 March 2565', [{ raw: '16 March 2565', date: '2022-03-16', style: 'en', problems: [] }]],
			['16 Sept. 2565', [{ raw: '16 Sept. 2565', date: '2022-09-16', style: 'en', problems: [] }]],
			['ปี 61 – 62', []],
			[
				'1 มี.ค. 2567 และ 1 ม.ค. 2567',
				[
					{ raw: '1 มี.ค. 2567', date: '2024-03-01', style: 'th-medium', problems: [] },
					{ raw: '1 ม.ค. 2567', date: '2024-01-01', style: 'th-medium', problems: [] },
				],
			],
			[
				'วันพุธที่ 30 พฤษภาคม พ.ศ. 2561',
				[{ raw: 'วันพุธที่ 30 พฤษภาคม พ.ศ. 2561', date: '2018-05-30', style: 'th-full', problems: [] }],
			],
			[
				'วันพฤหัสบดีที่ 10 ตุลาคม 2567',
				[{ raw: 'วันพฤหัสบดีที่ 10 ตุลาคม 2567', date: '2024-10-10', style: 'th-full', problems: [] }],
			],
			['1 ม.ค. พ.ศ.2561', [{ raw: '1 ม.ค. พ.ศ.2561', date: '2018-01-01', style: 'th-medium', problems: [] }]],
			[
				'พระราชบัญญัติข้อมูลข่าวสารของราชการ 2 กันยายน พุทธศักราช ๒๕๔๐',
				[{ raw: '2 กันยายน พุทธศักราช ๒๕๔๐', date: '1997-09-02', style: 'th-long', problems: [] }],
			],
		];
		for (const [text, expected] of cases) {
			it(JSON.stringify(text), () => {
				assert.deepEqual(findDates(text).map(brief), expected);
			});
		}
	});

	describe('findDates: DOMAIN §4.5 negative cases', () => {
		for (const text of [
			'สำนักงาน ก.พ. 2560',
			'ข้อ 3 ก.พ.ร. 2560',
			'3 มคอ. 2',
			'มาตรา 9 พ.ศ. 2540',
			'27 พฤศจิกายน 25661',
			'199 มกราคม 2560',
			'1 ตุลาคม 256',
			'สิบ มกราคม 2560',
			'เวลา 08.30 น.',
			'1/2567',
			'ISBN 978-616-123',
			'',
		]) {
			it(`${JSON.stringify(text)}: no date`, () => {
				assert.deepEqual(findDates(text), []);
			});
		}
	});

	describe('findDates: problems', () => {
		const cases: [string, DateProblem[], string | null][] = [
			['31 เมษายน 2567', [{ kind: 'nonexistent' }], null],
			['29 ก.พ. 2566', [{ kind: 'nonexistent' }], null],
			['29 ก.พ. 2567', [], '2024-02-29'],
			['29 ก.พ. 2543', [], '2000-02-29'],
			['29 ก.พ. 2443', [{ kind: 'nonexistent' }], null],
			['1/13/2567', [{ kind: 'nonexistent' }], null],
			['2567-13-01', [{ kind: 'nonexistent' }], null],
			['0 มกราคม 2567', [{ kind: 'nonexistent' }], null],
			['1 ตุลาคม พ.ศ. 2024', [{ kind: 'era-mismatch', marker: 'BE', year: 2024 }], '2024-10-01'],
			['1 ตุลาคม ค.ศ. 2567', [{ kind: 'era-mismatch', marker: 'CE', year: 2567 }], '2024-10-01'],
			['1 ตุลาคม 2024', [{ kind: 'ce-with-thai-month' }], '2024-10-01'],
			['1 ตุลาคม ค.ศ. 2024', [], '2024-10-01'],
			['1 October 2024', [], '2024-10-01'],
			['1 ต.ค. 67', [{ kind: 'two-digit-year' }], '2024-10-01'],
			['15 กรกฏาคม 2567', [{ kind: 'misspelled-month', written: 'กรกฏาคม', expected: 'กรกฎาคม' }], '2024-07-15'],
			[
				'วันจันทร์ที่ 1 ตุลาคม 2567',
				[{ kind: 'weekday-mismatch', written: 'วันจันทร์', expected: 'วันอังคาร' }],
				'2024-10-01',
			],
			['วันพฤหัสที่ 10 ตุลาคม 2567', [], '2024-10-10'],
			['1 ตุลาคม 2300', [{ kind: 'year-out-of-range', year: 2300 }], null],
			['1/10/1850', [{ kind: 'year-out-of-range', year: 1850 }], null],
			['1 ตุลาคม พ.ศ. 2300', [], '1757-10-01'],
		];
		for (const [text, problems, date] of cases) {
			it(JSON.stringify(text), () => {
				const found = findDates(text);
				assert.deepEqual(
					found.map((m) => m.raw),
					[text],
				);
				assert.deepEqual(found[0].problems, problems);
				assert.equal(found[0].date === null ? null : toIsoCE(found[0].date), date);
			});
		}
	});

	describe('findDates: format information and offsets', () => {
		it('reports era, marker, Thai digits and the วันที่ prefix', () => {
			const [m] = findDates('ประกาศ ณ วันที่ ๓๐ พฤษภาคม พ.ศ. ๒๕๖๑ ครับ');
			assert.deepEqual(m.format, {
				style: 'th-long',
				era: 'BE',
				eraMarker: true,
				thaiDigits: true,
				dayPrefix: true,
			});
			assert.equal(m.raw, 'วันที่ ๓๐ พฤษภาคม พ.ศ. ๒๕๖๑');
			assert.equal(m.start, 'ประกาศ ณ '.length);
			assert.equal(m.end, m.start + m.raw.length);
		});
		it('numeric separator and padding', () => {
			assert.deepEqual(findDates('01-10-2567')[0].format, {
				style: 'numeric',
				era: 'BE',
				eraMarker: false,
				thaiDigits: false,
				dayPrefix: false,
				separator: '-',
				padded: true,
			});
			assert.deepEqual(findDates('1.10.2024')[0].format, {
				style: 'numeric',
				era: 'CE',
				eraMarker: false,
				thaiDigits: false,
				dayPrefix: false,
				separator: '.',
				padded: false,
			});
		});
		it('maps offsets back to the original text across zero-width spaces and "ํา"', () => {
			const text = 'ทํา\u200Bงาน\u200B 1\u200B ตุลาคม 2567\u200B ต่อ';
			const [m] = findDates(text);
			assert.equal(m.raw, '1\u200B ตุลาคม 2567');
			assert.equal(text.slice(m.start, m.end), m.raw);
			assert.equal(m.start, text.indexOf('1'));
			assert.deepEqual(m.date, cd(2024, 10, 1));
		});
		it('reads a time right after the date (TIME_TH)', () => {
			const cases: [string, { hour: number; minute: number } | undefined][] = [
				['27 พฤศจิกายน 2566 เวลา 07.00 น.', { hour: 7, minute: 0 }],
				['1 ต.ค. 2567 ภายในเวลา 24.00 น.', { hour: 24, minute: 0 }],
				['1 ต.ค. 2567 เวลา 9.30 นาฬิกา', { hour: 9, minute: 30 }],
				['1 ต.ค. 2567, 13:45 น.', { hour: 13, minute: 45 }],
				['1 ต.ค. 2567 เวลา 24.30 น.', undefined],
				['1 ต.ค. 2567 10.30', undefined],
				['1 ต.ค. 2567 ถึง 10.30 น.', undefined],
			];
			for (const [text, time] of cases) {
				const [m] = findDates(text);
				assert.deepEqual(m.time, time, text);
				assert.equal(m.raw, /^.*?\d{4}/u.exec(text)?.[0]);
			}
		});
		it('finds several dates without overlaps, left to right', () => {
			const text = 'ระหว่าง 1 ต.ค. 2567 - 30 ก.ย. 2568 (ประกาศ 2567-09-15, แก้ไข 20/9/2567; 16 March 2565)';
			assert.deepEqual(
				findDates(text).map((m) => m.raw),
				['1 ต.ค. 2567', '30 ก.ย. 2568', '2567-09-15', '20/9/2567', '16 March 2565'],
			);
		});
		it('a line break inside a date is allowed once, a blank line is not', () => {
			assert.deepEqual(findDates('วันที่ 27\nพฤศจิกายน 2566').map(brief), [
				{ raw: 'วันที่ 27\nพฤศจิกายน 2566', date: '2023-11-27', style: 'th-long', problems: [] },
			]);
			assert.deepEqual(findDates('วันที่ 27\n\nพฤศจิกายน 2566'), []);
		});
	});

	describe('parseDate (SPEC §3.2)', () => {
		const good: [string, string, DateFormatInfo['style'], Partial<DateFormatInfo>][] = [
			['30 พฤษภาคม 2561', '2018-05-30', 'th-long', { eraMarker: false }],
			['30 พ.ค. 2561', '2018-05-30', 'th-medium', {}],
			[
				'วันที่ ๓๐ พฤษภาคม พ.ศ. ๒๕๖๑',
				'2018-05-30',
				'th-long',
				{ dayPrefix: true, eraMarker: true, thaiDigits: true },
			],
			['วันพุธที่ 30 พฤษภาคม พ.ศ. 2561', '2018-05-30', 'th-full', { eraMarker: true }],
			['2567-10-01', '2024-10-01', 'iso', { era: 'BE' }],
			['2024-10-01', '2024-10-01', 'iso', { era: 'CE' }],
			['  2024-10-01\n', '2024-10-01', 'iso', {}],
			['๒๕๖๗-๑๐-๐๑', '2024-10-01', 'iso', { thaiDigits: true }],
			['13/10/2559', '2016-10-13', 'numeric', {}],
			['16 March 2565', '2022-03-16', 'en', { era: 'BE' }],
			['1\u00A0ตุลาคม\u00A02567', '2024-10-01', 'th-long', {}],
		];
		for (const [value, iso, style, format] of good) {
			it(`${JSON.stringify(value)} → ${iso}`, () => {
				const m = parseDate(value);
				assert.ok(m !== null);
				assert.equal(m.date === null ? null : toIsoCE(m.date), iso);
				assert.equal(m.format.style, style);
				assert.deepEqual(m.problems, []);
				for (const [k, v] of Object.entries(format)) {
					assert.equal(m.format[k as keyof DateFormatInfo], v, k);
				}
				assert.equal(value.slice(m.start, m.end), m.raw);
			});
		}

		it('accepts a trailing time, outside the range', () => {
			const m = parseDate('วันที่ 27 พฤศจิกายน 2566 เวลา 07.00 น.');
			assert.ok(m !== null);
			assert.deepEqual(m.time, { hour: 7, minute: 0 });
			assert.equal(m.raw, 'วันที่ 27 พฤศจิกายน 2566');
		});

		it('reads ISO times and converts other zones to Bangkok', () => {
			const a = parseDate('2019-05-28T14:57:58+07:00');
			assert.deepEqual(a?.date, cd(2019, 5, 28));
			assert.deepEqual(a?.time, { hour: 14, minute: 57 });
			const b = parseDate('2024-09-30T20:00:00Z');
			assert.deepEqual(b?.date, cd(2024, 10, 1));
			assert.deepEqual(b?.time, { hour: 3, minute: 0 });
			const c = parseDate('2024-10-01 00:30-0200');
			assert.deepEqual(c?.date, cd(2024, 10, 1));
			assert.deepEqual(c?.time, { hour: 9, minute: 30 });
			const d = parseDate('2024-10-01T10:30');
			assert.deepEqual(d?.time, { hour: 10, minute: 30 });
		});

		it('returns the problems of a date that does not exist', () => {
			const m = parseDate('31 เมษายน 2567');
			assert.ok(m !== null);
			assert.equal(m.date, null);
			assert.deepEqual(m.problems, [{ kind: 'nonexistent' }]);
			assert.deepEqual(parseDate('1/10/67')?.problems, [{ kind: 'ambiguous-numeric' }]);
		});

		for (const value of [
			'',
			'   ',
			'2567',
			'1 ตุลาคม',
			'ตุลาคม 2567',
			'hello',
			'1 ตุลาคม 2567 (แก้ไข)',
			'ลงวันที่ 1 ตุลาคม 2567',
			'1 ตุลาคม 2567 และ 2 ตุลาคม 2567',
			'2567-10-01x',
			'สำนักงาน ก.พ. 2560',
		]) {
			it(`${JSON.stringify(value)} → null`, () => {
				assert.equal(parseDate(value), null);
			});
		}
	});

	describe('formatDate', () => {
		const d = cd(2024, 10, 1);
		const cases: [DateFormatInfo, string][] = [
			[
				{ style: 'th-full', era: 'BE', eraMarker: true, thaiDigits: false, dayPrefix: false },
				'วันอังคารที่ 1 ตุลาคม พ.ศ. 2567',
			],
			[
				{ style: 'th-full', era: 'BE', eraMarker: true, thaiDigits: true, dayPrefix: false },
				'วันอังคารที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗',
			],
			[
				{ style: 'th-full', era: 'CE', eraMarker: true, thaiDigits: false, dayPrefix: false },
				'วันอังคารที่ 1 ตุลาคม ค.ศ. 2024',
			],
			[LONG, '1 ตุลาคม 2567'],
			[{ ...LONG, dayPrefix: true, eraMarker: true }, 'วันที่ 1 ตุลาคม พ.ศ. 2567'],
			[{ ...LONG, style: 'th-medium' }, '1 ต.ค. 2567'],
			[{ ...LONG, style: 'th-medium', thaiDigits: true }, '๑ ต.ค. ๒๕๖๗'],
			[{ ...LONG, style: 'numeric' }, '1/10/2567'],
			[{ ...LONG, style: 'numeric', separator: '-', padded: true }, '01-10-2567'],
			[{ ...LONG, style: 'iso' }, '2567-10-01'],
			[{ ...LONG, style: 'iso', era: 'CE' }, '2024-10-01'],
			[{ ...LONG, style: 'en' }, '1 October 2567'],
		];
		for (const [format, expected] of cases) {
			it(expected, () => {
				assert.equal(formatDate(d, format), expected);
			});
		}
		it('rewrites a date in the style it was parsed from', () => {
			for (const s of [
				'วันที่ 5 มีนาคม พ.ศ. 2568',
				'๕ มี.ค. ๒๕๖๘',
				'05/03/2568',
				'5.3.2025',
				'2568-03-05',
				'5 March 2568',
				'วันพุธที่ 5 มีนาคม 2568',
			]) {
				const m = parseDate(s);
				assert.ok(m !== null && m.date !== null, s);
				assert.equal(formatDate(m.date, m.format), s);
			}
		});
	});

	describe('pathological input', () => {
		const inputs = [
			'1'.repeat(100000),
			' '.repeat(100000),
			'ก'.repeat(100000),
			'1 '.repeat(50000),
			'1 มกราคม' + ' '.repeat(100000) + 'x',
			'1 ม.ค. '.repeat(15000),
			'วันที่ '.repeat(15000),
			'วันอังคาร '.repeat(10000),
			'1/'.repeat(50000),
			'1-1-'.repeat(25000),
			'2567-'.repeat(20000),
			'1 ม\n'.repeat(25000),
			'\u200B๑ '.repeat(33000),
		];
		for (const input of inputs) {
			it(`finishes on ${JSON.stringify(input.slice(0, 10))}… (${input.length} chars), finding nothing`, () => {
				assert.deepEqual(findDates(input), []);
				assert.equal(parseDate(input), null);
			}).timeout(2000);
		}
		it('finds 15,000 dates in a long text', () => {
			const found = findDates('1 ม.ค. 2567 '.repeat(15000));
			assert.deepEqual(
				found.map(brief),
				Array.from({ length: 15000 }, () => ({
					raw: '1 ม.ค. 2567',
					date: '2024-01-01',
					style: 'th-medium',
					problems: [],
				})),
			);
			assert.deepEqual(
				found.map((m) => m.start),
				Array.from({ length: 15000 }, (_, i) => 12 * i),
			);
		});
	});
});
