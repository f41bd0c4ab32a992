import fc from 'fast-check';
import { checkAllFixes, checkEachFix, checkIdempotent, checkLints, checkRanges } from './checks';
import { page } from './pageGrammar';

/**
 * Properties of the engine over generated pages (the grammar is in pageGrammar.ts, the checks in
 * checks.ts). A fixed seed keeps runs reproducible; DISCLOSURE_LINT_PROPERTY_SEED and
 * DISCLOSURE_LINT_PROPERTY_RUNS explore further. A failure prints its seed, its path and the shrunk
 * page: rerun with that seed to reproduce it, and keep the shrunk page as a unit test of the fix.
 */
const SEED = Number(process.env.DISCLOSURE_LINT_PROPERTY_SEED ?? 20261127);
const RUNS = Number(process.env.DISCLOSURE_LINT_PROPERTY_RUNS ?? 100);
const PARAMS: fc.Parameters<[string]> = { seed: SEED, numRuns: RUNS };

describe('properties of linting generated pages', function () {
	this.timeout(120_000);

	it('linting never throws, and no rule throws', () => {
		fc.assert(fc.property(page, checkLints), PARAMS);
	});

	it('every finding and every fix lies inside the page, its line and column agreeing with its offsets', () => {
		fc.assert(fc.property(page, checkRanges), PARAMS);
	});

	it('each safe fix applied alone removes its finding', () => {
		fc.assert(fc.property(page, checkEachFix), PARAMS);
	});

	it('all safe fixes applied together (one --fix pass) remove their findings', () => {
		fc.assert(fc.property(page, checkAllFixes), PARAMS);
	});

	it('fixing is idempotent: after --fix, fixing again changes nothing', () => {
		fc.assert(fc.property(page, checkIdempotent), PARAMS);
	});
});
