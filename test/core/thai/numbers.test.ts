import { strict as assert } from 'node:assert';
import { parseThaiNumber } from '../../../server/src/core/thai/numbers';

describe('thai/numbers parseThaiNumber', () => {
	// DOMAIN §4.6 verified values, then further decisions.
	const valid: [string, number][] = [
		['หนึ่ง', 1],
		['เจ็ด', 7],
		['สิบห้า', 15],
		['ยี่สิบเอ็ด', 21],
		['สี่สิบห้า', 45],
		['หกสิบ', 60],
		['เก้าสิบ', 90],
		['ร้อยยี่สิบ', 120],
		['หนึ่งร้อยแปดสิบ', 180],
		['สามร้อยหกสิบห้า', 365],
		['หนึ่งพันห้าร้อย', 1500],
		['สองหมื่น', 20000],
		['ศูนย์', 0],
		['สิบ', 10],
		['สิบเอ็ด', 11],
		['ร้อยเอ็ด', 101],
		['หนึ่งร้อยหนึ่ง', 101],
		['ยี่สิบ', 20],
		['สามสิบ', 30],
		['แสนห้าหมื่น', 150000],
		['ครึ่ง', 0.5],
		['1,500', 1500],
		['1,500,000', 1500000],
		['1.5', 1.5],
		['15', 15],
		['๑๕', 15],
		[' 7 ', 7],
	];
	for (const [s, v] of valid) {
		it(`${JSON.stringify(s)} → ${v}`, () => {
			assert.equal(parseThaiNumber(s), v);
		});
	}

	const invalid = [
		'สองสอง', // DOMAIN: two digits in a row
		'สามารถ', // DOMAIN: a word that starts with a number word
		'',
		'หนึ่งสิบ', // "สิบ" alone is 10
		'สองสิบ', // 20 is ยี่สิบ
		'ยี่',
		'ยี่ร้อย',
		'เอ็ด',
		'สิบเอ็ดสอง',
		'สิบร้อย',
		'พันพัน',
		'ศูนย์ศูนย์',
		'หนึ่งล้าน', // ล้าน is not supported
		'1,50',
		'1.',
		'1.2.3',
		'-1',
		'abc',
	];
	for (const s of invalid) {
		it(`${JSON.stringify(s)} → NaN`, () => {
			assert.ok(Number.isNaN(parseThaiNumber(s)));
		});
	}
});
