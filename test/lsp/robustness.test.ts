import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
	CodeActionRequest,
	CompletionRequest,
	DidChangeTextDocumentNotification,
	DidOpenTextDocumentNotification,
	HoverRequest,
	type CodeAction,
	type CompletionItem,
	type PublishDiagnosticsParams,
	type ResponseMessage,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../../server/src/core/fix';
import { engineAt } from '../helpers/fixtures';
import { Harness } from '../helpers/lsp';
import { PAGE_TWO_FINDINGS, webLinksHead } from '../helpers/pages';
import { tmpDir } from '../helpers/tmp';
import { DEFAULT_BUDGET } from '../../server/src/core/parse/limits';

const SETTINGS = { today: '2026-11-27', debounceMs: 0, locale: 'en' };
const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);

/** A page of plain Thai paragraphs just under the page-size limit: no limit refuses it, and no machine lints 1 MB in 50 ms. */
function bigThaiPage(): string {
	const para = 'หน่วยงานได้จัดทำรายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2569 เพื่อเผยแพร่ต่อสาธารณะ โดยมีรายละเอียดดังนี้ '.repeat(
		5,
	);
	let text = `${webLinksHead().join('\n')}\n`;
	while (text.length < 990_000) text += `${para}\n\n`;
	return text;
}

/**
 * A page the pre-scan lets through (docs/rules/page-limits.md) that still takes seconds to parse: nested
 * list items just under the page's limit (micromark's time grows with their square), then Thai prose up
 * to `chars` (micromark reads about 1 MB of it in 3 s).
 */
function nestedListPage(chars: number): string {
	let text = `${webLinksHead().join('\n')}\n`;
	for (let i = 1; i < DEFAULT_BUDGET.maxNestedListItems; i++) text += '- รายการ\n  - ย่อย\n';
	text += '\n';
	while (text.length < chars) text += 'ข้อความภาษาไทยยาว ๆ เพื่อทดสอบการตรวจหน้าที่ใช้เวลานาน และไม่มีรูปแบบพิเศษใด ๆ\n\n';
	return text;
}

/** Resolves with the time a request took. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const t = performance.now();
	const value = await run();
	return { ms: performance.now() - t, value };
}

describe('language server: lints in a thread that can be stopped', function () {
	this.timeout(60_000);

	it('a page whose lint runs over the budget gets one page-limits finding, and the server goes on serving', async () => {
		const dir = tmpDir('dl-lsp-budget-');
		const h = new Harness(SETTINGS);
		try {
			// The budget of this server is 50 ms (initializationOptions.lintTimeoutMs): a 1 MB page takes far longer.
			await h.initialize(
				dir,
				{ workspace: { configuration: true } },
				{ initializationOptions: { lintTimeoutMs: 50 } },
			);
			const big = pathToFileURL(path.join(dir, 'big.md')).href;
			const text = bigThaiPage();
			const first = h.diagnostics(big, 1, 20_000);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri: big, languageId: 'markdown', version: 1, text },
			});
			const p = await first;
			assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
			const [d] = p.diagnostics;
			assert.equal(d.code, 'page-limits');
			assert.equal(d.severity, 2, 'page-limits is a warning by default');
			assert.equal(
				d.message,
				'Checking this page took longer than 0.05 s, so it was stopped and the page was not checked. Split it into several pages, or move raw data into an attachment (PDF, XLSX, CSV)',
			);
			assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
			assert.equal(
				d.codeDescription?.href,
				'https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/page-limits.md',
			);
			assert.deepEqual(d.data, { ruleId: 'page-limits', messageId: 'time', extra: { limit: 'time', ms: 50 } });
			await h.logLine(/lint thread stopped \(time: over 50 ms\) while on file:.*big\.md/);

			// The server still answers, and the next edit is linted by a new thread (and stopped again).
			const hover = (await h.conn.sendRequest(HoverRequest.type, {
				textDocument: { uri: big },
				position: { line: 4, character: 3 },
			})) as { contents: { value: string } };
			assert.match(hover.contents.value, /^\*\*responsible\*\*/);
			const again = h.diagnostics(big, 2, 20_000);
			await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri: big, version: 2 },
				contentChanges: [
					{ range: { start: { line: 2, character: 7 }, end: { line: 2, character: 7 } }, text: 'ก' },
				],
			});
			assert.deepEqual(codes(await again), ['0:page-limits']);
		} finally {
			await h.close();
		}
	});

	it("a page whose lint exhausts the thread's memory gets one page-limits finding", async () => {
		const dir = tmpDir('dl-lsp-memory-');
		const h = new Harness(SETTINGS);
		try {
			// A 64 MB heap per lint thread (initializationOptions.lintMemoryMb), and time enough.
			await h.initialize(
				dir,
				{ workspace: { configuration: true } },
				{ initializationOptions: { lintMemoryMb: 64, lintTimeoutMs: 120_000 } },
			);
			const uri = pathToFileURL(path.join(dir, 'lists.md')).href;
			const linted = h.diagnostics(uri, 1, 60_000);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri, languageId: 'markdown', version: 1, text: nestedListPage(990_000) },
			});
			const p = await linted;
			assert.deepEqual(
				p.diagnostics.map((d) => [d.code, d.severity, d.message, (d.data as { messageId: string }).messageId]),
				[
					[
						'page-limits',
						2,
						'Checking this page ran out of memory or failed, so it was stopped and the page was not checked. Split it into several pages, or move raw data into an attachment (PDF, XLSX, CSV)',
						'memory',
					],
				],
			);
			await h.logLine(/lint thread stopped \(memory: .*out of memory\) while on file:.*lists\.md/);
		} finally {
			await h.close();
		}
	});

	it('hover and completion answer while a long lint runs, and a newer edit supersedes the lints still pending', async () => {
		const dir = tmpDir('dl-lsp-busy-');
		const h = new Harness(SETTINGS);
		try {
			await h.initialize(
				dir,
				{ workspace: { configuration: true } },
				{ initializationOptions: { lintTimeoutMs: 120_000 } },
			);
			const small = pathToFileURL(path.join(dir, 'small.md')).href;
			const opened = h.diagnostics(small, 1);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri: small, languageId: 'markdown', version: 1, text: PAGE_TWO_FINDINGS },
			});
			assert.deepEqual(codes(await opened), ['8:date-invalid', '14:date-era']);

			// A page that takes seconds to lint, then two quick edits while it is linted.
			const heavy = pathToFileURL(path.join(dir, 'heavy.md')).href;
			const latest = h.diagnostics(heavy, 3, 60_000);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri: heavy, languageId: 'markdown', version: 1, text: nestedListPage(990_000) },
			});
			const hover = await timed(() =>
				h.conn.sendRequest(HoverRequest.type, {
					textDocument: { uri: small },
					position: { line: 4, character: 3 },
				}),
			);
			const completion = await timed(
				() =>
					h.conn.sendRequest(CompletionRequest.type, {
						textDocument: { uri: small },
						position: { line: 1, character: 7 },
					}) as Promise<CompletionItem[]>,
			);
			assert.ok(!h.pushed.includes(heavy), 'the long lint was still running');
			assert.match((hover.value as { contents: { value: string } }).contents.value, /^\*\*responsible\*\*/);
			assert.equal(completion.value.length, 10);
			assert.ok(
				hover.ms < 1000 && completion.ms < 1000,
				`hover ${hover.ms.toFixed(0)} ms, completion ${completion.ms.toFixed(0)} ms during the lint`,
			);

			await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri: heavy, version: 2 },
				contentChanges: [{ text: PAGE_TWO_FINDINGS }],
			});
			await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
				textDocument: { uri: heavy, version: 3 },
				contentChanges: [
					{
						range: { start: { line: 8, character: 9 }, end: { line: 8, character: 23 } },
						text: '2569-10-15',
					},
				],
			});
			assert.deepEqual(codes(await latest), ['14:date-era']);
			// Neither the lint that was running (version 1) nor the one that waited (version 2) was published.
			assert.deepEqual(
				h.published.filter((p) => p.uri === heavy).map((p) => p.version),
				[3],
			);
		} finally {
			await h.close();
		}
	});

	it('the workspace lint stops a page over the budget, reports it, and lints the pages after it', async () => {
		const dir = tmpDir('dl-lsp-ws-budget-');
		fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify({ requiredTopics: ['web-links'] }));
		fs.writeFileSync(path.join(dir, 'a-heavy.md'), nestedListPage(990_000));
		fs.writeFileSync(path.join(dir, 'b-page.md'), PAGE_TWO_FINDINGS);
		fs.writeFileSync(path.join(dir, 'c-page.md'), PAGE_TWO_FINDINGS);
		const heavy = pathToFileURL(path.join(dir, 'a-heavy.md')).href;
		const h = new Harness(SETTINGS);
		try {
			const stopped = h.diagnostics(heavy, undefined, 30_000);
			const b = h.diagnostics(pathToFileURL(path.join(dir, 'b-page.md')).href, undefined, 30_000);
			const c = h.diagnostics(pathToFileURL(path.join(dir, 'c-page.md')).href, undefined, 30_000);
			await h.initialize(
				dir,
				{ workspace: { configuration: true }, window: { workDoneProgress: true } },
				{ initializationOptions: { lintTimeoutMs: 500 } },
			);
			assert.deepEqual(
				(await stopped).diagnostics.map((d) => [d.code, d.message]),
				[
					[
						'page-limits',
						'Checking this page took longer than 0.5 s, so it was stopped and the page was not checked. Split it into several pages, or move raw data into an attachment (PDF, XLSX, CSV)',
					],
				],
			);
			assert.deepEqual(codes(await b), ['8:date-invalid', '14:date-era']);
			assert.deepEqual(codes(await c), ['8:date-invalid', '14:date-era']);
			await h.progressEnd(30_000);
		} finally {
			await h.close();
		}
	});

	it('reads a front matter over its budget neither for hover nor for completion', async () => {
		const dir = tmpDir('dl-lsp-fm-budget-');
		const uri = pathToFileURL(path.join(dir, 'keys.md')).href;
		// 60,000 keys: the YAML parser's duplicate-key check takes minutes on them (maxFrontMatterKeys is 5,000).
		const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: v`).join('\n');
		const text = `---\ntopic: web-links\nresponsible: กลุ่มงาน\n${keys}\n---\n\n# หน้า\n`;
		const h = new Harness(SETTINGS);
		try {
			await h.initialize(dir, { workspace: { configuration: true } });
			const linted = h.diagnostics(uri, 1, 20_000);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri, languageId: 'markdown', version: 1, text },
			});
			const hover = await timed(() =>
				h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 3 } }),
			);
			assert.equal(hover.value, null);
			const completion = await timed(
				() =>
					h.conn.sendRequest(CompletionRequest.type, {
						textDocument: { uri },
						position: { line: 1, character: 7 },
					}) as Promise<CompletionItem[]>,
			);
			assert.ok(
				hover.ms < 1000 && completion.ms < 1000,
				`hover ${hover.ms.toFixed(0)} ms, completion ${completion.ms.toFixed(0)} ms`,
			);
			// The 5,001st key (line 5,002) goes over the limit.
			assert.deepEqual(codes(await linted), ['5001:page-limits']);
		} finally {
			await h.close();
		}
	});
});

describe('language server: protocol errors', function () {
	this.timeout(60_000);

	const frame = (body: string | Buffer): Buffer => {
		const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
		return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`, 'ascii'), b]);
	};
	const hoverNull = (h: Harness) =>
		h.conn.sendRequest(HoverRequest.type, {
			textDocument: { uri: 'file:///nowhere.md' },
			position: { line: 0, character: 0 },
		});
	/**
	 * Initialized, and the workspace lint's settings request answered: the connection writes nothing
	 * more by itself, so no message of it lands inside the raw bytes a test writes.
	 */
	const quiet = async (h: Harness, prefix: string): Promise<void> => {
		await h.initialize(tmpDir(prefix), { workspace: { configuration: true } });
		assert.equal(await hoverNull(h), null);
		assert.equal(h.configRequests.length, 1);
		// The answer to it was written before this request, which the client's writer sends in order.
		assert.equal(await hoverNull(h), null);
	};

	it('answers truncated or invalid JSON with a Parse error (-32700, id null) and serves the next request', async () => {
		const h = new Harness(SETTINGS, { quiet: true });
		try {
			await quiet(h, 'dl-lsp-json-');
			await h.writeRaw(
				frame(
					'{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///x.md"},"posi',
				),
			);
			const error = (await h.reader.next(
				(m) => 'error' in m && (m as ResponseMessage).error?.code === -32700,
				'Parse error response',
			)) as ResponseMessage;
			assert.equal(error.id, null);
			assert.match(error.error!.message, /^Parse error: the message is not valid JSON/);
			await h.logLine(/is not valid JSON .*answered with a Parse error \(-32700\)/);
			assert.equal(await hoverNull(h), null);

			// JSON that is no JSON-RPC object: Invalid Request (-32600), id null.
			await h.writeRaw(frame('[1,2,3]'));
			const invalid = (await h.reader.next(
				(m) => 'error' in m && (m as ResponseMessage).error?.code === -32600,
				'Invalid Request response',
			)) as ResponseMessage;
			assert.equal(invalid.id, null);
			assert.equal(await hoverNull(h), null);
		} finally {
			await h.close();
		}
	});

	it('refuses a message over the default 64 MiB limit without reading it into memory, and serves the next request', async () => {
		const h = new Harness(SETTINGS, { quiet: true });
		try {
			await quiet(h, 'dl-lsp-big-');
			const before = h.peakRssMB();
			// A request of 100 MiB (its id first, as clients write it), sent in 1 MiB pieces.
			const head = '{"jsonrpc":"2.0","id":4242,"method":"textDocument/hover","params":{"pad":"';
			const tail = '"}}';
			const total = 100 * 1024 * 1024;
			await h.writeRaw(`Content-Length: ${total}\r\n\r\n${head}`);
			const piece = Buffer.alloc(1024 * 1024, 'a');
			let left = total - head.length - tail.length;
			while (left > 0) {
				await h.writeRaw(left >= piece.length ? piece : piece.subarray(0, left));
				left -= piece.length;
			}
			await h.writeRaw(tail);
			const refused = (await h.reader.next(
				(m) => (m as ResponseMessage).id === 4242,
				'an answer to request 4242',
			)) as ResponseMessage;
			assert.equal(refused.error?.code, -32600);
			assert.equal(
				refused.error?.message,
				"Invalid Request: the message has 104857600 bytes, over the server's limit of 67108864 bytes",
			);
			await h.logLine(
				/refused a message of 104857600 bytes \(Content-Length\), over the limit of 67108864 bytes/,
			);
			assert.equal(await hoverNull(h), null);
			const growth = h.peakRssMB() - before;
			assert.ok(
				growth < 50,
				`the server's peak memory grew by ${growth.toFixed(0)} MB reading a 100 MiB message`,
			);
		} finally {
			await h.close();
		}
	});

	it('takes its limit from --max-message-bytes or DISCLOSURE_LINT_MAX_MESSAGE_BYTES; a notification over it gets no answer', async () => {
		for (const options of [
			{ args: ['--max-message-bytes=100000'], quiet: true },
			{ env: { DISCLOSURE_LINT_MAX_MESSAGE_BYTES: '100000' }, quiet: true },
		]) {
			const h = new Harness(SETTINGS, options);
			try {
				await quiet(h, 'dl-lsp-cap-');
				const uri = pathToFileURL(path.join(tmpDir('dl-lsp-cap-'), 'page.md')).href;
				const open = JSON.stringify({
					jsonrpc: '2.0',
					method: 'textDocument/didOpen',
					params: { textDocument: { uri, languageId: 'markdown', version: 1, text: 'ก'.repeat(50_000) } },
				});
				const answered = h.reader.seen.length;
				await h.writeRaw(frame(open));
				await h.logLine(
					/refused a message of 150\d{3} bytes \(Content-Length\), over the limit of 100000 bytes/,
				);
				assert.equal(await hoverNull(h), null);
				assert.deepEqual(
					h.reader.seen.slice(answered).filter((m) => 'error' in m),
					[],
					'a notification gets no answer',
				);
				assert.ok(!h.pushed.includes(uri), 'the refused didOpen opened nothing');
			} finally {
				await h.close();
			}
		}
	});
});

describe('language server: configuration problems', function () {
	this.timeout(30_000);

	it('shows a schemas folder that is a symbolic link out of the workspace as an error on the configuration file', async function () {
		if (process.platform === 'win32') return this.skip();
		const dir = tmpDir('dl-lsp-symlink-');
		const outside = tmpDir('dl-lsp-outside-');
		fs.symlinkSync(outside, path.join(dir, 'linked'), 'dir');
		const config = path.join(dir, '.disclosurelintrc.json');
		fs.writeFileSync(config, '{\n  "schemas": ["linked"]\n}\n');
		fs.writeFileSync(path.join(dir, 'page.md'), PAGE_TWO_FINDINGS);
		const h = new Harness(SETTINGS);
		try {
			const problems = h.diagnostics(pathToFileURL(config).href);
			await h.initialize(dir, { workspace: { configuration: true } });
			// The configuration is not used (topic-coverage then goes by the defaults); its problem is listed on it.
			const p = await problems;
			assert.deepEqual(
				p.diagnostics
					.filter((d) => d.code === undefined)
					.map((d) => ({ range: d.range, severity: d.severity, source: d.source, message: d.message })),
				[
					{
						range: { start: { line: 1, character: 14 }, end: { line: 1, character: 22 } },
						severity: 1,
						source: 'disclosure-lint',
						message: `schemas: "linked" leads through a symbolic link to ${fs.realpathSync(outside)}, outside the workspace root (${dir}); a schemas folder must be inside it`,
					},
				],
			);
		} finally {
			await h.close();
		}
	});
});

describe('language server: fix all chooses as --fix does', function () {
	this.timeout(60_000);

	it('gives, in one code action, the text of one --fix pass on every fixture with a .fixed.md', async () => {
		const fixtures = path.resolve(__dirname, '../fixtures/rules');
		const pages = fs.readdirSync(fixtures).flatMap((rule) =>
			fs
				.readdirSync(path.join(fixtures, rule))
				.filter((f) => f.endsWith('.fixed.md'))
				.map((f) => ({ rule, name: f.replace(/\.fixed\.md$/, '.md') })),
		);
		assert.ok(pages.length >= 5, `only ${pages.length} fixtures with a .fixed.md`);
		const dir = tmpDir('dl-lsp-fixall-');
		for (const rule of new Set(pages.map((p) => p.rule)))
			fs.cpSync(path.join(fixtures, rule), path.join(dir, rule), { recursive: true });
		const engine = engineAt(dir);
		const h = new Harness(SETTINGS);
		try {
			await h.initialize(dir, { workspace: { configuration: true } });
			for (const [i, p] of pages.entries()) {
				const file = path.join(dir, p.rule, p.name);
				const text = fs.readFileSync(file, 'utf8');
				const expected = applyFixes(text, engine.lintText(file, text).findings);
				assert.ok(expected.applied.length, `${p.rule}/${p.name} has safe fixes`);
				const uri = pathToFileURL(file).href;
				await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
					textDocument: { uri, languageId: 'markdown', version: 1, text },
				});
				const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
					textDocument: { uri },
					range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
					context: { diagnostics: [], only: ['source.fixAll.disclosure-lint'] },
				})) as CodeAction[];
				assert.equal(actions.length, 1, `${p.rule}/${p.name}`);
				const edits = actions[0].edit!.changes![uri];
				assert.equal(
					edits.length,
					expected.applied.length,
					`${p.rule}/${p.name}: as many edits as one --fix pass applies`,
				);
				assert.equal(
					TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edits),
					expected.text,
					`${p.rule}/${p.name} (${i})`,
				);
			}
		} finally {
			await h.close();
		}
	});
});
