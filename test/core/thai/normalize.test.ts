import { strict as assert } from 'node:assert';
import { hasThaiDigits, normalizeThai, toArabicDigits, toThaiDigits } from '../../../server/src/core/thai/normalize';

/** Deterministic pseudo-random numbers (LCG). */
function rng(seed: number): () => number {
	let x = seed >>> 0;
	return () => {
		x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
		return x / 2 ** 32;
	};
}

describe('thai/normalize', () => {
	describe('digits', () => {
		const cases: [string, string][] = [
			['๐๑๒๓๔๕๖๗๘๙', '0123456789'],
			['พ.ศ. ๒๕๖๗', 'พ.ศ. 2567'],
			['abc 12', 'abc 12'],
			['', ''],
		];
		for (const [thai, ascii] of cases) {
			it(`toArabicDigits(${JSON.stringify(thai)})`, () => {
				assert.equal(toArabicDigits(thai), ascii);
			});
		}
		it('toThaiDigits converts ASCII digits only', () => {
			assert.equal(toThaiDigits('1 ตุลาคม 2567'), '๑ ตุลาคม ๒๕๖๗');
			assert.equal(toThaiDigits('0123456789'), '๐๑๒๓๔๕๖๗๘๙');
			assert.equal(toThaiDigits('ก.ค.'), 'ก.ค.');
		});
		it('hasThaiDigits', () => {
			assert.equal(hasThaiDigits('๑'), true);
			assert.equal(hasThaiDigits('วันที่ ๓๐'), true);
			assert.equal(hasThaiDigits('30'), false);
			assert.equal(hasThaiDigits(''), false);
		});
	});

	describe('normalizeThai', () => {
		it('is the identity (same string, identity maps) when there is nothing to do', () => {
			const s = 'วันที่ 1 ตุลาคม 2567';
			const n = normalizeThai(s);
			assert.equal(n.text, s);
			for (const o of [0, 3, s.length]) {
				assert.equal(n.toOriginal(o), o);
				assert.equal(n.toOriginalEnd(o), o);
			}
		});

		it('converts Thai digits and no-break spaces without changing length', () => {
			const n = normalizeThai('๑๖\u00A0มกราคม\u00A0๒๕๕๘');
			assert.equal(n.text, '16 มกราคม 2558');
			assert.equal(n.toOriginal(3), 3);
			assert.equal(n.toOriginal(n.text.length), n.text.length);
		});

		it('folds NIKHAHIT + SARA AA into SARA AM and maps offsets back', () => {
			const s = 'ทํางาน 1 วัน';
			const n = normalizeThai(s);
			assert.equal(n.text, 'ทำงาน 1 วัน');
			assert.equal(n.text.length, s.length - 1);
			assert.equal(n.toOriginal(0), 0); // ท
			assert.equal(n.toOriginal(1), 1); // ำ ← ํ
			assert.equal(n.toOriginal(2), 3); // ง
			assert.equal(n.toOriginalEnd(2), 3); // end after ำ includes า
			assert.equal(n.toOriginal(n.text.length), s.length);
			assert.equal(n.toOriginalEnd(n.text.length), s.length);
		});

		it('does not fold a lone NIKHAHIT', () => {
			assert.equal(normalizeThai('\u0E4Dก').text, '\u0E4Dก');
		});

		it('removes zero-width spaces and BOMs, starts skip them, ends stop before them', () => {
			const s = '\uFEFFab\u200B\u200Bcd\u200B';
			const n = normalizeThai(s);
			assert.equal(n.text, 'abcd');
			assert.deepEqual(
				[0, 1, 2, 3, 4].map((o) => n.toOriginal(o)),
				[1, 2, 5, 6, 8],
			);
			assert.deepEqual(
				[0, 1, 2, 3, 4].map((o) => n.toOriginalEnd(o)),
				[0, 2, 3, 6, 7],
			);
			assert.equal(s.slice(n.toOriginal(1), n.toOriginalEnd(3)), 'b\u200B\u200Bc');
		});

		it('maps every offset of random mixed text back consistently', () => {
			const alphabet = ['ก', 'า', '\u0E4D', '\u0E4D\u0E32', '\u200B', '\uFEFF', '\u00A0', '๕', '5', ' '];
			const next = rng(42);
			for (let round = 0; round < 300; round++) {
				let s = '';
				const len = Math.floor(next() * 30);
				for (let i = 0; i < len; i++) {
					s += alphabet[Math.floor(next() * alphabet.length)];
				}
				const n = normalizeThai(s);
				// The reference implementation of DOMAIN §4.9.
				const expected = s
					.replace(/[\u0E50-\u0E59]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x0e50 + 0x30))
					.replace(/\u0E4D\u0E32/gu, '\u0E33')
					.replace(/[\u200B\uFEFF]/gu, '')
					.replace(/\u00A0/gu, ' ');
				assert.equal(n.text, expected);
				for (let i = 0; i <= n.text.length; i++) {
					const o = n.toOriginal(i);
					const oe = n.toOriginalEnd(i);
					assert.ok(oe <= o, 'an end never maps past the start at the same offset');
					if (i < n.text.length) {
						// The original slice of one normalised character normalises to it.
						const slice = s.slice(o, n.toOriginalEnd(i + 1));
						assert.equal(normalizeThai(slice).text, n.text[i], JSON.stringify(s));
					}
				}
				assert.equal(n.toOriginal(n.text.length), s.length);
			}
		});

		it('handles 100k characters of zero-width spaces and digits', () => {
			const s = '\u200B๑'.repeat(50000);
			const n = normalizeThai(s);
			assert.equal(n.text, '1'.repeat(50000));
			assert.equal(n.toOriginal(49999), 99999);
			assert.equal(n.toOriginalEnd(50000), 100000);
		});
	});
});
