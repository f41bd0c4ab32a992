import { strict as assert } from 'node:assert';
import { findDates, formatDate, parseDate } from '../../../server/src/core/thai/dates';

/**
 * Every date style `Intl.DateTimeFormat('th-TH')` prints (full, long, medium; Arabic and Thai
 * digits) must parse back to the same date with no problems, be found in running text, and be
 * reproduced exactly by formatDate (SPEC §3.2).
 */
describe('thai/dates: ICU round trip', () => {
	const styles = [
		['full', 'th-full'],
		['long', 'th-long'],
		['medium', 'th-medium'],
	] as const;
	const locales = ['th-TH', 'th-TH-u-nu-thai'] as const;
	const start = Date.UTC(1950, 0, 1);
	const end = Date.UTC(2100, 11, 31);
	const step = 11 * 86400000; // every 11th day: about 5,000 dates, every weekday and month

	for (const locale of locales) {
		for (const [dateStyle, style] of styles) {
			it(`${locale} ${dateStyle}`, () => {
				const fmt = new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' });
				let count = 0;
				for (let t = start; t <= end; t += step) {
					const instant = new Date(t);
					const expected = {
						year: instant.getUTCFullYear(),
						month: instant.getUTCMonth() + 1,
						day: instant.getUTCDate(),
					};
					const s = fmt.format(instant);
					const m = parseDate(s);
					assert.ok(m !== null, s);
					assert.deepEqual(m.date, expected, s);
					assert.deepEqual(m.problems, [], s);
					assert.equal(m.format.style, style, s);
					assert.equal(m.format.thaiDigits, locale === 'th-TH-u-nu-thai', s);
					assert.equal(m.format.era, 'BE', s);
					assert.equal(m.raw, s);
					assert.equal(formatDate(expected, m.format), s);

					const sentence = `ประกาศ ณ ${s} เป็นต้นไป`;
					const found = findDates(sentence);
					assert.equal(found.length, 1, sentence);
					assert.equal(found[0].raw, s, sentence);
					assert.equal(found[0].start, 'ประกาศ ณ '.length, sentence);
					assert.deepEqual(found[0].date, expected, sentence);
					assert.deepEqual(found[0].problems, [], sentence);
					count++;
				}
				assert.ok(count >= 5000, `only ${count} dates`);
			});
		}
	}
});
