import { strict as assert } from 'node:assert';
import { findEmails, findPhones, isValidThaiPhone, type PhoneMatch } from '../../../server/src/core/thai/phones';

type Brief = Pick<PhoneMatch, 'raw' | 'kind' | 'numbers'> & Partial<Pick<PhoneMatch, 'ext' | 'label'>>;

function brief(m: PhoneMatch): Brief {
	const b: Brief = { raw: m.raw, kind: m.kind, numbers: m.numbers };
	if (m.ext !== undefined) {
		b.ext = m.ext;
	}
	if (m.label !== undefined) {
		b.label = m.label;
	}
	return b;
}

describe('thai/phones', () => {
	describe('findPhones: DOMAIN §4.7 table', () => {
		const cases: [string, Brief[]][] = [
			['0 2612 6060', [{ raw: '0 2612 6060', kind: 'landline', numbers: ['026126060'] }]],
			['02-280-9000', [{ raw: '02-280-9000', kind: 'landline', numbers: ['022809000'] }]],
			['053-442531', [{ raw: '053-442531', kind: 'landline', numbers: ['053442531'] }]],
			['โทร.0 2590 1234', [{ raw: '0 2590 1234', kind: 'landline', numbers: ['025901234'], label: 'phone' }]],
			['๐ ๒๕๙๐ ๑๒๓๔', [{ raw: '๐ ๒๕๙๐ ๑๒๓๔', kind: 'landline', numbers: ['025901234'] }]],
			['0 2612 6011-12', [{ raw: '0 2612 6011-12', kind: 'landline', numbers: ['026126011', '026126012'] }]],
			[
				'0 2141 5500-4',
				[
					{
						raw: '0 2141 5500-4',
						kind: 'landline',
						numbers: ['021415500', '021415501', '021415502', '021415503', '021415504'],
					},
				],
			],
			[
				'0 2502 6670-80 ต่อ 1900, 1904-7',
				[
					{
						raw: '0 2502 6670-80 ต่อ 1900, 1904-7',
						kind: 'landline',
						numbers: Array.from({ length: 11 }, (_, i) => `02502${6670 + i}`),
						ext: '1900, 1904-7',
					},
				],
			],
			[
				'02-280-9000, ext. 124-6',
				[{ raw: '02-280-9000, ext. 124-6', kind: 'landline', numbers: ['022809000'], ext: '124-6' }],
			],
			[
				'081-234-5678; 08 1234 5678; 0612345678',
				[
					{ raw: '081-234-5678', kind: 'mobile', numbers: ['0812345678'] },
					{ raw: '08 1234 5678', kind: 'mobile', numbers: ['0812345678'] },
					{ raw: '0612345678', kind: 'mobile', numbers: ['0612345678'] },
				],
			],
			['+66 92 668 0777', [{ raw: '+66 92 668 0777', kind: 'mobile', numbers: ['0926680777'] }]],
			[
				'+66 2 590 1234; +66 (0) 2590 1234',
				[
					{ raw: '+66 2 590 1234', kind: 'landline', numbers: ['025901234'] },
					{ raw: '+66 (0) 2590 1234', kind: 'landline', numbers: ['025901234'] },
				],
			],
			[
				'สายด่วน 1111; Call Center 1206; โทร. 1669; โทร 191',
				[
					{ raw: '1111', kind: 'hotline', numbers: ['1111'], label: 'phone' },
					{ raw: '1206', kind: 'hotline', numbers: ['1206'], label: 'phone' },
					{ raw: '1669', kind: 'hotline', numbers: ['1669'], label: 'phone' },
					{ raw: '191', kind: 'hotline', numbers: ['191'], label: 'phone' },
				],
			],
			['0 6123 4567; 02-280-90001; 0 2612 606', []],
		];
		for (const [text, expected] of cases) {
			it(JSON.stringify(text), () => {
				const found = findPhones(text);
				assert.deepEqual(found.map(brief), expected);
				for (const m of found) {
					assert.equal(text.slice(m.start, m.end), m.raw);
				}
			});
		}
	});

	describe('findPhones: labels', () => {
		it('"โทร./ โทรสาร" means both', () => {
			assert.deepEqual(
				findPhones('โทร./ โทรสาร 0 2579 9571').map((m) => m.label),
				['both'],
			);
		});
		it('phone, fax and list continuation', () => {
			const text =
				'โทรศัพท์ 0 2590 1234, 0 2590 1235 โทรสาร 0 2590 1236\nมือถือ 081 234 5678\nแฟกซ์: 02-590-1237\nFax 02-590-1238\n0 2590 1239';
			assert.deepEqual(
				findPhones(text).map((m) => m.label),
				['phone', 'phone', 'fax', 'phone', 'fax', 'fax', undefined],
			);
		});
		it('"โทร" is not read as the start of "โทรสาร"', () => {
			assert.deepEqual(
				findPhones('โทรสาร 0 2590 1236').map((m) => m.label),
				['fax'],
			);
		});
		it('a hotline needs a label', () => {
			assert.deepEqual(findPhones('ปี 1669 มี 191 คน'), []);
		});
	});

	describe('findEmails', () => {
		it('finds addresses with offsets', () => {
			const text = 'ติดต่อ saraban@moph.go.th หรือ a.b+c@x-y.co.th.';
			assert.deepEqual(findEmails(text), [
				{ start: 7, end: 25, raw: 'saraban@moph.go.th' },
				{ start: 31, end: 46, raw: 'a.b+c@x-y.co.th' },
			]);
		});
		it('ignores things that are not addresses', () => {
			assert.deepEqual(findEmails('@user, a@b, a@b.c, ไม่มี'), []);
		});
		it('finishes on pathological input', () => {
			assert.deepEqual(findEmails('a'.repeat(100000) + '@'), []);
			assert.deepEqual(findEmails('a@b' + '.c'.repeat(50000) + '!'), []);
			assert.deepEqual(
				findEmails('a@b.cc '.repeat(10000)),
				Array.from({ length: 10000 }, (_, i) => ({ start: 7 * i, end: 7 * i + 6, raw: 'a@b.cc' })),
			);
		});
	});

	describe('isValidThaiPhone (tel: links)', () => {
		for (const s of [
			'026126060',
			'02-280-9000',
			'0 2612 6060',
			'053442531',
			'0812345678',
			'081-234-5678',
			'0612345678',
			'+6625901234',
			'+66 2 590 1234',
			'+66 (0) 2590 1234',
			'+66926680777',
			'+66-92-668-0777',
			'1669',
			'191',
			'๐๒๖๑๒๖๐๖๐',
		]) {
			it(`${JSON.stringify(s)} is valid`, () => {
				assert.equal(isValidThaiPhone(s), true);
			});
		}
		for (const s of [
			'0 6123 4567',
			'02-280-90001',
			'0 2612 606',
			'0912345',
			'12345',
			'+66 0812345678',
			'+1 202 555 0100',
			'02--2809000',
			'abc',
			'',
			'0112345678',
			'19',
		]) {
			it(`${JSON.stringify(s)} is invalid`, () => {
				assert.equal(isValidThaiPhone(s), false);
			});
		}
	});

	describe('pathological input', () => {
		for (const input of [
			'0'.repeat(100000),
			'0 '.repeat(50000),
			'0-'.repeat(50000),
			'โทร '.repeat(20000),
			'+66 '.repeat(20000),
		]) {
			it(`finishes on ${JSON.stringify(input.slice(0, 10))}… (${input.length} chars), finding nothing`, () => {
				assert.deepEqual(findPhones(input), []);
			}).timeout(2000);
		}
		it('finishes on "02-280-900"… (110000 chars), finding each number with its one-digit extension', () => {
			const found = findPhones('02-280-9000, ext. 1-'.repeat(3000) + '1'.repeat(50000));
			// The "-" after each extension starts no range; the trailing run of 1s is no number.
			assert.deepEqual(
				found.map(brief),
				Array.from({ length: 3000 }, () => ({
					raw: '02-280-9000, ext. 1',
					kind: 'landline',
					numbers: ['022809000'],
					ext: '1',
				})),
			);
			assert.deepEqual(
				found.map((m) => [m.start, m.end]),
				Array.from({ length: 3000 }, (_, i) => [20 * i, 20 * i + 19]),
			);
		}).timeout(2000);
		it('finds 10,000 numbers', () => {
			const found = findPhones('โทร. 02-280-9000, '.repeat(10000));
			assert.deepEqual(
				found.map(brief),
				Array.from({ length: 10000 }, () => ({
					raw: '02-280-9000',
					kind: 'landline',
					numbers: ['022809000'],
					label: 'phone',
				})),
			);
			assert.deepEqual(
				found.map((m) => m.start),
				Array.from({ length: 10000 }, (_, i) => 18 * i + 5),
			);
		});
	});
});
