import { strict as assert } from 'node:assert';
import { reviewLens } from '../../server/src/lsp/checklist';

describe('review code lens text', () => {
	it('says when the page was last reviewed and when its next review is due, in the page\'s language', () => {
		const meta = { updated: '2026-11-01', maxAgeDays: 365 };
		assert.equal(reviewLens({ meta }, 'th'), 'ทบทวนล่าสุด 1 พ.ย. 2569 · ครบกำหนดทบทวน 1 พ.ย. 2570');
		assert.equal(reviewLens({ meta }, 'en'), 'Last reviewed 1 November 2026 · next review due 1 November 2027');
		assert.equal(reviewLens({ meta: { updated: '2026-11-01', maxAgeDays: null } }, 'th'), 'ทบทวนล่าสุด 1 พ.ย. 2569 · หัวข้อนี้ไม่กำหนดรอบทบทวน');
		assert.equal(reviewLens({ meta: {} }, 'th'), undefined);
	});
});
