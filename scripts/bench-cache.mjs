#!/usr/bin/env node
// --cache on the benchmark corpus: the first run (cache empty) against the second (nothing changed).
// Issue 6 asks the second to take at most 10% of the first. Run `npm run bench` once first for the corpus.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(ROOT, '.bench/corpus');
if (!fs.existsSync(corpus)) {
	console.error('no corpus: run npm run bench first');
	process.exit(2);
}
const cacheFile = path.join(ROOT, '.bench/results-cache.json');
const run = () => {
	const t = process.hrtime.bigint();
	const r = spawnSync(
		process.execPath,
		[
			path.join(ROOT, 'bin/disclosure-lint.js'),
			'--cache',
			'--cache-location',
			cacheFile,
			'--format',
			'json',
			'--output',
			'/dev/null',
			'--today',
			'2026-11-27',
			corpus,
		],
		{ encoding: 'utf8' },
	);
	if (r.status !== 0 && r.status !== 1) throw new Error(`disclosure-lint failed: ${r.stderr}`);
	return Number(process.hrtime.bigint() - t) / 1e6;
};
const firsts = [];
const seconds = [];
for (let i = 0; i < 3; i++) {
	fs.rmSync(cacheFile, { force: true });
	firsts.push(run());
	seconds.push(run());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const a = median(firsts);
const b = median(seconds);
console.log(
	`--cache on ${corpus}: first run ${a.toFixed(0)} ms, second run ${b.toFixed(0)} ms (${((b / a) * 100).toFixed(1)}% of the first; medians of 3)`,
);
