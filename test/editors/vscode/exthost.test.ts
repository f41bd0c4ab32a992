// Extension-host tests (EDITORS.md §6.2): code-server 4.139.1 opens the web workbench with a `payload` that
// names the project folder as extensionDevelopmentPath and the bundled suite (test/editors/vscode/suite/index.ts + *.ext.ts, built
// by scripts/build-editor-suite.mjs) as extensionTestsPath. mocha then runs inside the real extension host with
// the real `vscode` API and the real language client over node-ipc. The runner writes
// <scratch>/ext-test-result.json, which this test waits for. Each run names the *.ext.js files that suit its
// workspace in <scratch>/ext-test-files.json: page.md for the diagnostics and snippets, a copy of examples/ for
// the Disclosure checklist view.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServerRun, ROOT, filterNoise, requireEditorTools } from './codeServer';
import { RESULT_FILE, SUITE_FILES, type Results } from './results';

const SUITE_DIR = path.join(ROOT, 'test/editors/vscode/out/suite');

describe('VS Code (code-server) extension host: mocha with the real vscode API', function () {
	this.timeout(180_000);
	let run: CodeServerRun | undefined;

	before(function () {
		requireEditorTools(this);
		// Always rebuild the suite, so that a stale bundle can never be what runs (~0.1 s).
		const b = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-editor-suite.mjs'), '--quiet'], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		assert.equal(b.status, 0, `scripts/build-editor-suite.mjs failed:\n${b.stdout}${b.stderr}`);
		assert.ok(fs.existsSync(path.join(SUITE_DIR, 'index.js')));
	});

	afterEach(async function () {
		if (!run) return;
		await run.stop();
		run.finish(this.currentTest?.state !== 'passed');
		run = undefined;
	});

	/**
	 * Start code-server on the run's workspace with the suite as extensionTestsPath, run the named *.ext.js
	 * files in the extension host, print their results, and return the names of the tests that passed.
	 */
	async function runInner(files: string[]): Promise<string[]> {
		fs.writeFileSync(path.join(run!.scratch, SUITE_FILES), JSON.stringify(files));
		await run!.start(['--vscode-option', 'enable-smoke-test-driver']);
		const page = await run!.launchBrowser();
		const remote = (p: string) => `vscode-remote://127.0.0.1:${run!.port}${p}`;
		const payload = JSON.stringify([
			['extensionDevelopmentPath', remote(ROOT)],
			['extensionTestsPath', remote(SUITE_DIR)],
		]);
		await page.goto(run!.url(`&payload=${encodeURIComponent(payload)}`));
		run!.mark('workbench loading');

		const raw = await run!.waitForFile(path.join(run!.scratch, RESULT_FILE), 120_000);
		run!.mark('inner suite done');
		const result = JSON.parse(raw) as Results;
		console.log(
			`      inner suite: ${result.passes.length} passed, ${result.failures.length} failed, ${result.pending.length} pending of ${result.total} in ${(result.ms / 1000).toFixed(1)} s`,
		);
		const ms = (t: string) => (t in result.durations ? ` (${result.durations[t]} ms)` : '');
		for (const t of result.passes) console.log(`        ✔ ${t}${ms(t)}`);
		const failures = result.failures
			.map((f) => `✘ ${f.title}${ms(f.title)}\n${filterNoise(f.error).join('\n')}`)
			.join('\n\n');
		if (failures) console.log(failures.replace(/^/gm, '        '));
		assert.ok(result.failures.length === 0 && result.passes.length > 0, `inner suite failed:\n${failures}`);
		return result.passes;
	}

	it('runs the inner suite (diagnostics, quick fix, fixAll, snippets) and every inner test passes', async () => {
		run = new CodeServerRun('dl-vscode-exthost-');
		run.writeWorkspace();
		const passes = await runInner(['diagnostics.ext.js', 'snippets.ext.js']);
		// Every inner test ran and passed, by name: a missing *.ext file would lower both counts alike.
		assert.deepEqual(passes, [
			'disclosure-lint in the VS Code extension host activates on a Markdown page and registers its commands',
			'disclosure-lint in the VS Code extension host publishes date-invalid (line 9) and date-era (line 15) with English messages and rule links',
			'disclosure-lint in the VS Code extension host applies the date-era quick fix: the year becomes 2567 and only date-invalid is left',
			'disclosure-lint in the VS Code extension host "disclosure-lint.fixAll" applies the safe fixes of the whole page (date-era) and leaves date-invalid',
			'page skeleton snippets in the VS Code extension host inserts the web-links skeleton: front matter with the topic, every required and recommended key, and the required link',
			'page skeleton snippets in the VS Code extension host every topic skeleton yields no missing key (required or recommended), section or required link',
		]);
	});

	it('runs the Disclosure checklist suite on a copy of examples/ and every inner test passes', async () => {
		run = new CodeServerRun('dl-vscode-checklist-');
		run.writeExamplesWorkspace();
		const passes = await runInner(['checklist.ext.js']);
		const suite = 'the Disclosure checklist view in the VS Code extension host';
		assert.deepEqual(passes, [
			`${suite} shows the ten topics of examples/ as covered, with their pages, counts and review dates`,
			`${suite} a missing topic: its create action writes the topic skeleton to a new file, opens it, and the view shows the topic covered`,
			`${suite} never overwrites: creating where a file exists, or outside the workspace, writes nothing`,
			`${suite} a page that lacks a section lists it under the page; "add the section heading" inserts it and the topic is covered again`,
		]);
	});
});
