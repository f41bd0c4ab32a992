// Bundle the extension-host test suite to CommonJS for the real VS Code extension host in code-server
// (EDITORS.md §6.2): test/editors/vscode/suite/index.ts (the runner) and suite/*.ext.ts (the tests; not
// *.test.ts, which .mocharc.editors.json would pick up and run outside VS Code). `vscode` is provided by the extension host and `mocha`
// resolves from the project's node_modules at run time, so both stay external `require`s.
// Output: test/editors/vscode/out/suite/{index,*.ext}.js (git-ignored). The outer test
// (test/editors/vscode/exthost.test.ts) runs this script itself before every run, so the bundle is never stale.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suiteDir = path.join(root, 'test/editors/vscode/suite');
const outdir = path.join(root, 'test/editors/vscode/out/suite');

const entries = fs
	.readdirSync(suiteDir)
	.filter((f) => f === 'index.ts' || f.endsWith('.ext.ts'))
	.sort();
if (!entries.includes('index.ts')) throw new Error(`${suiteDir}/index.ts (the runner) is missing`);

fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
	absWorkingDir: root,
	entryPoints: entries.map((f) => path.join(suiteDir, f)),
	outdir,
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	sourcemap: 'inline',
	external: ['vscode', 'mocha'],
	logLevel: 'warning',
});
if (!process.argv.includes('--quiet'))
	console.log(`editor suite: ${entries.length} files -> ${path.relative(root, outdir)}`);
