// `npm run bench:audit`: the cost of auditing a live site (docs/audit.md#scale). A site of N pages in
// the shapes of test/fixtures/audit-site (WordPress, Joomla, a windows-874 legacy page…, each page a
// copy under its own path, all listed in sitemap.xml) is served from this process on 127.0.0.1; the
// built CLI audits it in a child process, once cold and once again with --cache (conditional
// requests). Reported: pages per second, requests, peak memory (GNU time), the server's peak of
// requests in flight, and the CPU time per page that docs/audit.md scales from.
//
//   node scripts/bench-audit.mjs [--pages N] [--per-host N] [--runs N]
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SITE = path.join(ROOT, 'test/fixtures/audit-site');
const BIN = path.join(ROOT, 'bin/disclosure-lint.js');
const TIME_BIN = '/usr/bin/time';

const { values } = parseArgs({
	options: { pages: { type: 'string' }, 'per-host': { type: 'string' }, runs: { type: 'string' } },
});
const PAGES = Number(values.pages ?? 400);
const PER_HOST = Number(values['per-host'] ?? 2);
const RUNS = Number(values.runs ?? 3);

/** The fixture site's HTML pages (not the one robots.txt forbids), as templates. */
const templates = [];
(function walk(dir) {
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, e.name);
		if (e.isDirectory() && e.name !== 'private') walk(full);
		else if (e.name.endsWith('.html')) templates.push(fs.readFileSync(full));
	}
})(SITE);

/** Page i: a template under /p/i/, with its own ETag. */
const page = (i) => templates[i % templates.length];
const etag = (i) => `"p${i}"`;
const sitemap = (base) =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${Array.from(
		{ length: PAGES },
		(_, i) => `<url><loc>${base}/p/${i}/</loc></url>`,
	).join('\n')}\n</urlset>\n`;

let inFlight = 0;
let peak = 0;
let requests = 0;
let notModified = 0;
const server = http.createServer((req, res) => {
	requests++;
	inFlight++;
	peak = Math.max(peak, inFlight);
	const done = (status, headers, body) => {
		res.writeHead(status, headers);
		res.end(body);
		inFlight--;
	};
	const url = new URL(req.url, 'http://x');
	if (url.pathname === '/robots.txt')
		return done(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n');
	if (url.pathname === '/sitemap.xml') return done(200, { 'content-type': 'application/xml' }, sitemap(base));
	if (url.pathname === '/') return done(200, { 'content-type': 'text/html' }, page(0));
	const m = /^\/p\/(\d+)\/$/.exec(url.pathname);
	if (!m || Number(m[1]) >= PAGES) return done(404, { 'content-type': 'text/html' }, 'not found');
	const i = Number(m[1]);
	if (req.headers['if-none-match'] === etag(i)) {
		notModified++;
		return done(304, { etag: etag(i) });
	}
	// A page answers after a few event-loop turns, as a real server's I/O would: requests overlap.
	setImmediate(() => done(200, { 'content-type': 'text/html', etag: etag(i) }, page(i)));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const haveTime = spawnSync(TIME_BIN, ['-f', '%M', '-o', '/dev/null', process.execPath, '-e', '0']).status === 0;

/** One audit in a child process: wall time, CPU time, peak RSS, and the server's counters. */
async function audit(cwd, extra) {
	requests = 0;
	notModified = 0;
	peak = 0;
	const rssFile = path.join(cwd, 'rss.txt');
	const args = [
		BIN,
		'audit',
		'--today',
		'2026-12-03',
		'--format',
		'json',
		'--output',
		path.join(cwd, 'out.json'),
		'--max-pages',
		String(PAGES + 1),
		'--max-depth',
		'2',
		'--per-host',
		String(PER_HOST),
		...extra,
		`${base}/`,
	];
	const [cmd, ...rest] = haveTime
		? [TIME_BIN, '-f', '%M %U %S', '-o', rssFile, process.execPath, ...args]
		: [process.execPath, ...args];
	const t0 = process.hrtime.bigint();
	const code = await new Promise((resolve) => spawn(cmd, rest, { cwd, stdio: 'inherit' }).on('close', resolve));
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	const [kb, user, sys] = haveTime ? fs.readFileSync(rssFile, 'utf8').trim().split(/\s+/).slice(-3).map(Number) : [];
	const pages = JSON.parse(fs.readFileSync(path.join(cwd, 'out.json'), 'utf8')).length;
	return {
		code,
		ms,
		pages,
		requests,
		notModified,
		peak,
		rssMB: kb ? kb / 1024 : null,
		cpuMs: haveTime ? (user + sys) * 1000 : null,
	};
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (rows, label) => {
	const ms = median(rows.map((r) => r.ms));
	const r = rows.find((x) => x.ms === ms);
	return `${label.padEnd(26)} ${String(r.pages).padStart(5)} pages  ${(ms / 1000).toFixed(2).padStart(6)} s  ${(r.pages / (ms / 1000)).toFixed(1).padStart(6)} pages/s  ${String(r.requests).padStart(5)} requests (${r.notModified} not modified)  in flight ≤ ${r.peak}  ${r.rssMB ? `${r.rssMB.toFixed(0)} MB peak` : 'peak n/a'}  ${r.cpuMs ? `${(r.cpuMs / r.pages).toFixed(1)} ms CPU/page` : ''}`;
};

const cold = [];
const warm = [];
for (let run = 0; run < RUNS; run++) {
	const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-bench-audit-'));
	cold.push(await audit(cwd, ['--cache']));
	warm.push(await audit(cwd, ['--cache']));
	fs.rmSync(cwd, { recursive: true, force: true });
}
server.close();
process.stdout.write(
	`disclosure-lint audit of a local site: ${PAGES} pages from ${templates.length} templates, --per-host ${PER_HOST}, median of ${RUNS}, Node ${process.version}, ${os.cpus().length} cores\n`,
);
process.stdout.write(`${fmt(cold, 'first audit')}\n${fmt(warm, 'second audit (--cache)')}\n`);
