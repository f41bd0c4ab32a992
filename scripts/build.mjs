// Bundle the CLI, its lint worker (and later the server and the client) to CommonJS with esbuild.
// unified v11 and friends are ESM-only; esbuild turns them into one CommonJS file per entry.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const watch = process.argv.includes('--watch');
const entries = [
	{ in: 'server/src/cli/bin.ts', out: 'cli' },
	{ in: 'server/src/cli/worker.ts', out: 'worker' },
	{ in: 'server/src/cli/benchLinks.ts', out: 'bench-links' },
	{ in: 'server/src/lsp/bin.ts', out: 'server' },
	{ in: 'client/src/extension.ts', out: 'client' },
].filter((e) => fs.existsSync(e.in));

const options = {
	entryPoints: entries.map((e) => ({ in: e.in, out: e.out })),
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: 'linked',
	minify: true,
	keepNames: true,
	external: ['vscode'],
	logLevel: 'warning',
	legalComments: 'none',
};
if (watch) {
	const ctx = await esbuild.context(options);
	await ctx.watch();
} else {
	await esbuild.build(options);
}
