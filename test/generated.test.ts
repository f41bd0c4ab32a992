import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../scripts/generated';

describe('generated files', () => {
	for (const [rel, text] of generatedFiles()) {
		it(`${rel} is up to date (run npm run gen)`, () => {
			assert.equal(fs.readFileSync(path.resolve(__dirname, '..', rel), 'utf8'), text);
		});
	}
});
