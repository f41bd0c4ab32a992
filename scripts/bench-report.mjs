#!/usr/bin/env node
// Measure the compliance report of a large site: how long `--report` adds to a run, and how big the
// report is. A measurement, not a test: timings depend on the machine.
//
//   npm run build && node scripts/bench-report.mjs [--pages 2000] [--runs 5] [--seed 42]
//
// The corpus is scripts/bench/corpus.mjs's (as `npm run bench` uses), in .bench/report-corpus. The time
// "beyond the lint" is measured with the lint taken out: after one --cache run, each run reads every
// page's result from the cache, so the run with --report against the same run without it (alternating,
// medians of --runs each) is what writing the report costs. One cold run without the cache is also
// timed, with and without --report, for the whole picture. Budgets: under 2 s beyond the lint, under
// 3 MB. Exit code 1 when a budget is missed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, CORPUS_TODAY } from './bench/corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : dflt;
};
const pages = opt('pages', 2000);
const runs = opt('runs', 5);
const seed = opt('seed', 42);
const BUDGET_MS = 2000;
const BUDGET_BYTES = 3 * 1024 * 1024;

const corpus = path.join(BENCH, 'report-corpus');
const stampFile = path.join(BENCH, 'report-corpus.stamp.json');
const stamp = JSON.stringify({
	pages,
	seed,
	corpus: fs.readFileSync(path.join(ROOT, 'scripts/bench/corpus.mjs'), 'utf8').length,
});
if (!fs.existsSync(corpus) || !fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp) {
	fs.rmSync(corpus, { recursive: true, force: true });
	generateCorpus(corpus, { pages, seed });
	fs.writeFileSync(stampFile, stamp);
}
if (!fs.existsSync(path.join(ROOT, 'dist/cli.js'))) {
	console.error('bench-report: dist/cli.js is missing; run npm run build first');
	process.exit(2);
}

const out = path.join(BENCH, 'report-out');
fs.mkdirSync(out, { recursive: true });
const cacheFile = path.join(out, 'cache.json');
const reportFile = path.join(out, 'compliance.html');

/** One CLI run as a child process; wall time in ms. */
function run(extra) {
	const cmd = [
		path.join(ROOT, 'bin/disclosure-lint.js'),
		'--today',
		CORPUS_TODAY,
		'--format',
		'json',
		'--output',
		path.join(out, 'out.json'),
		...extra,
		corpus,
	];
	const t0 = process.hrtime.bigint();
	const r = spawnSync(process.execPath, cmd, { cwd: ROOT, encoding: 'utf8' });
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	if (r.status !== 0 && r.status !== 1) {
		console.error(`bench-report: exit ${r.status}\n${r.stderr}`);
		process.exit(2);
	}
	return ms;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cold = { lint: run([]), report: run(['--report', reportFile]) };
const cache = ['--cache', '--cache-location', cacheFile];
fs.rmSync(cacheFile, { force: true });
run(cache);
const warm = { lint: [], report: [] };
for (let i = 0; i < runs; i++) {
	warm.lint.push(run(cache));
	warm.report.push(run([...cache, '--report', reportFile]));
}
const beyond = median(warm.report) - median(warm.lint);
const html = fs.readFileSync(reportFile, 'utf8');
const bytes = Buffer.byteLength(html);
const fontBytes = [...html.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].reduce((n, m) => n + m[1].length, 0);
const json = JSON.parse(fs.readFileSync(path.join(out, 'out.json'), 'utf8'));
const findings = json.reduce((n, e) => n + e.messages.length, 0);

const result = {
	pages,
	findings,
	coldLintMs: Math.round(cold.lint),
	coldWithReportMs: Math.round(cold.report),
	cachedLintMedianMs: Math.round(median(warm.lint)),
	cachedWithReportMedianMs: Math.round(median(warm.report)),
	reportBeyondLintMs: Math.round(beyond),
	reportBytes: bytes,
	embeddedFontBase64Bytes: fontBytes,
	runs,
};
fs.writeFileSync(path.join(BENCH, 'report-results.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(`${pages} pages, ${findings} findings`);
console.log(`cold: lint ${result.coldLintMs} ms, with --report ${result.coldWithReportMs} ms`);
console.log(
	`cached (median of ${runs}): lint ${result.cachedLintMedianMs} ms, with --report ${result.cachedWithReportMedianMs} ms`,
);
console.log(`report beyond the lint: ${result.reportBeyondLintMs} ms (budget ${BUDGET_MS} ms)`);
console.log(
	`report size: ${(bytes / 1024 / 1024).toFixed(2)} MB = ${bytes} bytes (budget 3 MB), of which embedded font ${fontBytes} bytes of base64`,
);
const ok = beyond < BUDGET_MS && bytes < BUDGET_BYTES;
console.log(ok ? 'within budget' : 'OVER BUDGET');
process.exit(ok ? 0 : 1);
