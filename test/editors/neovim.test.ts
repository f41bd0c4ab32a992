import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PAGE_TWO_FINDINGS } from '../helpers/pages';

const ROOT = path.resolve(__dirname, '../..');

interface NvimDiagnostic {
	lnum: number;
	col: number;
	severity: number;
	source: string;
	code: string;
	message: string;
}

describe('Neovim headless as an LSP client', function () {
	this.timeout(30_000);

	it("shows the server's diagnostics for a page and updates them after an edit", async () => {
		const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-nvim-'));
		for (const d of ['config', 'data', 'cache', 'state', 'tmp', 'ws']) fs.mkdirSync(path.join(scratch, d));
		const file = path.join(scratch, 'ws', 'page.md');
		fs.writeFileSync(file, PAGE_TWO_FINDINGS);
		const env = {
			...process.env,
			SERVER: path.join(ROOT, 'dist/server.js'),
			FILE: file,
			NODE: process.execPath,
			TIMEOUT_MS: '10000',
			TMPDIR: path.join(scratch, 'tmp'),
			XDG_CONFIG_HOME: path.join(scratch, 'config'),
			XDG_DATA_HOME: path.join(scratch, 'data'),
			XDG_CACHE_HOME: path.join(scratch, 'cache'),
			XDG_STATE_HOME: path.join(scratch, 'state'),
		};
		const child = spawn(
			'nvim',
			[
				'--headless',
				'--clean',
				'-n',
				'-u',
				'NONE',
				'-i',
				'NONE',
				'-c',
				`luafile ${path.join(__dirname, 'lsp-diag.lua')}`,
			],
			{ env, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', resolve);
		});
		const log = () => {
			const f = path.join(scratch, 'cache/nvim/lsp.log');
			return `${out}\n${fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : ''}`;
		};
		const first = /^DIAGNOSTICS (.*)$/m.exec(out);
		assert.ok(first, log());
		const diagnostics = JSON.parse(first[1]) as NvimDiagnostic[];
		// Neovim keeps byte columns: the server's UTF-16 column 16 after 15 Thai letters and a space is byte 46.
		assert.deepEqual(
			diagnostics.map((d) => [d.lnum, d.col, d.severity, d.source, d.code]),
			[
				[8, 9, 1, 'disclosure-lint', 'date-invalid'],
				[14, 46, 2, 'disclosure-lint', 'date-era'],
			],
		);
		assert.match(diagnostics[0].message, /31 เมษายน 2569/);
		const after = /^AFTER_EDIT (true|false) (.*)$/m.exec(out);
		assert.ok(after, log());
		assert.equal(after[1], 'true', log());
		assert.deepEqual(
			(JSON.parse(after[2]) as NvimDiagnostic[]).map((d) => [d.lnum, d.col, d.code]),
			[[14, 46, 'date-era']],
		);
		assert.equal(code, 0, log());
		fs.rmSync(scratch, { recursive: true, force: true });
	});
});
