// The extension-host test runner (EDITORS.md §6.2). VS Code requires this file (bundled to CommonJS by
// scripts/build-editor-suite.mjs) inside the real extension host and calls run(). It runs the *.ext.js
// files next to it with mocha and writes the results next to the workspace folder, where the outer test
// (test/editors/vscode/exthost.test.ts) waits for them: the workbench does not close when the tests end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RESULT_FILE, SUITE_FILES, type Results } from '../results';

export async function run(): Promise<void> {
	const folder = vscode.workspace.workspaceFolders?.[0];
	if (!folder) throw new Error('extension tests: no workspace folder is open');
	const resultFile = path.join(folder.uri.fsPath, '..', RESULT_FILE);
	const out: Results = { passes: [], failures: [], pending: [], durations: {}, total: 0, ms: 0 };
	const t0 = Date.now();
	try {
		// mocha 12 is ESM; Node 24 (the extension host) can require() it. Keep it a plain runtime require.
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
		const m = require('mocha');
		const Mocha = m.default || m.Mocha || m;
		const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: 'spec', color: false });
		// The outer test may name the files to run (its workspace suits only some); else all of them.
		const listFile = path.join(folder.uri.fsPath, '..', SUITE_FILES);
		const only = fs.existsSync(listFile) ? (JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[]) : undefined;
		const files = fs
			.readdirSync(__dirname)
			.filter((n) => n.endsWith('.ext.js') && (!only || only.includes(n)))
			.sort();
		if (only && files.length !== only.length)
			throw new Error(`${SUITE_FILES} names ${only.join(', ')}; found ${files.join(', ')}`);
		for (const f of files) mocha.addFile(path.join(__dirname, f));
		// Synchronous require, so that `require('vscode')` in the test files goes through the extension host's module loader.
		mocha.loadFiles();
		out.total = mocha.suite.total();
		await new Promise<void>((done) => {
			mocha
				.run(() => done())
				.on('test end', (t: Mocha.Test) => (out.durations[t.fullTitle()] = t.duration ?? 0))
				.on('pass', (t: Mocha.Test) => out.passes.push(t.fullTitle()))
				.on('pending', (t: Mocha.Test) => out.pending.push(t.fullTitle()))
				.on('fail', (t: Mocha.Runnable, e: unknown) =>
					out.failures.push({ title: t.fullTitle(), error: String((e as Error)?.stack ?? e) }),
				);
		});
	} catch (e) {
		out.failures.push({ title: '(runner)', error: String((e as Error)?.stack ?? e) });
	}
	out.ms = Date.now() - t0;
	// Write atomically: the outer test polls for this file.
	fs.writeFileSync(`${resultFile}.tmp`, JSON.stringify(out, null, 2));
	fs.renameSync(`${resultFile}.tmp`, resultFile);
	if (out.failures.length) throw new Error(`${out.failures.length} extension test(s) failed`);
}
