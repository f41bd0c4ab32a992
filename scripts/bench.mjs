#!/usr/bin/env node
// Benchmark: disclosure-lint against markdownlint-cli2 and remark-cli (+ remark-lint-frontmatter-schema)
// on one generated corpus, plus two floors (reading the files; parsing them with remark).
//
//   npm run bench                      # 2000 pages, 5 runs
//   node scripts/bench.mjs --pages 200 --runs 2 --only disclosure-lint,markdownlint-cli2
//   node scripts/bench.mjs --compare ../before   # also time another built checkout, in the same run
//
// Options: --pages N (2000), --runs R (5), --seed S (42), --only a,b (tool ids or names, substring
// match), --no-warmup. The corpus goes to .bench/corpus and is regenerated when it is missing or when
// pages, seed or the generator's sources change (stamp: .bench/corpus.stamp.json). Every command runs
// as a child process, in a rotated order on each run; wall time by process.hrtime.bigint(), peak RSS
// by /usr/bin/time -f %M when available. Results: a table on stdout, JSON in .bench/results.json.
// Exit code: 0, or 1 when a tool failed to run (exit code other than 0/1, a signal, or a sanity check).

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, CORPUS_VERSION, CORPUS_TODAY } from './bench/corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const CORPUS_DIR = path.join(BENCH_DIR, 'corpus');
const STAMP = path.join(BENCH_DIR, 'corpus.stamp.json');
const OUT_DIR = path.join(BENCH_DIR, 'out');
const RESULTS = path.join(BENCH_DIR, 'results.json');
const BASELINE = 'markdownlint-cli2';

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = { pages: 2000, runs: 5, seed: 42, only: null, warmup: true, compare: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--pages': opts.pages = positiveInt(flag, value()); break;
      case '--runs': opts.runs = positiveInt(flag, value()); break;
      case '--seed': opts.seed = positiveInt(flag, value(), true); break;
      case '--only': opts.only = String(value() ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean); break;
      case '--no-warmup': opts.warmup = false; break;
      case '--compare': opts.compare.push(path.resolve(String(value()))); break;
      case '-h': case '--help':
        console.log('usage: node scripts/bench.mjs [--pages N] [--runs R] [--seed S] [--only a,b] [--no-warmup] [--compare DIR]…');
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
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) { console.error(`bench: ${flag} needs a ${zeroOk ? 'non-negative' : 'positive'} integer, got ${v}`); process.exit(2); }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Corpus (regenerated when the stamp does not match)

function generatorHash() {
  const h = crypto.createHash('sha256');
  for (const f of ['corpus.mjs', 'vocab.mjs', 'frontmatter.schema.json']) h.update(fs.readFileSync(path.join(ROOT, 'scripts/bench', f)));
  return h.digest('hex').slice(0, 16);
}

function ensureCorpus({ pages, seed }) {
  const want = { pages, seed, version: CORPUS_VERSION, generator: generatorHash(), dir: path.relative(ROOT, CORPUS_DIR) };
  let stamp = null;
  try { stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8')); } catch { /* none yet */ }
  const fresh = stamp && fs.existsSync(CORPUS_DIR)
    && ['pages', 'seed', 'version', 'generator', 'dir'].every((k) => stamp[k] === want[k]);
  if (fresh) return { ...stamp, regenerated: false };
  process.stderr.write(`bench: generating ${pages} pages (seed ${seed}) into ${want.dir} … `);
  const t0 = performance.now();
  fs.rmSync(CORPUS_DIR, { recursive: true, force: true });
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const res = generateCorpus(CORPUS_DIR, { pages, seed });
  const next = { ...want, ...res, generatedAt: new Date().toISOString() };
  fs.writeFileSync(STAMP, JSON.stringify(next, null, 2) + '\n');
  process.stderr.write(`${Math.round(performance.now() - t0)} ms\n`);
  return { ...next, regenerated: true };
}

// ---------------------------------------------------------------------------------------------
// Tools

const lines = (s) => s.split('\n').filter((l) => l.trim() !== '');

function toolList(corpus, compare = []) {
  const node = process.execPath;
  const rel = path.relative(ROOT, CORPUS_DIR);
  const mdBin = markdownlintBin();
  const defectsIn = (...kinds) => kinds.reduce((n, k) => n + (corpus.defects?.[k] ?? 0), 0);
  return [
    {
      id: 'disclosure-lint',
      name: 'disclosure-lint',
      cmd: [node, 'bin/disclosure-lint.js', '--format', 'json', '--output', '/dev/null', '--today', CORPUS_TODAY, rel],
      cwd: ROOT,
      available: () => (fs.existsSync(path.join(ROOT, 'bin/disclosure-lint.js')) ? null : 'bin/disclosure-lint.js does not exist yet'),
      okCodes: [0, 1],
      check: () => null,
    },
    // Another built checkout of disclosure-lint (`--compare DIR`), on the same corpus in the same run.
    ...compare.map((dir) => ({
      id: `disclosure-lint@${path.basename(dir)}`,
      name: `disclosure-lint (${path.basename(dir)})`,
      cmd: [node, path.join(dir, 'bin/disclosure-lint.js'), '--format', 'json', '--output', '/dev/null', '--today', CORPUS_TODAY, rel],
      cwd: ROOT,
      available: () => (fs.existsSync(path.join(dir, 'dist/cli.js')) ? null : `${dir} is not built (npm run build there)`),
      okCodes: [0, 1],
      check: () => null,
    })),
    {
      id: 'markdownlint-cli2',
      name: 'markdownlint-cli2',
      cmd: [node, mdBin, '**/*.md'],
      cwd: CORPUS_DIR,
      available: () => (fs.existsSync(mdBin) ? null : `${path.relative(ROOT, mdBin)} not installed`),
      okCodes: [0, 1],
      check: (out, err) => {
        const m = /Linting: (\d+) file/.exec(out);
        if (!m) return 'no "Linting: N files" line in its output';
        if (Number(m[1]) !== corpus.files) return `linted ${m[1]} files, the corpus has ${corpus.files}`;
        const summary = /Summary: (\d+) issue/.exec(out);
        return { note: `${summary ? summary[1] : lines(err).length} findings` };
      },
    },
    {
      id: 'remark-cli',
      name: 'remark-cli + frontmatter-schema',
      cmd: [node, path.join(ROOT, 'node_modules/remark-cli/cli.js'), rel, '--quiet', '--no-color', '--no-stdout'],
      cwd: ROOT,
      available: () => (fs.existsSync(path.join(ROOT, 'node_modules/remark-cli/cli.js')) && fs.existsSync(path.join(ROOT, 'node_modules/remark-lint-frontmatter-schema'))
        ? null : 'remark-cli or remark-lint-frontmatter-schema not installed'),
      okCodes: [0, 1],
      check: (out, err) => {
        if (/Cannot process file|Cannot find (module|package)|Cannot parse|JSON schema malformed|schema file load/.test(err)) {
          return `remark did not lint: ${(/(Cannot [^\n]*|JSON schema malformed[^\n]*|schema file load[^\n]*)/.exec(err) ?? [''])[0].trim()}`;
        }
        const found = (err.match(/frontmatter-schema/g) ?? []).length;
        // Pages generated without `reviewer` or with an empty title must be reported.
        const expected = defectsIn('no-reviewer', 'blank-title');
        if (found < expected) return `reported ${found} front-matter findings, expected at least ${expected} (it may not be linting)`;
        return { note: `${found} findings` };
      },
    },
    {
      id: 'floor-read',
      name: 'floor: read files',
      cmd: [node, path.join(ROOT, 'scripts/bench/read-floor.mjs'), CORPUS_DIR],
      cwd: ROOT,
      available: () => null,
      okCodes: [0],
      check: (out) => (Number(out.trim()) === corpus.bytes ? null : `read ${out.trim()} bytes, the corpus has ${corpus.bytes}`),
    },
    {
      id: 'floor-parse',
      name: 'floor: remark parse',
      cmd: [node, path.join(ROOT, 'scripts/bench/remark-floor.mjs'), CORPUS_DIR],
      cwd: ROOT,
      available: () => null,
      okCodes: [0],
      check: (out) => (Number(out.trim()) === corpus.files ? null : `parsed ${out.trim()} files, the corpus has ${corpus.files}`),
    },
  ];
}

function markdownlintBin() {
  const dir = path.join(ROOT, 'node_modules/markdownlint-cli2');
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['markdownlint-cli2'];
    if (bin) return path.join(dir, bin);
  } catch { /* fall through */ }
  return path.join(dir, 'markdownlint-cli2-bin.mjs');
}

// ---------------------------------------------------------------------------------------------
// Running

const TIME_BIN = '/usr/bin/time';
const haveTime = (() => {
  try {
    const r = spawnSync(TIME_BIN, ['-f', '%M', '-o', '/dev/null', process.execPath, '-e', '0'], { stdio: 'ignore' });
    return r.status === 0;
  } catch { return false; }
})();

function runOnce(tool) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const outFile = path.join(OUT_DIR, `${tool.id}.stdout`);
  const errFile = path.join(OUT_DIR, `${tool.id}.stderr`);
  const rssFile = path.join(OUT_DIR, `${tool.id}.rss`);
  const outFd = fs.openSync(outFile, 'w');
  const errFd = fs.openSync(errFile, 'w');
  const [cmd, ...args] = haveTime ? [TIME_BIN, '-f', '%M', '-o', rssFile, ...tool.cmd] : tool.cmd;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: tool.cwd, stdio: ['ignore', outFd, errFd], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
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
    if (sig) { signal = Object.entries(os.constants.signals).find(([, n]) => n === Number(sig[1]))?.[0] ?? `signal ${sig[1]}`; status = null; }
    const kb = report.trim().split('\n').reverse().find((l) => /^\d+$/.test(l.trim()));
    if (kb) rssKB = Number(kb);
  }
  return { ms, status, signal, rssKB };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function failureOf(tool, r) {
  if (r.error) return `could not start: ${r.error}`;
  if (r.signal) return `killed by ${r.signal}`;
  if (!tool.okCodes.includes(r.status)) {
    const err = fs.readFileSync(path.join(OUT_DIR, `${tool.id}.stderr`), 'utf8').trim().split('\n').slice(0, 3).join(' | ');
    return `exit code ${r.status}${err ? `: ${err.slice(0, 300)}` : ''}`;
  }
  return null;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const wanted = (t) => !opts.only || opts.only.some((o) => t.id.toLowerCase().includes(o) || t.name.toLowerCase().includes(o));
  if (opts.only && !toolList({}, opts.compare).some(wanted)) {
    console.error(`bench: --only ${opts.only.join(',')} matches no tool (${toolList({}, opts.compare).map((t) => t.id).join(', ')})`);
    process.exit(2);
  }
  const corpus = ensureCorpus(opts);
  const tools = toolList(corpus, opts.compare).filter(wanted);

  const state = new Map(tools.map((t) => [t.id, { tool: t, times: [], rss: [], exitCodes: [], status: 'ok', reason: null, note: null }]));
  for (const t of tools) {
    const why = t.available();
    if (why) { Object.assign(state.get(t.id), { status: 'n/a', reason: why }); }
  }
  const live = () => tools.filter((t) => state.get(t.id).status === 'ok');
  const fail = (t, reason) => { Object.assign(state.get(t.id), { status: 'failed', reason }); process.stderr.write(`bench: ${t.name} FAILED: ${reason}\n`); };

  if (opts.warmup) {
    for (const t of live()) {
      process.stderr.write(`warm-up  ${t.name.padEnd(32)} `);
      const r = runOnce(t);
      process.stderr.write(`${fmtMs(r.ms)} ms\n`);
      const f = failureOf(t, r);
      if (f) fail(t, f);
    }
  }

  const order = [];
  for (let run = 0; run < opts.runs; run++) {
    const base = live();
    const k = base.length ? run % base.length : 0;
    const rotated = [...base.slice(k), ...base.slice(0, k)];
    order.push(rotated.map((t) => t.id));
    for (const t of rotated) {
      const s = state.get(t.id);
      if (s.status !== 'ok') continue;
      const r = runOnce(t);
      process.stderr.write(`run ${run + 1}/${opts.runs}  ${t.name.padEnd(32)} ${fmtMs(r.ms)} ms${r.rssKB ? `  ${(r.rssKB / 1024).toFixed(0)} MB` : ''}  exit ${r.signal ?? r.status}\n`);
      const f = failureOf(t, r);
      if (f) { fail(t, f); continue; }
      s.times.push(r.ms);
      if (r.rssKB != null) s.rss.push(r.rssKB);
      s.exitCodes.push(r.status);
    }
  }

  // Sanity checks on the last run's output: did each tool really look at the whole corpus?
  for (const t of live()) {
    const s = state.get(t.id);
    const out = fs.readFileSync(path.join(OUT_DIR, `${t.id}.stdout`), 'utf8');
    const err = fs.readFileSync(path.join(OUT_DIR, `${t.id}.stderr`), 'utf8');
    const res = t.check(out, err);
    if (typeof res === 'string') fail(t, res);
    else if (res?.note) s.note = res.note;
  }

  // Report
  const base = state.get(BASELINE);
  const baseMedian = base && base.status === 'ok' && base.times.length ? median(base.times) : null;
  const rows = tools.map((t) => {
    const s = state.get(t.id);
    const ok = s.status === 'ok' && s.times.length;
    const med = ok ? median(s.times) : null;
    return {
      id: t.id,
      name: t.name,
      status: s.status,
      reason: s.reason,
      command: t.cmd.map((c) => (c === process.execPath ? 'node' : path.isAbsolute(c) ? path.relative(t.cwd, c) || '.' : c)).join(' '),
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

  const corpusMB = corpus.bytes / (1024 * 1024);
  const header = [
    `corpus: ${corpus.files} files, ${corpusMB.toFixed(1)} MB (${path.relative(ROOT, CORPUS_DIR)}, seed ${corpus.seed}${corpus.regenerated ? ', regenerated' : ''})`,
    `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model?.trim() ?? 'unknown'}), ${os.platform()} ${os.arch()}`,
    `runs: ${opts.runs}${opts.warmup ? ' + 1 warm-up' : ''}, order rotated per run; peak RSS ${haveTime ? 'by /usr/bin/time' : 'not measured (no /usr/bin/time)'}`,
  ];
  console.log(header.join('\n'));
  console.log();
  console.log(table(
    ['tool', 'median ms', 'min', 'max', 'peak RSS MB', `ratio to ${BASELINE}`, 'note'],
    rows.map((r) => r.status === 'ok'
      ? [r.name, fmtMs(r.medianMs), fmtMs(r.minMs), fmtMs(r.maxMs), r.peakRssMB == null ? '—' : r.peakRssMB.toFixed(0), r.ratioToBaseline == null ? '—' : `${r.ratioToBaseline.toFixed(2)}×`, r.note ?? '']
      : [r.name, r.status, '', '', '', '', r.reason ?? '']),
    [false, true, true, true, true, true, false],
  ));

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim() ?? null,
    platform: `${os.platform()} ${os.arch()}`,
    totalMemMB: Math.round(os.totalmem() / 1048576),
    runs: opts.runs,
    warmup: opts.warmup,
    baseline: BASELINE,
    corpus: { dir: path.relative(ROOT, CORPUS_DIR), pages: opts.pages, seed: corpus.seed, files: corpus.files, bytes: corpus.bytes, topics: corpus.topics, defects: corpus.defects, today: CORPUS_TODAY },
    order,
    tools: rows,
  };
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(ROOT, RESULTS)}; last outputs: ${path.relative(ROOT, OUT_DIR)}/`);

  process.exitCode = rows.some((r) => r.status === 'failed') ? 1 : 0;
}

function fmtMs(ms) { return ms == null ? '—' : ms >= 100 ? Math.round(ms).toLocaleString('en-US') : ms.toFixed(1); }

function table(head, rows, right) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const cell = (v, i) => (right[i] ? String(v).padStart(w[i]) : String(v).padEnd(w[i]));
  const line = (r) => `| ${r.map(cell).join(' | ')} |`;
  return [line(head), `|${w.map((n, i) => (right[i] ? `${'-'.repeat(n + 1)}:` : `:${'-'.repeat(n + 1)}`)).join('|')}|`, ...rows.map(line)].join('\n');
}

main();
