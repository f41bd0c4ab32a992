// A real Chromium for the tests, from the npm registry: @sparticuz/chromium ships a headless Chromium
// build (brotli-compressed) inside the package, so `npm ci` brings it and no browser download or
// Debian package is needed. It is unpacked once per package version into node_modules/.cache (a few
// seconds) and started through playwright-core.
//
// The package's own executablePath() unpacks to a shared /tmp/chromium that it never checks for the
// version; this helper keeps its own copy per version instead, and a fontconfig of its own that sees
// only the Open Sans faces the package ships: no system font takes part in what the tests render, so
// Thai text shows in a page's embedded font or not at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const PACKAGE = path.join(ROOT, 'node_modules/@sparticuz/chromium');

/** The npm package's version (its Chromium's major version). */
export function npmChromiumVersion(): string {
	return (JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where the unpacked browser lives: node_modules/.cache/disclosure-lint-chromium/<version>. */
function cacheDir(): string {
	return path.join(ROOT, 'node_modules/.cache/disclosure-lint-chromium', npmChromiumVersion());
}

/** A fontconfig that sees only the fonts in `fontDirs` (under the unpacked browser's folder `dir`). */
function fontconfigXml(dir: string, fontDirs: string[]): string {
	return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${fontDirs.map((d) => `  <dir>${dir}/${d}</dir>\n`).join('')}  <cachedir>${dir}/fontconfig-cache</cachedir>\n</fontconfig>\n`;
}

/** The files of a (ustar) tar archive: name and content, folders left out. */
function untar(buf: Buffer): { name: string; data: Buffer }[] {
	const out: { name: string; data: Buffer }[] = [];
	for (let at = 0; at + 512 <= buf.length; ) {
		const header = buf.subarray(at, at + 512);
		if (header.every((b) => b === 0)) break;
		const field = (from: number, len: number) =>
			header
				.subarray(from, from + len)
				.toString('utf8')
				.replace(/\0.*$/s, '');
		const size = parseInt(field(124, 12).trim() || '0', 8);
		const prefix = field(345, 155);
		const name = (prefix ? `${prefix}/` : '') + field(0, 100);
		const type = field(156, 1);
		if (type === '0' || type === '') out.push({ name, data: buf.subarray(at + 512, at + 512 + size) });
		at += 512 + Math.ceil(size / 512) * 512;
	}
	return out;
}

/**
 * Unpack the npm Chromium (once per version; a half-written copy is never used) and return its
 * executable and the environment it runs with.
 */
export function npmChromium(opts: { sarabun?: boolean } = {}): { executablePath: string; env: Record<string, string> } {
	const dir = cacheDir();
	const executablePath = path.join(dir, 'chromium');
	const fontsConf = path.join(dir, 'fonts.conf');
	if (!fs.existsSync(path.join(dir, 'complete'))) {
		const bin = path.join(PACKAGE, 'bin');
		if (!fs.existsSync(path.join(bin, 'chromium.br'))) throw new Error(`${bin}/chromium.br is missing: run npm ci`);
		const tmp = `${dir}.tmp-${process.pid}`;
		fs.rmSync(tmp, { recursive: true, force: true });
		fs.mkdirSync(path.join(tmp, 'fonts'), { recursive: true });
		fs.writeFileSync(
			path.join(tmp, 'chromium'),
			zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'chromium.br'))),
			{ mode: 0o755 },
		);
		for (const f of untar(zlib.brotliDecompressSync(fs.readFileSync(path.join(bin, 'fonts.tar.br'))))) {
			if (/\.(ttf|otf)$/i.test(f.name)) fs.writeFileSync(path.join(tmp, 'fonts', path.basename(f.name)), f.data);
		}
		fs.writeFileSync(path.join(tmp, 'fonts.conf'), fontconfigXml(dir, ['fonts']));
		fs.writeFileSync(path.join(tmp, 'complete'), `${npmChromiumVersion()}\n`);
		fs.rmSync(dir, { recursive: true, force: true });
		try {
			fs.renameSync(tmp, dir);
		} catch (err) {
			// Another process unpacked it first.
			fs.rmSync(tmp, { recursive: true, force: true });
			if (!fs.existsSync(path.join(dir, 'complete'))) throw err;
		}
	}
	if (!opts.sarabun) return { executablePath, env: { FONTCONFIG_FILE: fontsConf } };
	// For pages that bring no font of their own (the VS Code workbench): Sarabun as a system font too
	// (made by sarabunSystemFont()), so Thai shows in their screenshots on a machine without Thai fonts.
	const withSarabun = path.join(dir, 'fonts-sarabun.conf');
	const conf = fontconfigXml(dir, ['fonts', 'sarabun']);
	if (!fs.existsSync(withSarabun) || fs.readFileSync(withSarabun, 'utf8') !== conf) {
		fs.writeFileSync(`${withSarabun}.${process.pid}`, conf);
		fs.renameSync(`${withSarabun}.${process.pid}`, withSarabun);
	}
	return { executablePath, env: { FONTCONFIG_FILE: withSarabun } };
}

/**
 * Sarabun (Thai and Latin, regular and bold) from @fontsource/sarabun as TrueType files beside the npm
 * Chromium, where npmChromium({ sarabun: true }) points fontconfig (Chromium takes no woff from fontconfig).
 */
export async function sarabunSystemFont(): Promise<void> {
	const out = path.join(cacheDir(), 'sarabun');
	if (fs.existsSync(path.join(out, 'complete'))) return;
	// subset-font (HarfBuzz as wasm) converts while keeping every glyph of the subset file.
	// subset-font is CommonJS without types.
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- typed here, as the package has no types
	const subsetFont = require('subset-font') as (
		buf: Buffer,
		text: string,
		o: { targetFormat: string },
	) => Promise<Buffer>;
	const files = path.join(ROOT, 'node_modules/@fontsource/sarabun/files');
	const range = (a: number, b: number) =>
		Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)).join('');
	fs.mkdirSync(out, { recursive: true });
	for (const weight of [400, 700]) {
		for (const [subset, text] of [
			['thai', range(0x0e01, 0x0e5b)],
			['latin', range(0x20, 0xff)],
		] as const) {
			const ttf = await subsetFont(
				fs.readFileSync(path.join(files, `sarabun-${subset}-${weight}-normal.woff2`)),
				text,
				{ targetFormat: 'truetype' },
			);
			fs.writeFileSync(path.join(out, `Sarabun-${subset}-${weight}.ttf`), ttf);
		}
	}
	fs.writeFileSync(path.join(out, 'complete'), '');
}

/** Flags for a headless Chromium as root on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--no-zygote',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Start the npm Chromium through playwright-core. Throws (never skips) when it cannot start. */
export async function launchNpmChromium(options: LaunchOptions = {}): Promise<Browser> {
	const { executablePath, env } = npmChromium();
	return chromium.launch({
		...options,
		executablePath,
		headless: true,
		env: { ...process.env, ...env, ...options.env },
		args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
	});
}
