// Bundle the CLI, its lint worker (and later the server and the client) to CommonJS with esbuild.
// unified v11 and friends are ESM-only; esbuild turns them into one CommonJS file per entry.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeValidators } from './gen-validators.mjs';

// The bundled schemas' validators, compiled now rather than on every run (src/core/schema/precompiled.ts):
// one file each in dist/validators/, loaded when a run first needs it.
const validators = [...writeValidators()].map(([name, file]) => ({ in: file, out: `validators/${name}` }));
// Libraries few runs need, each its own file in dist/vendor/ (src/core/vendor.ts).
const vendor = ['ajv', 're2js', 'undici', 'html'].map((name) => ({
	in: path.join('scripts/vendor', `${name}.js`),
	out: `vendor/${name}`,
}));

const watch = process.argv.includes('--watch');
const entries = [
	{ in: 'server/src/cli/bin.ts', out: 'cli' },
	{ in: 'server/src/cli/worker.ts', out: 'worker' },
	{ in: 'server/src/cli/benchLinks.ts', out: 'bench-links' },
	{ in: 'server/src/lsp/bin.ts', out: 'server' },
	{ in: 'client/src/extension.ts', out: 'client' },
].filter((e) => fs.existsSync(e.in));

const options = {
	entryPoints: [...entries, ...validators, ...vendor].map((e) => ({ in: e.in, out: e.out })),
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: 'linked',
	minify: true,
	keepNames: true,
	external: ['vscode'],
	define: { DISCLOSURE_LINT_BUNDLE: 'true' },
	logLevel: 'warning',
	legalComments: 'none',
};
if (watch) {
	const ctx = await esbuild.context(options);
	await ctx.watch();
} else {
	await esbuild.build(options);
}
