#!/usr/bin/env node
// The language server as an editor sees it: time from didChange to the page's diagnostics, and memory
// with a 2,000-page workspace open. Talks to the bundled dist/server.js over stdio with the real
// protocol (vscode-languageserver-protocol), like the stdio tests.
//
//   npm run bench:lsp                  # 20 KB and 500 KB pages, 50 edits each; 2,000-page workspace
//   node scripts/bench-lsp.mjs --edits 100 --pages 500
//
// Latency: a page is opened, then edited 50 times, one edit at a time: half typed into the middle of
// the body one character at a time, half into the front-matter title (which moves every later node).
// Each sample is the time from sending didChange (version v) to receiving publishDiagnostics for
// version v. The server's debounce is set to 0 (the `debounceMs` setting, 200 ms by default, is a
// deliberate wait the user chooses; it adds to these figures).
// Memory: twice, as a plain `node dist/server.js` and with the V8 flags the VS Code client uses; the
// server is started on the workspace root of the benchmark corpus (generated into
// .bench/corpus by scripts/bench/corpus.mjs when missing), lints it in the background with
// work-done progress; VmRSS and VmHWM are read from /proc when the progress ends.
// Targets (issue 5): p95 <= 50 ms on 20 KB, <= 300 ms on 500 KB; under 200 MB.
//
// Typing while a lint runs (issues 13 and 14): pages are linted in lint threads, so requests never wait
// on a lint. Two measures, each idle and busy, in one run:
// - completion (after `topic: `) and hover (on a front-matter key) right after each keystroke typed into
//   a 20 KB page: idle, then while a heavy page (nested lists the parser reads slowly) is linted again
//   and again (its lint runs until the 2 s budget stops it, then its next edit starts another);
// - didChange -> publishDiagnostics of the 20 KB page: idle, then during the background lint of the
//   2,000-page workspace (issue 14: p95 within 10 ms of each other).
// With the client's V8 flags; the server's peak RSS (VmHWM: the process, its lint threads included).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
	CompletionRequest,
	ConfigurationRequest,
	createProtocolConnection,
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	ExitNotification,
	HoverRequest,
	InitializeRequest,
	InitializedNotification,
	ProgressType,
	PublishDiagnosticsNotification,
	ShutdownRequest,
	WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol';
import { generateCorpus } from './bench/corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(ROOT, 'dist/server.js');
const BENCH = path.join(ROOT, '.bench');
const CORPUS = path.join(BENCH, 'corpus');
const TIMEOUT_MS = 120_000;

const args = process.argv.slice(2);
const opt = (name, def) => {
	const i = args.indexOf(name);
	return i >= 0 ? Number(args[i + 1]) : def;
};
const EDITS = opt('--edits', 50);
const PAGES = opt('--pages', 2000);

if (!fs.existsSync(SERVER)) {
	console.error('bench:lsp: dist/server.js is missing; run npm run build');
	process.exit(2);
}

/** The server over stdio with settings answered from `settings`; resolves diagnostics by uri and version. */
function startServer(settings, nodeFlags = []) {
	const child = spawn(process.execPath, [...nodeFlags, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
	const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	const waiters = [];
	let progressEnd;
	const progressEnded = new Promise((resolve) => (progressEnd = resolve));
	conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings));
	conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
		conn.onProgress(new ProgressType(), p.token, (v) => v.kind === 'end' && progressEnd());
	});
	const listeners = [];
	conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
		for (let i = waiters.length - 1; i >= 0; i--) {
			if (waiters[i].uri === p.uri && waiters[i].version === p.version) waiters.splice(i, 1)[0].resolve(p);
		}
		for (const l of listeners) l(p);
	});
	conn.listen();
	const diagnostics = (uri, version) =>
		new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`no diagnostics for ${uri} v${version} in ${TIMEOUT_MS} ms`)),
				TIMEOUT_MS,
			);
			waiters.push({
				uri,
				version,
				resolve: (p) => {
					clearTimeout(timer);
					resolve(p);
				},
			});
		});
	const memory = () => {
		const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
		const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
		return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
	};
	const close = async () => {
		await conn.sendRequest(ShutdownRequest.type);
		await conn.sendNotification(ExitNotification.type);
		await new Promise((r) => child.once('exit', r));
		conn.dispose();
	};
	const init = async (root, progress = false) => {
		await conn.sendRequest(InitializeRequest.type, {
			processId: process.pid,
			rootUri: pathToFileURL(root).href,
			workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
			capabilities: { workspace: { configuration: true }, window: { workDoneProgress: progress } },
		});
		await conn.sendNotification(InitializedNotification.type, {});
	};
	return { conn, diagnostics, memory, close, init, progressEnded, onDiagnostics: (l) => listeners.push(l) };
}

function ensureCorpus() {
	if (fs.existsSync(CORPUS) && fs.readdirSync(CORPUS).length > 5) return;
	console.log(`bench:lsp: generating the corpus in ${path.relative(ROOT, CORPUS)}`);
	generateCorpus(CORPUS, { pages: PAGES, seed: 42 });
}

function markdownFiles(dir) {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((e) =>
			e.isDirectory()
				? markdownFiles(path.join(dir, e.name))
				: e.name.endsWith('.md')
					? [path.join(dir, e.name)]
					: [],
		);
}

/** A page of about `bytes`: the example SOP manual, then bodies of corpus pages (tables, lists, dates, links). */
function bigPage(bytes) {
	const bodies = markdownFiles(CORPUS)
		.slice(0, 400)
		.map((f) => {
			const t = fs.readFileSync(f, 'utf8');
			return t.slice(t.indexOf('\n---', 3) + 4);
		});
	let text = fs.readFileSync(path.join(ROOT, 'examples/manuals/sop-web-publishing.md'), 'utf8');
	for (let i = 0; Buffer.byteLength(text) < bytes; i++) {
		const body = bodies[i % bodies.length];
		const room = bytes - Buffer.byteLength(text);
		text += `\n${Buffer.byteLength(body) <= room ? body : body.slice(0, Math.max(0, room - 200)).replace(/\n[^\n]*$/, '\n')}`;
		if (room < 400) break;
	}
	return text;
}

const quantile = (xs, q) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

async function latency(label, text, dir) {
	const file = path.join(dir, `${label}.md`);
	fs.writeFileSync(file, text);
	const uri = pathToFileURL(file).href;
	const server = startServer({ debounceMs: 0, locale: 'th', today: '2026-11-27', links: 'local' });
	try {
		await server.init(dir);
		let version = 1;
		const opened = server.diagnostics(uri, version);
		let t = performance.now();
		await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'markdown', version, text },
		});
		const first = await opened;
		const openMs = performance.now() - t;
		const lines = text.split('\n');
		// Typing goes into a paragraph line in the middle of the body, and into the title in the front matter.
		let bodyLine = Math.floor(lines.length / 2);
		while (!/^[\u0E00-\u0E7F]/.test(lines[bodyLine]) && bodyLine < lines.length - 1) bodyLine++;
		const titleLine = lines.findIndex((l) => l.startsWith('title:'));
		const typed = 'ปรับปรุงข้อความ';
		const samples = [];
		let findings = first.diagnostics.length;
		for (let i = 0; i < EDITS; i++) {
			const inBody = i < EDITS / 2;
			const line = inBody ? bodyLine : titleLine;
			const character =
				(inBody ? lines[bodyLine].length : lines[titleLine].length) + (inBody ? i : i - Math.ceil(EDITS / 2));
			const ch = typed[i % typed.length];
			version++;
			const wait = server.diagnostics(uri, version);
			t = performance.now();
			await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri, version },
				contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: ch }],
			});
			findings = (await wait).diagnostics.length;
			samples.push(performance.now() - t);
		}
		const mem = server.memory();
		return {
			label,
			bytes: Buffer.byteLength(text),
			openMs,
			median: quantile(samples, 0.5),
			p95: quantile(samples, 0.95),
			max: Math.max(...samples),
			findings,
			...mem,
		};
	} finally {
		await server.close();
	}
}

/** The V8 flags the VS Code client starts the server with (client/src/extension.ts SERVER_NODE_FLAGS). */
function clientFlags() {
	const src = fs.readFileSync(path.join(ROOT, 'client/src/extension.ts'), 'utf8');
	const m = /SERVER_NODE_FLAGS = \[([^\]]*)\]/.exec(src);
	if (!m) throw new Error('SERVER_NODE_FLAGS not found in client/src/extension.ts');
	return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

async function workspaceMemory(nodeFlags) {
	ensureCorpus();
	const pages = markdownFiles(CORPUS).length;
	const server = startServer({ debounceMs: 200, locale: 'th', today: '2026-11-27', links: 'local' }, nodeFlags);
	try {
		const t = performance.now();
		await server.init(CORPUS, true);
		await Promise.race([
			server.progressEnded,
			new Promise((_, reject) =>
				setTimeout(() => reject(new Error('the workspace lint did not end')), TIMEOUT_MS),
			),
		]);
		const ms = performance.now() - t;
		return { pages, ms, flags: nodeFlags.join(' ') || '(none)', ...server.memory() };
	} finally {
		await server.close();
	}
}

/** p50, p95 and max of samples, as text. */
const stats = (xs) =>
	`${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)} / ${Math.max(...xs).toFixed(1)} ms`;

/** Nested lists: the Markdown parser reads them in time that grows faster than the page (no limit counts them). */
function nestedListPage(chars) {
	let text = fs.readFileSync(path.join(ROOT, 'examples/manuals/sop-web-publishing.md'), 'utf8');
	while (text.length < chars) text += '- รายการที่หนึ่ง ข้อความยาว ๆ เพื่อทดสอบ\n  - ย่อย ข้อความ\n';
	return text;
}

/** Type into a page one character at a time; after each keystroke, time a completion and a hover on it. */
async function typeAndAsk(server, uri, text, start, edits, column = 0) {
	const lines = text.split('\n');
	let bodyLine = Math.floor(lines.length / 2);
	while (!/^[\u0E00-\u0E7F]/.test(lines[bodyLine]) && bodyLine < lines.length - 1) bodyLine++;
	const keyLine = lines.findIndex((l) => /^responsible:/.test(l));
	const topicLine = lines.findIndex((l) => /^topic:/.test(l));
	const completion = [];
	const hover = [];
	for (let i = 0; i < edits; i++) {
		const version = start + i;
		await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version },
			contentChanges: [
				{
					range: {
						start: { line: bodyLine, character: column + i },
						end: { line: bodyLine, character: column + i },
					},
					text: 'ก',
				},
			],
		});
		let t = performance.now();
		const items = await server.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri },
			position: { line: topicLine, character: 7 },
		});
		completion.push(performance.now() - t);
		if (!items?.length) throw new Error('no completion');
		t = performance.now();
		const h = await server.conn.sendRequest(HoverRequest.type, {
			textDocument: { uri },
			position: { line: keyLine, character: 3 },
		});
		hover.push(performance.now() - t);
		if (!h) throw new Error('no hover');
	}
	return { completion, hover };
}

/** Completion and hover while typing: idle, then while a heavy page is linted over and over. */
async function typingDuringLint(dir, nodeFlags) {
	const small = path.join(dir, 'typing-20KB.md');
	const heavy = path.join(dir, 'typing-heavy.md');
	const text = bigPage(20_000);
	fs.writeFileSync(small, text);
	const heavyText = nestedListPage(200_000);
	fs.writeFileSync(heavy, heavyText);
	const uri = pathToFileURL(small).href;
	const heavyUri = pathToFileURL(heavy).href;
	const server = startServer({ debounceMs: 200, locale: 'th', today: '2026-11-27', links: 'local' }, nodeFlags);
	try {
		await server.init(dir);
		const opened = server.diagnostics(uri, 1);
		await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'markdown', version: 1, text },
		});
		await opened;
		const idle = await typeAndAsk(server, uri, text, 2, EDITS);
		const typed = EDITS;
		// The heavy page: each time its diagnostics come (its lint ended or was stopped), one more edit starts another lint.
		let heavyVersion = 1;
		let heavyLints = 0;
		let stopped = 0;
		let busy = true;
		server.onDiagnostics((p) => {
			if (p.uri !== heavyUri || !busy) return;
			heavyLints++;
			if (p.diagnostics.some((d) => d.data?.messageId === 'time')) stopped++;
			heavyVersion++;
			void server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri: heavyUri, version: heavyVersion },
				contentChanges: [
					{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '' },
				],
			});
		});
		await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: heavyUri, languageId: 'markdown', version: 1, text: heavyText },
		});
		// Typing goes on until the heavy page's lint was stopped twice (two threads started again meanwhile).
		const during = { completion: [], hover: [] };
		let version = 2 + EDITS;
		while ((during.completion.length < EDITS || heavyLints < 2) && during.completion.length < 2000) {
			const round = await typeAndAsk(server, uri, text, version, 10, typed + during.completion.length);
			version += 10;
			during.completion.push(...round.completion);
			during.hover.push(...round.hover);
		}
		busy = false;
		return { idle, during, heavyLints, stopped, ...server.memory() };
	} finally {
		await server.close();
	}
}

/** didChange -> publishDiagnostics of a 20 KB page: idle, then during the background lint of the whole corpus. */
async function editsDuringWorkspaceLint(nodeFlags) {
	ensureCorpus();
	const file = path.join(CORPUS, 'zz-bench-typing.md');
	const text = bigPage(20_000);
	fs.writeFileSync(file, text);
	const uri = pathToFileURL(file).href;
	const server = startServer({ debounceMs: 0, locale: 'th', today: '2026-11-27', links: 'local' }, nodeFlags);
	const lines = text.split('\n');
	let bodyLine = Math.floor(lines.length / 2);
	while (!/^[\u0E00-\u0E7F]/.test(lines[bodyLine]) && bodyLine < lines.length - 1) bodyLine++;
	let version = 1;
	const edit = async () => {
		version++;
		const wait = server.diagnostics(uri, version);
		const t = performance.now();
		await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version },
			contentChanges: [
				{
					range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 0 } },
					text: 'ก',
				},
			],
		});
		await wait;
		return performance.now() - t;
	};
	try {
		// The server starts its background lint at `initialized`: the page is opened and typed into at once.
		await server.init(CORPUS, true);
		const opened = server.diagnostics(uri, 1);
		await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'markdown', version: 1, text },
		});
		await opened;
		const during = [];
		let ended = false;
		void server.progressEnded.then(() => (ended = true));
		while (!ended && during.length < 5000) during.push(await edit());
		const idle = [];
		for (let i = 0; i < Math.max(EDITS, 300); i++) idle.push(await edit());
		return { during, idle, ...server.memory() };
	} finally {
		await server.close();
		fs.rmSync(file, { force: true });
	}
}

ensureCorpus();
const dir = fs.mkdtempSync(path.join(BENCH, 'lsp-'));
try {
	const rows = [];
	for (const [label, bytes] of [
		['20KB', 20_000],
		['500KB', 500_000],
	])
		rows.push(await latency(label, bigPage(bytes), dir));
	console.log(`didChange -> publishDiagnostics, ${EDITS} edits each (debounce 0):`);
	console.log('| page | size | first lint | median | p95 | max | findings | server RSS | peak RSS |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		console.log(
			`| ${r.label} | ${(r.bytes / 1024).toFixed(0)} KiB | ${r.openMs.toFixed(0)} ms | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${r.findings} | ${r.rssMB.toFixed(0)} MB | ${r.peakMB.toFixed(0)} MB |`,
		);
	}
	const workspace = [];
	console.log('\n| workspace | node flags | background lint | server RSS at its end | peak RSS |');
	console.log('|---|---|---|---|---|');
	for (const flags of [[], clientFlags()]) {
		const ws = await workspaceMemory(flags);
		workspace.push(ws);
		console.log(
			`| ${ws.pages} pages | ${ws.flags} | ${(ws.ms / 1000).toFixed(1)} s | ${ws.rssMB.toFixed(0)} MB | ${ws.peakMB.toFixed(0)} MB |`,
		);
	}
	const flags = clientFlags();
	const typing = await typingDuringLint(dir, flags);
	console.log(
		`\nTyping into a 20 KB page; after each keystroke, a completion and a hover (p50 / p95 / max; ${typing.idle.completion.length} keystrokes idle, ${typing.during.completion.length} busy), client V8 flags:`,
	);
	console.log('| | completion | hover |');
	console.log('|---|---|---|');
	console.log(`| idle | ${stats(typing.idle.completion)} | ${stats(typing.idle.hover)} |`);
	console.log(
		`| a heavy page linted meanwhile (${typing.heavyLints} lints ended, ${typing.stopped} of them stopped at the 2 s budget) | ${stats(typing.during.completion)} | ${stats(typing.during.hover)} |`,
	);
	console.log(`server peak RSS: ${typing.peakMB.toFixed(0)} MB`);
	const background = await editsDuringWorkspaceLint(flags);
	console.log(`\ndidChange -> publishDiagnostics of a 20 KB page (debounce 0), client V8 flags (p50 / p95 / max):`);
	console.log('| | edits | latency |');
	console.log('|---|---|---|');
	console.log(
		`| during the ${PAGES}-page background lint | ${background.during.length} | ${stats(background.during)} |`,
	);
	console.log(`| after it | ${background.idle.length} | ${stats(background.idle)} |`);
	console.log(
		`p95 difference: ${(quantile(background.during, 0.95) - quantile(background.idle, 0.95)).toFixed(1)} ms (target: within 10 ms); server peak RSS: ${background.peakMB.toFixed(0)} MB`,
	);
	fs.writeFileSync(
		path.join(BENCH, 'results-lsp.json'),
		JSON.stringify({ rows, workspace, typing, background }, null, 2),
	);
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
