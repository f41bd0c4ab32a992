import { strict as assert } from 'node:assert';
import {
	formatDuration,
	parseDuration,
	type Duration,
	type DurationError,
} from '../../../server/src/core/thai/durations';

function asDuration(r: Duration | DurationError | null, text: string): Duration {
	assert.ok(r !== null && !('error' in r), `${text}: expected a duration, got ${JSON.stringify(r)}`);
	return r;
}

describe('thai/durations', () => {
	describe('DOMAIN §4.6 verified examples (WD = 420)', () => {
		const cases: [string, number, Duration['timeClass']][] = [
			['1 วันทำการ', 420, 'working'],
			['3 วันปฏิบัติราชการ', 1260, 'working'],
			['1-2 วันทำการ', 840, 'working'],
			['3 - 5 วัน', 7200, 'calendar'],
			['30 วันปฏิทิน', 43200, 'calendar'],
			['ภายใน 7 วัน', 10080, 'calendar'],
			['หนึ่งร้อยแปดสิบวัน', 259200, 'calendar'],
			['ภายในสามสิบวัน', 43200, 'calendar'],
			['ครึ่งวัน', 720, 'calendar'],
			['๑๕ นาที', 15, 'working'],
			['1.5 ชั่วโมง', 90, 'working'],
			['150 นาที', 150, 'working'],
			['1 ชั่วโมง 30 นาที', 90, 'working'],
			['1 ชั่วโมงครึ่ง', 90, 'working'],
			['2 ชม.ครึ่ง', 150, 'working'],
			['2 ถึง 3 วันทำการ', 1260, 'working'],
			['1,500 นาที', 1500, 'working'],
		];
		for (const [text, minutes, timeClass] of cases) {
			it(`${JSON.stringify(text)} → ${minutes} ${timeClass}`, () => {
				const d = asDuration(parseDuration(text), text);
				assert.equal(d.minutes, minutes);
				assert.equal(d.timeClass, timeClass);
				assert.equal(timeClass === 'working' ? d.working : d.calendar, minutes);
			});
		}
		it('"1 วันทำการ" is 480 with workdayMinutes 480', () => {
			assert.equal(asDuration(parseDuration('1 วันทำการ', { workdayMinutes: 480 }), '').minutes, 480);
		});
	});

	describe('units and options', () => {
		const cases: [string, number, string][] = [
			['2 ชม.', 120, 'ชั่วโมง'],
			['2 ชม', 120, 'ชั่วโมง'],
			['3 วันราชการ', 1260, 'วันทำการ'],
			['3 วันทำงาน', 1260, 'วันทำการ'],
			['2 สัปดาห์', 20160, 'สัปดาห์'],
			['สองอาทิตย์', 20160, 'สัปดาห์'],
			['1 เดือน', 43200, 'เดือน'],
			['1 ปี', 525600, 'ปี'],
			['ครึ่งชั่วโมง', 30, 'ชั่วโมง'],
			['ยี่สิบเอ็ดวัน', 30240, 'วัน'],
		];
		for (const [text, minutes, unit] of cases) {
			it(`${JSON.stringify(text)} → ${minutes} (${unit})`, () => {
				const d = asDuration(parseDuration(text), text);
				assert.equal(d.minutes, minutes);
				assert.equal(d.parts[0].unit, unit);
			});
		}
		it('monthDays and bareDay', () => {
			assert.equal(asDuration(parseDuration('1 เดือน', { monthDays: 31 }), '').minutes, 31 * 1440);
			const d = asDuration(parseDuration('2 วัน', { bareDay: 'working' }), '');
			assert.equal(d.minutes, 840);
			assert.equal(d.timeClass, 'working');
			assert.equal(asDuration(parseDuration('2 วันปฏิทิน', { bareDay: 'working' }), '').timeClass, 'calendar');
		});
	});

	describe('parts, ranges and classes', () => {
		it('compound parts add up, with offsets in the original text', () => {
			const text = 'ใช้เวลา 1 ชั่วโมง 3\u200B0 นาที';
			const d = asDuration(parseDuration(text), text);
			assert.equal(d.minutes, 90);
			assert.deepEqual(
				d.parts.map((p) => [p.raw, p.minutes, p.unit, text.slice(p.start, p.end)]),
				[
					['1 ชั่วโมง', 60, 'ชั่วโมง', '1 ชั่วโมง'],
					['3\u200B0 นาที', 30, 'นาที', '3\u200B0 นาที'],
				],
			);
		});
		it('a range keeps both bounds and counts as its upper bound', () => {
			const d = asDuration(parseDuration('1-2 วันทำการ'), '');
			assert.deepEqual(d.parts[0].range, [420, 840]);
			assert.equal(d.parts[0].minutes, 840);
			assert.deepEqual(asDuration(parseDuration('3 – 5 วัน'), '').parts[0].range, [4320, 7200]);
		});
		it('mixed classes keep separate totals', () => {
			const d = asDuration(parseDuration('1 วัน 2 ชั่วโมง'), '');
			assert.equal(d.timeClass, 'mixed');
			assert.equal(d.working, 120);
			assert.equal(d.calendar, 1440);
			assert.equal(d.minutes, 1560);
		});
		it('ignores text around the parts', () => {
			assert.equal(asDuration(parseDuration('3 วันทำการ (นับจากวันที่ได้รับเอกสารครบถ้วน)'), '').minutes, 1260);
			assert.equal(asDuration(parseDuration('ไม่เกิน 15 วันนับแต่วันที่ได้รับคำขอ'), '').minutes, 21600);
		});
	});

	describe('not durations → null', () => {
		for (const text of [
			'ขั้นตอนที่ 1 วันที่ 5',
			'3 ชมรม',
			'เวลา 08.30 น.',
			'ร้อยละ 80',
			'',
			'   ',
			'-',
			'ตรวจสอบเอกสาร',
			'08.30 น.',
			'80%',
		]) {
			it(JSON.stringify(text), () => {
				assert.equal(parseDuration(text), null);
			});
		}
	});

	describe('unreadable attempts → error', () => {
		const cases: [string, DurationError['error'], string][] = [
			['ไม่ระบุ', 'unreadable', 'ไม่ระบุ'],
			['ไม่ได้ระบุไว้', 'unreadable', 'ไม่ได้ระบุ'],
			['ไม่มีกำหนด', 'unreadable', 'ไม่มีกำหนด'],
			['แล้วแต่กรณี', 'unreadable', 'แล้วแต่'],
			['3 วันๆ', 'unreadable', '3 วันๆ'],
			['หลายวัน', 'unreadable', 'หลายวัน'],
			['บางเดือน', 'unreadable', 'บางเดือน'],
			['5 ฟอร์ทไนท์', 'unknown-unit', '5 ฟอร์ทไนท์'],
			['ภายใน 3 fortnights', 'unknown-unit', 'ภายใน 3 fortnights'],
			['2 ครั้ง', 'unknown-unit', '2 ครั้ง'],
			['สองสองวัน', 'invalid-number', 'สองสองวัน'],
			['1,50 วัน', 'invalid-number', '1,50 วัน'],
		];
		for (const [text, error, raw] of cases) {
			it(`${JSON.stringify(text)} → ${error}`, () => {
				const r = parseDuration(text);
				assert.ok(r !== null && 'error' in r, JSON.stringify(r));
				assert.equal(r.error, error);
				assert.equal(r.raw, raw);
				assert.equal(text.slice(r.start, r.end), raw);
			});
		}
	});

	describe('formatDuration', () => {
		const cases: [number, 'working' | 'calendar', string][] = [
			[1260, 'working', '3 วันทำการ'],
			[90, 'working', '1 ชั่วโมง 30 นาที'],
			[90, 'calendar', '1 ชั่วโมง 30 นาที'],
			[43200, 'calendar', '30 วัน'],
			[420, 'working', '1 วันทำการ'],
			[1500, 'working', '3 วันทำการ 4 ชั่วโมง'],
			[1441, 'calendar', '1 วัน 1 นาที'],
			[0, 'working', '0 นาที'],
			[15, 'working', '15 นาที'],
		];
		for (const [minutes, timeClass, expected] of cases) {
			it(`${minutes} ${timeClass} → ${expected}`, () => {
				assert.equal(formatDuration(minutes, timeClass), expected);
			});
		}
		it('honours workdayMinutes and Thai digits', () => {
			assert.equal(formatDuration(960, 'working', { workdayMinutes: 480 }), '2 วันทำการ');
			assert.equal(formatDuration(1260, 'working', {}, true), '๓ วันทำการ');
		});
		it('round-trips through parseDuration', () => {
			for (const [m, c] of [
				[1260, 'working'],
				[90, 'working'],
				[43200, 'calendar'],
				[1500, 'working'],
				[10125, 'calendar'],
			] as const) {
				const d = asDuration(parseDuration(formatDuration(m, c)), String(m));
				assert.equal(d.minutes, m);
			}
		});
	});

	describe('pathological input', () => {
		const inputs = [
			'1'.repeat(100000),
			' '.repeat(100000),
			'ก'.repeat(100000),
			'หนึ่ง'.repeat(20000),
			'สองสอง '.repeat(12000),
			'1 '.repeat(50000),
			'1' + ' '.repeat(100000) + 'x',
			'1,'.repeat(50000),
			'1.'.repeat(50000),
			'1-'.repeat(50000),
			'วัน'.repeat(30000),
			'ๆ'.repeat(100000),
		];
		for (const input of inputs) {
			it(`finishes on ${JSON.stringify(input.slice(0, 10))}… (${input.length} chars): not a duration`, () => {
				assert.equal(parseDuration(input), null);
			}).timeout(2000);
		}
		it('reads a long cell of many parts', () => {
			const d = asDuration(parseDuration('1 นาที '.repeat(20000)), '');
			assert.equal(d.minutes, 20000);
		});
	});
});
