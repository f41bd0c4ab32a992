#!/usr/bin/env node
// Benchmark: disclosure-lint against markdownlint-cli2, rumdl and remark-cli (+ remark-lint-frontmatter-schema)
// on one generated corpus, in one run, plus the floors (starting Node; reading the files; parsing them
// with remark). Four parts, each a table with ratios:
//
//   cold   every tool on the whole corpus, nothing cached             (ratio to markdownlint-cli2)
//   one    one 20–24 KB Thai page, as a pre-commit hook on one file    (ratio to markdownlint-cli2)
//   warm   disclosure-lint --cache on the unchanged corpus             (ratio to the read floor)
//   scale  disclosure-lint on 500 / 1,000 / 2,000 / 4,000 pages        (time per page)
//
//   npm run bench                      # all four, 2000 pages, 5 runs (scale: 3)
//   node scripts/bench.mjs --pages 200 --runs 2 --only disclosure-lint,markdownlint-cli2
//   node scripts/bench.mjs --parts cold,one   # some parts only
//   node scripts/bench.mjs --compare ../before   # also time another built checkout, in the same run
//   node scripts/bench.mjs --node /path/to/node24   # also run disclosure-lint on another Node
//
// Options: --pages N (2000), --runs R (5), --scale-runs R (3), --scale 500,1000,2000,4000, --seed S (42),
// --only a,b (tool ids or names, substring match), --parts cold,one,warm,scale, --no-warmup, --compare DIR,
// --node PATH. Corpora go to .bench/ and are regenerated when missing or when pages, seed or the
// generator's sources change (stamps beside them). Every command runs as a child process, in a rotated
// order on each run; wall time by process.hrtime.bigint(), peak RSS by /usr/bin/time -f %M when available.
// Results: tables on stdout, JSON in .bench/results.json. Exit code: 0, or 1 when a tool failed to run
// (exit code other than 0/1, a signal, or a sanity check). Quote medians and ratios: the machines this
// runs on are noisy (docs/performance.md).

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, CORPUS_VERSION, CORPUS_TODAY } from './bench/corpus.mjs';
import { mdFiles } from './bench/md-files.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const CORPUS_DIR = path.join(BENCH_DIR, 'corpus');
const OUT_DIR = path.join(BENCH_DIR, 'out');
const RESULTS = path.join(BENCH_DIR, 'results.json');
const PARTS = ['cold', 'one', 'warm', 'scale'];

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
	const opts = {
		pages: 2000,
		runs: 5,
		scaleRuns: 3,
		scale: [500, 1000, 2000, 4000],
		seed: 42,
		only: null,
		parts: PARTS,
		warmup: true,
		compare: [],
		nodes: [],
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const [flag, inline] = a.includes('=')
			? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
			: [a, undefined];
		const value = () => (inline !== undefined ? inline : argv[++i]);
		const list = () =>
			String(value() ?? '')
				.split(',')
				.map((x) => x.trim().toLowerCase())
				.filter(Boolean);
		switch (flag) {
			case '--pages':
				opts.pages = positiveInt(flag, value());
				break;
			case '--runs':
				opts.runs = positiveInt(flag, value());
				break;
			case '--scale-runs':
				opts.scaleRuns = positiveInt(flag, value());
				break;
			case '--scale':
				opts.scale = list().map((v) => positiveInt(flag, v));
				break;
			case '--seed':
				opts.seed = positiveInt(flag, value(), true);
				break;
			case '--only':
				opts.only = list();
				break;
			case '--parts': {
				opts.parts = list();
				const bad = opts.parts.filter((x) => !PARTS.includes(x));
				if (bad.length || !opts.parts.length) {
					console.error(`bench: --parts takes ${PARTS.join(', ')}; got ${bad.join(', ') || 'nothing'}`);
					process.exit(2);
				}
				break;
			}
			case '--no-warmup':
				opts.warmup = false;
				break;
			case '--compare':
				opts.compare.push(path.resolve(String(value())));
				break;
			case '--node': {
				const bin = path.resolve(String(value()));
				if (!fs.existsSync(bin)) {
					console.error(`bench: --node ${bin} does not exist`);
					process.exit(2);
				}
				opts.nodes.push(bin);
				break;
			}
			case '-h':
			case '--help':
				console.log(
					'usage: node scripts/bench.mjs [--pages N] [--runs R] [--scale-runs R] [--scale a,b,…] [--seed S] [--only a,b] [--parts cold,one,warm,scale] [--no-warmup] [--compare DIR]… [--node PATH]…',
				);
				process.exit(0);
				break;
			default:
				console.error(`bench: unknown option ${a}`);
				process.exit(2);
		}
	}
	return opts;
}
function positiveInt(flag, v, zeroOk = false) {
	const n = Number(v);
	if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) {
		console.error(`bench: ${flag} needs a ${zeroOk ? 'non-negative' : 'positive'} integer, got ${v}`);
		process.exit(2);
	}
	return n;
}

// ---------------------------------------------------------------------------------------------
// Corpora (regenerated when the stamp does not match)

function generatorHash() {
	const h = crypto.createHash('sha256');
	for (const f of ['corpus.mjs', 'vocab.mjs', 'frontmatter.schema.json'])
		h.update(fs.readFileSync(path.join(ROOT, 'scripts/bench', f)));
	return h.digest('hex').slice(0, 16);
}

function ensureCorpus(dir, { pages, seed }) {
	const stampFile = `${dir}.stamp.json`;
	const want = { pages, seed, version: CORPUS_VERSION, generator: generatorHash(), dir: path.relative(ROOT, dir) };
	let stamp = null;
	try {
		stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
	} catch {
		/* none yet */
	}
	const fresh =
		stamp &&
		fs.existsSync(dir) &&
		['pages', 'seed', 'version', 'generator', 'dir'].every((k) => stamp[k] === want[k]);
	if (fresh) return { ...stamp, regenerated: false };
	process.stderr.write(`bench: generating ${pages} pages (seed ${seed}) into ${want.dir} … `);
	const t0 = performance.now();
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(BENCH_DIR, { recursive: true });
	const res = generateCorpus(dir, { pages, seed });
	const next = { ...want, ...res, generatedAt: new Date().toISOString() };
	fs.writeFileSync(stampFile, JSON.stringify(next, null, 2) + '\n');
	process.stderr.write(`${Math.round(performance.now() - t0)} ms\n`);
	return { ...next, regenerated: true };
}

/** The one-page row's page: the longest citizen's manual of the corpus (a long page: 20–24 KB). */
function onePage(corpusDir) {
	const pages = mdFiles(path.join(corpusDir, 'citizen-manual')).map((f) => ({ f, bytes: fs.statSync(f).size }));
	pages.sort((x, y) => y.bytes - x.bytes || x.f.localeCompare(y.f));
	return pages[0];
}

// ---------------------------------------------------------------------------------------------
// Tools

const lines = (s) => s.split('\n').filter((l) => l.trim() !== '');
const NODE = process.execPath;

/** disclosure-lint from this checkout, from `--compare` checkouts, and on `--node` binaries. */
function disclosureLints(opts, args, { cwd = ROOT, idSuffix = '', check = () => null } = {}) {
	const one = (id, name, node, dir) => ({
		id: `${id}${idSuffix}`,
		name,
		cmd: [
			node,
			path.join(dir, 'bin/disclosure-lint.js'),
			'--format',
			'json',
			'--output',
			'/dev/null',
			'--today',
			CORPUS_TODAY,
			...args,
		],
		cwd,
		available: () =>
			fs.existsSync(path.join(dir, 'dist/cli.js'))
				? null
				: `${dir === ROOT ? 'this checkout' : dir} is not built (npm run build)`,
		okCodes: [0, 1],
		check,
	});
	return [
		one('disclosure-lint', 'disclosure-lint', NODE, ROOT),
		...opts.compare.map((dir) =>
			one(`disclosure-lint@${path.basename(dir)}`, `disclosure-lint (${path.basename(dir)})`, NODE, dir),
		),
		...opts.nodes.map((node) =>
			one(`disclosure-lint-node@${nodeVersion(node)}`, `disclosure-lint (node ${nodeVersion(node)})`, node, ROOT),
		),
	];
}

const versions = new Map();
function nodeVersion(node) {
	if (!versions.has(node)) versions.set(node, spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim());
	return versions.get(node);
}

function markdownlint(cwd, target, expectFiles) {
	const mdBin = markdownlintBin();
	return {
		id: 'markdownlint-cli2',
		name: 'markdownlint-cli2',
		cmd: [NODE, mdBin, target],
		cwd,
		available: () => (fs.existsSync(mdBin) ? null : `${path.relative(ROOT, mdBin)} not installed`),
		okCodes: [0, 1],
		check: (out, err) => {
			const m = /Linting: (\d+) file/.exec(out);
			if (!m) return 'no "Linting: N files" line in its output';
			if (Number(m[1]) !== expectFiles) return `linted ${m[1]} files, expected ${expectFiles}`;
			const summary = /Summary: (\d+) issue/.exec(out);
			return { note: `${summary ? summary[1] : lines(err).length} findings` };
		},
	};
}

/**
 * rumdl's binary, installed into .bench/tools on first use: its npm package brings the binary as one
 * optional dependency per platform, and a lock file holding them all cannot be written from a
 * registry mirror that lacks some, so it is not a devDependency of the project.
 */
const RUMDL_VERSION = '0.2.75';
let rumdlBinPath;
function rumdlBin() {
	if (rumdlBinPath !== undefined) return rumdlBinPath;
	const prefix = path.join(BENCH_DIR, 'tools');
	const bin = path.join(prefix, 'node_modules/.bin/rumdl');
	const installed = () => {
		try {
			return (
				JSON.parse(fs.readFileSync(path.join(prefix, 'node_modules/rumdl/package.json'), 'utf8')).version ===
				RUMDL_VERSION
			);
		} catch {
			return false;
		}
	};
	if (!installed() || !fs.existsSync(bin)) {
		process.stderr.write(`bench: installing rumdl@${RUMDL_VERSION} into ${path.relative(ROOT, prefix)} … `);
		fs.mkdirSync(prefix, { recursive: true });
		const args = ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `rumdl@${RUMDL_VERSION}`];
		const r = spawnSync('npm', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
		process.stderr.write(r.status === 0 ? 'done\n' : `failed: ${(r.stderr ?? '').trim().split('\n').pop()}\n`);
	}
	rumdlBinPath = fs.existsSync(bin) ? bin : null;
	return rumdlBinPath;
}

function rumdl(cwd, target, expectFiles) {
	const bin = rumdlBin() ?? 'rumdl';
	return {
		id: 'rumdl',
		name: 'rumdl (Rust, no cache)',
		cmd: [bin, 'check', '--no-cache', target],
		cwd,
		available: () => (rumdlBin() ? null : `rumdl@${RUMDL_VERSION} could not be installed into .bench/tools`),
		okCodes: [0, 1],
		check: (out, err) => {
			const m = /Found (\d+) issues? in (\d+) files?|No issues found in (\d+) files?/.exec(out + err);
			if (!m) return 'no "Found N issues in M files" line in its output';
			const files = Number(m[2] ?? m[3]);
			if (files !== expectFiles) return `checked ${files} files, expected ${expectFiles}`;
			return { note: `${m[1] ?? 0} findings` };
		},
	};
}

function coldTools(opts, corpus) {
	const rel = path.relative(ROOT, CORPUS_DIR);
	const defectsIn = (...kinds) => kinds.reduce((n, k) => n + (corpus.defects?.[k] ?? 0), 0);
	return [
		...disclosureLints(opts, [rel]),
		markdownlint(CORPUS_DIR, '**/*.md', corpus.files),
		rumdl(CORPUS_DIR, '.', corpus.files),
		{
			id: 'remark-cli',
			name: 'remark-cli + frontmatter-schema',
			cmd: [NODE, path.join(ROOT, 'node_modules/remark-cli/cli.js'), rel, '--quiet', '--no-color', '--no-stdout'],
			cwd: ROOT,
			available: () =>
				fs.existsSync(path.join(ROOT, 'node_modules/remark-cli/cli.js')) &&
				fs.existsSync(path.join(ROOT, 'node_modules/remark-lint-frontmatter-schema'))
					? null
					: 'remark-cli or remark-lint-frontmatter-schema not installed',
			okCodes: [0, 1],
			check: (out, err) => {
				if (
					/Cannot process file|Cannot find (module|package)|Cannot parse|JSON schema malformed|schema file load/.test(
						err,
					)
				) {
					return `remark did not lint: ${(/(Cannot [^\n]*|JSON schema malformed[^\n]*|schema file load[^\n]*)/.exec(err) ?? [''])[0].trim()}`;
				}
				const found = (err.match(/frontmatter-schema/g) ?? []).length;
				// Pages generated without `reviewer` or with an empty title must be reported.
				const expected = defectsIn('no-reviewer', 'blank-title');
				if (found < expected)
					return `reported ${found} front-matter findings, expected at least ${expected} (it may not be linting)`;
				return { note: `${found} findings` };
			},
		},
		readFloor(CORPUS_DIR, corpus.bytes),
		{
			id: 'floor-parse',
			name: 'floor: remark parse',
			cmd: [NODE, path.join(ROOT, 'scripts/bench/remark-floor.mjs'), CORPUS_DIR],
			cwd: ROOT,
			available: () => null,
			okCodes: [0],
			check: (out) =>
				Number(out.trim()) === corpus.files
					? null
					: `parsed ${out.trim()} files, the corpus has ${corpus.files}`,
		},
	];
}

function readFloor(dir, bytes) {
	return {
		id: 'floor-read',
		name: 'floor: read files',
		cmd: [NODE, path.join(ROOT, 'scripts/bench/read-floor.mjs'), dir],
		cwd: ROOT,
		available: () => null,
		okCodes: [0],
		check: (out) => (Number(out.trim()) === bytes ? null : `read ${out.trim()} bytes, expected ${bytes}`),
	};
}

function oneTools(opts, page) {
	const rel = path.relative(CORPUS_DIR, page.f);
	return [
		...disclosureLints(opts, [path.relative(ROOT, page.f)]),
		markdownlint(CORPUS_DIR, rel, 1),
		rumdl(CORPUS_DIR, rel, 1),
		{
			id: 'floor-node',
			name: 'floor: start Node',
			cmd: [NODE, '-e', '0'],
			cwd: ROOT,
			available: () => null,
			okCodes: [0],
			check: () => null,
		},
	];
}

function warmTools(opts, corpus) {
	const cache = path.join(OUT_DIR, 'warm');
	// Each disclosure-lint gets its own cache file, filled by its warm-up run.
	const tools = disclosureLints(opts, [path.relative(ROOT, CORPUS_DIR), '--cache'], { idSuffix: '-warm' }).map(
		(t) => ({
			...t,
			name: `${t.name} --cache`,
			cmd: [...t.cmd, '--cache-location', path.join(cache, `${t.id}.json`)],
			prepare: () => fs.mkdirSync(cache, { recursive: true }),
		}),
	);
	return [...tools, readFloor(CORPUS_DIR, corpus.bytes)];
}

function markdownlintBin() {
	const dir = path.join(ROOT, 'node_modules/markdownlint-cli2');
	try {
		const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['markdownlint-cli2'];
		if (bin) return path.join(dir, bin);
	} catch {
		/* fall through */
	}
	return path.join(dir, 'markdownlint-cli2-bin.mjs');
}

// ---------------------------------------------------------------------------------------------
// Running

const TIME_BIN = '/usr/bin/time';
const haveTime = (() => {
	try {
		const r = spawnSync(TIME_BIN, ['-f', '%M', '-o', '/dev/null', process.execPath, '-e', '0'], {
			stdio: 'ignore',
		});
		return r.status === 0;
	} catch {
		return false;
	}
})();

function runOnce(tool) {
	tool.prepare?.();
	fs.mkdirSync(OUT_DIR, { recursive: true });
	const outFile = path.join(OUT_DIR, `${tool.id}.stdout`);
	const errFile = path.join(OUT_DIR, `${tool.id}.stderr`);
	const rssFile = path.join(OUT_DIR, `${tool.id}.rss`);
	const outFd = fs.openSync(outFile, 'w');
	const errFd = fs.openSync(errFile, 'w');
	const [cmd, ...args] = haveTime ? [TIME_BIN, '-f', '%M', '-o', rssFile, ...tool.cmd] : tool.cmd;
	const t0 = process.hrtime.bigint();
	const r = spawnSync(cmd, args, {
		cwd: tool.cwd,
		stdio: ['ignore', outFd, errFd],
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	fs.closeSync(outFd);
	fs.closeSync(errFd);
	let status = r.status;
	let signal = r.signal;
	let rssKB = null;
	if (r.error) return { ms, status: null, signal: null, error: r.error.message, rssKB };
	if (haveTime) {
		// GNU time: "Command exited with non-zero status N" / "Command terminated by signal N", then %M.
		const report = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8') : '';
		const sig = /terminated by signal (\d+)/.exec(report);
		if (sig) {
			signal =
				Object.entries(os.constants.signals).find(([, n]) => n === Number(sig[1]))?.[0] ?? `signal ${sig[1]}`;
			status = null;
		}
		const kb = report
			.trim()
			.split('\n')
			.reverse()
			.find((l) => /^\d+$/.test(l.trim()));
		if (kb) rssKB = Number(kb);
	}
	return { ms, status, signal, rssKB };
}

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function failureOf(tool, r) {
	if (r.error) return `could not start: ${r.error}`;
	if (r.signal) return `killed by ${r.signal}`;
	if (!tool.okCodes.includes(r.status)) {
		const err = fs
			.readFileSync(path.join(OUT_DIR, `${tool.id}.stderr`), 'utf8')
			.trim()
			.split('\n')
			.slice(0, 3)
			.join(' | ');
		return `exit code ${r.status}${err ? `: ${err.slice(0, 300)}` : ''}`;
	}
	return null;
}

/**
 * Time a set of tools: a warm-up run each (when asked), then `runs` rounds in a rotated order; the
 * last output of each is sanity-checked. Returns one row per tool with its median and peak RSS.
 */
function measure(label, tools, { runs, warmup, baseline }) {
	const state = new Map(
		tools.map((t) => [
			t.id,
			{ tool: t, times: [], rss: [], exitCodes: [], status: 'ok', reason: null, note: null },
		]),
	);
	for (const t of tools) {
		const why = t.available();
		if (why) Object.assign(state.get(t.id), { status: 'n/a', reason: why });
	}
	const live = () => tools.filter((t) => state.get(t.id).status === 'ok');
	const fail = (t, reason) => {
		Object.assign(state.get(t.id), { status: 'failed', reason });
		process.stderr.write(`bench: ${label}: ${t.name} FAILED: ${reason}\n`);
	};
	if (warmup) {
		for (const t of live()) {
			process.stderr.write(`${label}  warm-up  ${t.name.padEnd(36)} `);
			const r = runOnce(t);
			process.stderr.write(`${fmtMs(r.ms)} ms\n`);
			const f = failureOf(t, r);
			if (f) fail(t, f);
		}
	}
	const order = [];
	for (let run = 0; run < runs; run++) {
		const base = live();
		const k = base.length ? run % base.length : 0;
		const rotated = [...base.slice(k), ...base.slice(0, k)];
		order.push(rotated.map((t) => t.id));
		for (const t of rotated) {
			const s = state.get(t.id);
			if (s.status !== 'ok') continue;
			const r = runOnce(t);
			process.stderr.write(
				`${label}  run ${run + 1}/${runs}  ${t.name.padEnd(36)} ${fmtMs(r.ms)} ms${r.rssKB ? `  ${(r.rssKB / 1024).toFixed(0)} MB` : ''}  exit ${r.signal ?? r.status}\n`,
			);
			const f = failureOf(t, r);
			if (f) {
				fail(t, f);
				continue;
			}
			s.times.push(r.ms);
			if (r.rssKB != null) s.rss.push(r.rssKB);
			s.exitCodes.push(r.status);
		}
	}
	// Sanity checks on the last run's output: did each tool really look at what it was given?
	for (const t of live()) {
		const s = state.get(t.id);
		const out = fs.readFileSync(path.join(OUT_DIR, `${t.id}.stdout`), 'utf8');
		const err = fs.readFileSync(path.join(OUT_DIR, `${t.id}.stderr`), 'utf8');
		const res = t.check(out, err);
		if (typeof res === 'string') fail(t, res);
		else if (res?.note) s.note = res.note;
	}
	const b = state.get(baseline);
	const baseMedian = b && b.status === 'ok' && b.times.length ? median(b.times) : null;
	const rows = tools.map((t) => {
		const s = state.get(t.id);
		const ok = s.status === 'ok' && s.times.length;
		const med = ok ? median(s.times) : null;
		return {
			id: t.id,
			name: t.name,
			status: s.status,
			reason: s.reason,
			command: t.cmd
				.map((c) => (c === NODE ? 'node' : path.isAbsolute(c) ? path.relative(t.cwd, c) || '.' : c))
				.join(' '),
			cwd: path.relative(ROOT, t.cwd) || '.',
			timesMs: s.times.map((x) => Math.round(x * 10) / 10),
			medianMs: med,
			minMs: ok ? Math.min(...s.times) : null,
			maxMs: ok ? Math.max(...s.times) : null,
			peakRssMB: s.rss.length ? Math.max(...s.rss) / 1024 : null,
			ratioToBaseline: ok && baseMedian ? med / baseMedian : null,
			exitCodes: s.exitCodes,
			note: s.note,
		};
	});
	return { label, baseline, order, rows };
}

function printPart(title, part) {
	const baseName = part.rows.find((r) => r.id === part.baseline)?.name ?? part.baseline;
	console.log(`\n## ${title}\n`);
	console.log(
		table(
			['tool', 'median ms', 'min', 'max', 'peak RSS MB', `ratio to ${baseName}`, 'note'],
			part.rows.map((r) =>
				r.status === 'ok'
					? [
							r.name,
							fmtMs(r.medianMs),
							fmtMs(r.minMs),
							fmtMs(r.maxMs),
							r.peakRssMB == null ? '—' : r.peakRssMB.toFixed(0),
							r.ratioToBaseline == null ? '—' : `${r.ratioToBaseline.toFixed(2)}×`,
							r.note ?? '',
						]
					: [r.name, r.status, '', '', '', '', r.reason ?? ''],
			),
			[false, true, true, true, true, true, false],
		),
	);
}

function main() {
	const opts = parseArgs(process.argv.slice(2));
	const wanted = (t) =>
		!opts.only || opts.only.some((o) => t.id.toLowerCase().includes(o) || t.name.toLowerCase().includes(o));
	const corpus = ensureCorpus(CORPUS_DIR, opts);
	const results = {
		date: new Date().toISOString(),
		node: process.version,
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model?.trim() ?? null,
		platform: `${os.platform()} ${os.arch()}`,
		totalMemMB: Math.round(os.totalmem() / 1048576),
		runs: opts.runs,
		warmup: opts.warmup,
		corpus: {
			dir: path.relative(ROOT, CORPUS_DIR),
			pages: opts.pages,
			seed: corpus.seed,
			files: corpus.files,
			bytes: corpus.bytes,
			topics: corpus.topics,
			defects: corpus.defects,
			today: CORPUS_TODAY,
		},
		parts: {},
	};
	console.log(
		[
			`corpus: ${corpus.files} files, ${(corpus.bytes / 1048576).toFixed(1)} MB (${path.relative(ROOT, CORPUS_DIR)}, seed ${corpus.seed}${corpus.regenerated ? ', regenerated' : ''})`,
			`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ${os.platform()} ${os.arch()}`,
			`runs: ${opts.runs}${opts.warmup ? ' + 1 warm-up' : ''}, order rotated per run; peak RSS ${haveTime ? 'by /usr/bin/time' : 'not measured (no /usr/bin/time)'}`,
		].join('\n'),
	);
	const run = { runs: opts.runs, warmup: opts.warmup };
	const pick = (tools) => tools.filter((t) => wanted(t) || t.id.startsWith('floor-'));

	if (opts.parts.includes('cold')) {
		const part = measure('cold', pick(coldTools(opts, corpus)), { ...run, baseline: 'markdownlint-cli2' });
		printPart(`Cold: ${corpus.files} pages, nothing cached`, part);
		results.parts.cold = part;
	}
	if (opts.parts.includes('one')) {
		const page = onePage(CORPUS_DIR);
		const part = measure('one', pick(oneTools(opts, page)), { ...run, baseline: 'markdownlint-cli2' });
		printPart(
			`One page: ${path.relative(ROOT, page.f)} (${(page.bytes / 1024).toFixed(1)} KB), whole process`,
			part,
		);
		results.parts.one = { page: path.relative(ROOT, page.f), bytes: page.bytes, ...part };
	}
	if (opts.parts.includes('warm')) {
		// The warm-up run fills each cache: it is needed here whatever --no-warmup says.
		const part = measure('warm', pick(warmTools(opts, corpus)), { ...run, warmup: true, baseline: 'floor-read' });
		const rumdlCold = results.parts.cold?.rows.find((r) => r.id === 'rumdl' && r.medianMs);
		printPart(`Warm: --cache, ${corpus.files} unchanged pages (start-up, cache load and output included)`, part);
		if (rumdlCold) {
			for (const r of part.rows.filter((x) => x.medianMs && x.id !== 'floor-read'))
				console.log(`${r.name}: ${(r.medianMs / rumdlCold.medianMs).toFixed(2)}× of rumdl's cold run`);
		}
		results.parts.warm = part;
	}
	if (opts.parts.includes('scale')) {
		const rows = [];
		for (const pages of opts.scale) {
			const dir = pages === opts.pages ? CORPUS_DIR : path.join(BENCH_DIR, `scale-${pages}`);
			const c = ensureCorpus(dir, { pages, seed: opts.seed });
			const tool = {
				...disclosureLints({ compare: [], nodes: [] }, [path.relative(ROOT, dir)])[0],
				id: `disclosure-lint-${pages}`,
				name: `disclosure-lint, ${pages} pages`,
			};
			const part = measure(`scale ${pages}`, [tool], { runs: opts.scaleRuns, warmup: false, baseline: tool.id });
			const r = part.rows[0];
			rows.push({
				pages,
				files: c.files,
				bytes: c.bytes,
				medianMs: r.medianMs,
				msPerPage: r.medianMs == null ? null : r.medianMs / c.files,
				peakRssMB: r.peakRssMB,
				status: r.status,
				reason: r.reason,
			});
		}
		console.log(`\n## Scale: disclosure-lint, cold, ${opts.scaleRuns} runs each\n`);
		console.log(
			table(
				['pages', 'MB', 'median ms', 'ms per page', 'peak RSS MB'],
				rows.map((r) =>
					r.status === 'ok'
						? [
								r.pages,
								(r.bytes / 1048576).toFixed(1),
								fmtMs(r.medianMs),
								r.msPerPage.toFixed(2),
								r.peakRssMB == null ? '—' : r.peakRssMB.toFixed(0),
							]
						: [r.pages, '', r.status, r.reason ?? '', ''],
				),
				[true, true, true, true, true],
			),
		);
		results.parts.scale = { runs: opts.scaleRuns, rows };
	}

	fs.mkdirSync(BENCH_DIR, { recursive: true });
	fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
	console.log(`\nresults: ${path.relative(ROOT, RESULTS)}; last outputs: ${path.relative(ROOT, OUT_DIR)}/`);
	const failed = Object.values(results.parts)
		.flatMap((p) => p.rows ?? [])
		.some((r) => r.status === 'failed');
	process.exitCode = failed ? 1 : 0;
}

function fmtMs(ms) {
	return ms == null ? '—' : ms >= 100 ? Math.round(ms).toLocaleString('en-US') : ms.toFixed(1);
}

function table(head, rows, right) {
	const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const cell = (v, i) => (right[i] ? String(v).padStart(w[i]) : String(v).padEnd(w[i]));
	const line = (r) => `| ${r.map(cell).join(' | ')} |`;
	return [
		line(head),
		`|${w.map((n, i) => (right[i] ? `${'-'.repeat(n + 1)}:` : `:${'-'.repeat(n + 1)}`)).join('|')}|`,
		...rows.map(line),
	].join('\n');
}

main();
