import { strict as assert } from 'node:assert';
import { findNationalIds, nationalIdValid } from '../../../server/src/core/thai/nationalId';
import { fromFullWidth } from '../../../server/src/core/thai/normalize';

describe('thai/nationalId (DOMAIN §4.8)', () => {
	describe('nationalIdValid: checksum test vectors', () => {
		const cases: [string, boolean][] = [
			['1234567890121', true],
			['1101700203450', true],
			['3100900123455', true],
			['0000000000001', true], // valid checksum; findNationalIds skips it (first digit 0)
			['9999999999994', true], // valid checksum; findNationalIds skips it (first digit 9)
			['1234567890123', false],
			['1101700203451', false],
			['3100900123454', false],
			['1-1017-00203-45-0', true],
			['3 1009 00123 45 5', true],
			['๑๒๓๔๕๖๗๘๙๐๑๒๑', true],
			['123 4567 890121', true],
			['12345678901234', false],
			['123456789012', false],
			['123456789012a', false],
			['', false],
			['１２３４５６７８９０１２１', true], // full-width digits (U+FF10–U+FF19)
			['１－１０１７－００２０３－４５－０', true], // and the full-width hyphen
			['１２３４５６７８９０１２３', false],
			['1２3４5６7８9０1２1', true], // mixed forms
		];
		for (const [id, valid] of cases) {
			it(`${JSON.stringify(id)} → ${valid}`, () => {
				assert.equal(nationalIdValid(id), valid);
			});
		}
	});

	describe('findNationalIds', () => {
		const cases: [string, { raw: string; digits: string; checksumValid: boolean }[]][] = [
			['1234567890121', [{ raw: '1234567890121', digits: '1234567890121', checksumValid: true }]],
			['1101700203450', [{ raw: '1101700203450', digits: '1101700203450', checksumValid: true }]],
			['3100900123455', [{ raw: '3100900123455', digits: '3100900123455', checksumValid: true }]],
			['0000000000001', []],
			['9999999999994', []],
			[
				'1234567890123; 1101700203451; 3100900123454',
				[
					{ raw: '1234567890123', digits: '1234567890123', checksumValid: false },
					{ raw: '1101700203451', digits: '1101700203451', checksumValid: false },
					{ raw: '3100900123454', digits: '3100900123454', checksumValid: false },
				],
			],
			[
				'1-1017-00203-45-0; 3 1009 00123 45 5',
				[
					{ raw: '1-1017-00203-45-0', digits: '1101700203450', checksumValid: true },
					{ raw: '3 1009 00123 45 5', digits: '3100900123455', checksumValid: true },
				],
			],
			['๑๒๓๔๕๖๗๘๙๐๑๒๑', [{ raw: '๑๒๓๔๕๖๗๘๙๐๑๒๑', digits: '1234567890121', checksumValid: true }]],
			['123 4567 890121', [{ raw: '123 4567 890121', digits: '1234567890121', checksumValid: true }]],
			['12345678901234', []],
			['1234567890121 5', []],
			['0 2612 6060 0812', []],
			['081 234 5678 0 2612 6060', []],
			['5 1234567890121', []], // the documented cost of the whole-run guard
			['1--234567890121', []],
			['1  234567890121', []],
			[
				'１２３４５６７８９０１２１',
				[{ raw: '１２３４５６７８９０１２１', digits: '1234567890121', checksumValid: true }],
			],
			[
				'เลขบัตร ３ １００９ ００１２３ ４５ ５ ครับ',
				[{ raw: '３ １００９ ００１２３ ４５ ５', digits: '3100900123455', checksumValid: true }],
			],
			[
				'１－１０１７－００２０３－４５－０',
				[{ raw: '１－１０１７－００２０３－４５－０', digits: '1101700203450', checksumValid: true }],
			],
			[
				'１２３４５６７８９０１２３',
				[{ raw: '１２３４５６７８９０１２３', digits: '1234567890123', checksumValid: false }],
			],
			['１２３４５６７８９０１２１５', []], // 14 digits: not a whole 13-digit run
			['５ １２３４５６７８９０１２１', []],
		];
		for (const [text, expected] of cases) {
			it(JSON.stringify(text), () => {
				const found = findNationalIds(text);
				assert.deepEqual(
					found.map(({ raw, digits, checksumValid }) => ({ raw, digits, checksumValid })),
					expected,
				);
				for (const m of found) {
					assert.equal(text.slice(m.start, m.end), m.raw);
				}
			});
		}
		it('reports offsets in the original text after normalisation', () => {
			const text = 'เลขประจำตัว\u200B ๑-๑๐๑๗-๐๐๒๐๓-๔๕-๐ ครับ';
			const [m] = findNationalIds(text);
			assert.equal(m.raw, '๑-๑๐๑๗-๐๐๒๐๓-๔๕-๐');
			assert.equal(m.start, text.indexOf('๑'));
			assert.equal(m.digits, '1101700203450');
			assert.equal(m.checksumValid, true);
		});
		it('finishes on pathological input', () => {
			assert.deepEqual(findNationalIds('1'.repeat(100000)), []);
			assert.deepEqual(findNationalIds('1 '.repeat(50000)), []);
			assert.deepEqual(findNationalIds('1-'.repeat(50000)), []);
			const found = findNationalIds('1234567890121 x '.repeat(6000));
			assert.deepEqual(
				found.map(({ raw, digits, checksumValid, start }) => ({ raw, digits, checksumValid, start })),
				Array.from({ length: 6000 }, (_, i) => ({
					raw: '1234567890121',
					digits: '1234567890121',
					checksumValid: true,
					start: 16 * i,
				})),
			);
		});
	});
	describe('fromFullWidth', () => {
		it('maps full-width digits and hyphen one to one and keeps everything else', () => {
			assert.equal(fromFullWidth('０１２３４５６７８９－'), '0123456789-');
			const mixed = 'เลข ๑๒๓ ABC １２３ ＡＢＣ';
			assert.equal(fromFullWidth(mixed), 'เลข ๑๒๓ ABC 123 ＡＢＣ');
			assert.equal(fromFullWidth(mixed).length, mixed.length);
		});
		it('offsets of full-width matches point into the original text, after ZWSP removal too', () => {
			const text = 'ผู้ติดต่อ\u200B １\u200B１０１７００２０３４５０ ครับ';
			const [m] = findNationalIds(text);
			assert.equal(m.start, text.indexOf('１'));
			assert.equal(m.raw, '１\u200B１０１７００２０３４５０');
			assert.equal(m.digits, '1101700203450');
		});
	});
});
