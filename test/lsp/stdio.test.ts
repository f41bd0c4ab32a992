import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
	CodeActionRequest,
	CompletionRequest,
	DidOpenTextDocumentNotification,
	DidChangeTextDocumentNotification,
	DidCloseTextDocumentNotification,
	HoverRequest,
	CodeLensRequest,
	DocumentDiagnosticRequest,
	CancellationTokenSource,
	LSPErrorCodes,
	type ResponseError,
	ExecuteCommandRequest,
	DidChangeWatchedFilesNotification,
	FileChangeType,
	type PublishDiagnosticsParams,
	type Diagnostic,
	type CompletionItem,
} from 'vscode-languageserver-protocol';
import { PAGE_TWO_FINDINGS, webLinksHead } from '../helpers/pages';
import { startLinkServer } from '../helpers/httpServer';
import { Harness } from '../helpers/lsp';

describe('language server over stdio', function () {
	this.timeout(30_000);
	const dir = tmpDir('dl-lsp-');
	const file = path.join(dir, 'page.md');
	fs.writeFileSync(file, PAGE_TWO_FINDINGS);
	const uri = pathToFileURL(file).href;
	let h: Harness;

	before(async () => {
		h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		await h.initialize(dir, { workspace: { configuration: true } }, { locale: 'th' });
	});
	after(async () => {
		await h.close();
	});

	let diagnostics: Diagnostic[];
	it("pushes exact diagnostics after didOpen, having asked for the document's settings", async () => {
		const wait = h.diagnostics(uri, 1);
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri, languageId: 'markdown', version: 1, text: PAGE_TWO_FINDINGS },
		});
		const p = await wait;
		diagnostics = p.diagnostics;
		assert.deepEqual(
			diagnostics.map((d) => ({
				code: d.code,
				severity: d.severity,
				range: d.range,
				href: d.codeDescription?.href,
				source: d.source,
			})),
			[
				{
					code: 'date-invalid',
					severity: 1,
					range: { start: { line: 8, character: 9 }, end: { line: 8, character: 23 } },
					href: 'https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/date-invalid.md',
					source: 'disclosure-lint',
				},
				{
					code: 'date-era',
					severity: 2,
					range: { start: { line: 14, character: 16 }, end: { line: 14, character: 29 } },
					href: 'https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/date-era.md',
					source: 'disclosure-lint',
				},
			],
		);
		assert.equal(diagnostics[0].message, 'updated (Last updated): "31 เมษายน 2569" does not exist in the calendar');
		assert.deepEqual(diagnostics[1].data, {
			ruleId: 'date-era',
			messageId: 'ceWithThaiMonth',
			fix: {
				edit: {
					range: { start: { line: 14, character: 16 }, end: { line: 14, character: 29 } },
					newText: '1 ตุลาคม 2567',
				},
				safe: true,
			},
		});
		// One request per document: the workspace lint's (for the root) and the page's.
		assert.deepEqual(h.configRequests.map((r) => r.items.map((i) => [i.scopeUri, i.section])).sort(), [
			[[pathToFileURL(dir).href, 'disclosure-lint']],
			[[uri, 'disclosure-lint']],
		]);
	});

	it('offers the quick fix from diagnostic.data, a disable comment with a reason placeholder, and fix-all for the whole page (whatever the cursor is on)', async () => {
		const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
			textDocument: { uri },
			range: diagnostics[1].range,
			context: { diagnostics: [diagnostics[1]] },
		})) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
		assert.deepEqual(
			actions.map((a) => [a.title, a.edit.changes[uri][0].newText]),
			[
				['disclosure-lint: fix date-era', '1 ตุลาคม 2567'],
				[
					'disclosure-lint: disable date-era for the next line',
					'<!-- disclosure-lint-disable-next-line date-era -- เหตุผล -->\n',
				],
			],
		);
		const all = (await h.conn.sendRequest(CodeActionRequest.type, {
			textDocument: { uri },
			range: diagnostics[0].range,
			context: { diagnostics: [], only: ['source.fixAll.disclosure-lint'] },
		})) as { kind: string; edit: { changes: Record<string, { newText: string }[]> } }[];
		assert.deepEqual(
			all.map((a) => [a.kind, a.edit.changes[uri].map((e) => e.newText)]),
			[['source.fixAll.disclosure-lint', ['1 ตุลาคม 2567']]],
		);
	});

	it('takes diagnostic.data back from the client only when it is well formed', async () => {
		const d = diagnostics[1];
		const bogus = [
			{ ...d, data: { ruleId: 'date-era', fix: { edit: null, safe: true } } },
			{
				...d,
				data: {
					ruleId: 'date-era',
					fix: {
						edit: {
							range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
							newText: 'x',
						},
						safe: true,
					},
				},
			},
			{ ...d, data: { ruleId: 'date-era', fix: 'rm -rf' } },
			{ ...d, code: 'date-era -->\n<script>', data: undefined },
		];
		const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
			textDocument: { uri },
			range: d.range,
			context: { diagnostics: bogus },
		})) as { title: string; edit: { changes: Record<string, unknown[]> } }[];
		assert.deepEqual(
			actions.map((a) => a.title),
			[
				'disclosure-lint: disable date-era for the next line',
				'disclosure-lint: disable date-era for the next line',
				'disclosure-lint: disable date-era for the next line',
			],
		);
		assert.ok(actions.every((a) => a.edit.changes[uri].every((e) => e !== null && typeof e === 'object')));
	});

	it('updates the diagnostics after an edit', async () => {
		const wait = h.diagnostics(uri, 2);
		await h.conn.sendNotification(DidChangeTextDocumentNotification.type, {
			textDocument: { uri, version: 2 },
			contentChanges: [
				{ range: { start: { line: 8, character: 9 }, end: { line: 8, character: 23 } }, text: '2569-10-15' },
			],
		});
		assert.deepEqual(
			(await wait).diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
			['14:date-era'],
		);
	});

	it('hovers front-matter keys with their schema text in the configured language', async () => {
		const hover = (await h.conn.sendRequest(HoverRequest.type, {
			textDocument: { uri },
			position: { line: 4, character: 3 },
		})) as { contents: { value: string } };
		assert.match(hover.contents.value, /^\*\*responsible\*\* — Responsible/);
	});

	it('completes the headings of missing required sections in the body', async () => {
		const stats = path.join(dir, 'stats.md');
		const text =
			PAGE_TWO_FINDINGS.replace('topic: web-links', 'topic: web-stats').replace(
				'# เว็บไซต์หน่วยงานที่เกี่ยวข้อง',
				'# สถิติ\n\n## สถิติการเข้าใช้บริการเว็บไซต์\n\nผู้เข้าชม 100 ครั้ง\n\n',
			) + '\n';
		const statsUri = pathToFileURL(stats).href;
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: statsUri, languageId: 'markdown', version: 1, text },
		});
		const lastLine = text.split('\n').length - 1;
		const items = (await h.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri: statsUri },
			position: { line: lastLine, character: 0 },
		})) as CompletionItem[];
		assert.deepEqual(
			items.map((i) => i.label),
			['## ผลการประเมินความพึงพอใจ'],
		);
	});

	it('completes topic values and missing keys', async () => {
		const topics = (await h.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri },
			position: { line: 1, character: 7 },
		})) as CompletionItem[];
		assert.deepEqual(
			topics.map((t) => t.label),
			[
				'agency-info',
				'law',
				'knowledge',
				'web-links',
				'official-info',
				'sop-manual',
				'citizen-manual',
				'news',
				'e-service',
				'web-stats',
			],
		);
		assert.equal(topics.find((t) => t.label === 'citizen-manual')?.detail, "Citizen's manual");
		// A blank line in the front matter: the keys the topic describes that the page does not have yet.
		const keysUri = pathToFileURL(path.join(dir, 'keys.md')).href;
		const text = PAGE_TWO_FINDINGS.replace('reviewer: หัวหน้ากลุ่มงานพัฒนาระบบเว็บไซต์\n', '').replace(
			'approver: ผู้อำนวยการศูนย์\n',
			'approver: ผู้อำนวยการศูนย์\n\n',
		);
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: keysUri, languageId: 'markdown', version: 1, text },
		});
		const keys = (await h.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri: keysUri },
			position: { line: 6, character: 0 },
		})) as CompletionItem[];
		assert.deepEqual(
			keys.map((k) => [k.label, k.detail, k.insertText]),
			[
				['reviewer', 'Reviewer', 'reviewer: '],
				['fiscal_year', 'Fiscal year', 'fiscal_year: '],
				['sources', 'Sources', 'sources: '],
				['downloads', 'Downloads', 'downloads: '],
				['sections', 'Sections covered', 'sections: '],
				['page_kind', 'Page kind', 'page_kind: '],
			],
		);
	});
	it("completes today's date in the way the page writes its dates, and ISO", async () => {
		const dated = pathToFileURL(path.join(dir, 'dated.md')).href;
		const text = PAGE_TWO_FINDINGS.replace('published: 2569-10-01', 'published: 1 ตุลาคม 2569').replace(
			'updated: 31 เมษายน 2569',
			'updated: ',
		);
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: dated, languageId: 'markdown', version: 1, text },
		});
		const items = (await h.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri: dated },
			position: { line: 8, character: 9 },
		})) as CompletionItem[];
		assert.deepEqual(
			items.map((i) => [i.label, i.detail]),
			[
				['27 พฤศจิกายน 2569', 'today (2026-11-27)'],
				['2569-11-27', 'today (2026-11-27)'],
			],
		);
	});

	it('completes the allowed values of a list item (the sections a split page covers)', async () => {
		const split = pathToFileURL(path.join(dir, 'split.md')).href;
		const text = PAGE_TWO_FINDINGS.replace('topic: web-links', 'topic: citizen-manual\nsections:\n  - ');
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: split, languageId: 'markdown', version: 1, text },
		});
		const items = (await h.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri: split },
			position: { line: 3, character: 4 },
		})) as CompletionItem[];
		assert.deepEqual(
			items.map((i) => i.label),
			['criteria', 'channels', 'steps', 'total', 'documents', 'fees', 'complaints', 'forms'],
		);
	});

	it('offers a whole-page skeleton per topic at the top of a page without front matter', async () => {
		const blank = pathToFileURL(path.join(dir, 'new.md')).href;
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: { uri: blank, languageId: 'markdown', version: 1, text: 'discl' },
		});
		const items = (await h.conn.sendRequest(CompletionRequest.type, {
			textDocument: { uri: blank },
			position: { line: 0, character: 5 },
		})) as CompletionItem[];
		const law = items.find((i) => i.label === 'disclosure-law');
		assert.ok(law, JSON.stringify(items.map((i) => i.label)));
		assert.deepEqual(
			items.map((i) => i.label),
			[
				'agency-info',
				'law',
				'knowledge',
				'web-links',
				'official-info',
				'sop-manual',
				'citizen-manual',
				'news',
				'e-service',
				'web-stats',
			].map((id) => `disclosure-${id}`),
		);
		const edit = law.textEdit as { range: unknown; newText: string };
		assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
		assert.equal(law.insertTextFormat, 2);
		assert.match(edit.newText, /^---\ntopic: law\n/);
		assert.match(edit.newText, /\nupdated: \$\{\d+:2569-11-27\}\n/);
	});
});

describe('language server: topic from the configuration', function () {
	this.timeout(30_000);

	it("completes the keys of the topic the configuration's globs give a page without `topic:`", async () => {
		const dir = tmpDir('dl-lsp-topics-');
		fs.writeFileSync(
			path.join(dir, '.disclosurelintrc.json'),
			JSON.stringify({ topics: { 'manuals/**': 'citizen-manual' } }),
		);
		fs.mkdirSync(path.join(dir, 'manuals'));
		const uri = pathToFileURL(path.join(dir, 'manuals', 'service.md')).href;
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		try {
			await h.initialize(dir, { workspace: { configuration: true } });
			const text = ['---', 'title: คู่มือสำหรับประชาชน', '', '---', '', '# คู่มือ', ''].join('\n');
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri, languageId: 'markdown', version: 1, text },
			});
			const keys = (await h.conn.sendRequest(CompletionRequest.type, {
				textDocument: { uri },
				position: { line: 2, character: 0 },
			})) as CompletionItem[];
			const labels = keys.map((k) => k.label);
			// Every key of citizen-manual the page does not have yet (title is there), its own keys included.
			assert.deepEqual(labels, [
				'topic',
				'agency',
				'responsible',
				'reviewer',
				'approver',
				'published',
				'updated',
				'fiscal_year',
				'sources',
				'downloads',
				'publish_request',
				'sections',
				'page_kind',
				'service_name',
				'service_agency',
				'legal_basis',
				'service_type',
				'service_category',
				'legal_deadline',
				'manual_published',
			]);
		} finally {
			await h.close();
		}
	});
});

describe('language server: pull diagnostics', function () {
	this.timeout(30_000);

	it('answers textDocument/diagnostic instead of pushing, and a cancelled pull gets ServerCancelled', async () => {
		const dir = tmpDir('dl-lsp-pull-');
		const uri = pathToFileURL(path.join(dir, 'page.md')).href;
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		try {
			const init = await h.initialize(dir, {
				workspace: { configuration: true },
				textDocument: { diagnostic: { dynamicRegistration: false } },
			});
			assert.deepEqual(init.capabilities.diagnosticProvider, {
				interFileDependencies: true,
				workspaceDiagnostics: false,
			});
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri, languageId: 'markdown', version: 1, text: PAGE_TWO_FINDINGS },
			});
			const report = (await h.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as {
				kind: string;
				items: Diagnostic[];
			};
			assert.equal(report.kind, 'full');
			assert.deepEqual(
				report.items.map((d) => `${d.range.start.line}:${d.code}`),
				['8:date-invalid', '14:date-era'],
			);

			const source = new CancellationTokenSource();
			const cancelled = h.conn.sendRequest(
				DocumentDiagnosticRequest.type,
				{ textDocument: { uri } },
				source.token,
			);
			source.cancel();
			await assert.rejects(cancelled, (err: ResponseError<unknown>) => {
				// The server saw the cancellation before linting, and asks the client to pull again.
				assert.equal(err.code, LSPErrorCodes.ServerCancelled, `code ${err.code}: ${err.message}`);
				assert.deepEqual(err.data, { retriggerRequest: true });
				return true;
			});
			assert.ok(!h.pushed.includes(uri), 'a pull client gets no pushed diagnostics for an open page');
		} finally {
			await h.close();
		}
	});
});

describe('language server: the whole workspace', function () {
	this.timeout(30_000);

	it('lints pages that are not open, with progress, puts topic-coverage on the config file, and re-lints when the config changes', async () => {
		const dir = tmpDir('dl-lsp-ws-');
		const config = path.join(dir, '.disclosurelintrc.json');
		fs.writeFileSync(config, JSON.stringify({ requiredTopics: ['web-links', 'news'] }));
		fs.mkdirSync(path.join(dir, 'links'));
		fs.writeFileSync(path.join(dir, 'links', 'index.md'), PAGE_TWO_FINDINGS);
		// A published HTML news page in the workspace: the CLI's and the audit's to read, not the editor's,
		// so the editor's site check still finds no news page.
		fs.mkdirSync(path.join(dir, 'public'));
		fs.writeFileSync(
			path.join(dir, 'public', 'news.html'),
			'<html><head><meta charset="utf-8"><title>ข่าวประชาสัมพันธ์</title></head><body><main><h1>ข่าวประชาสัมพันธ์</h1><p>ไม่มีข่าว</p></main></body></html>',
		);
		const page = pathToFileURL(path.join(dir, 'links', 'index.md')).href;
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		try {
			const first = h.diagnostics(page);
			const site = h.diagnostics(pathToFileURL(config).href);
			await h.initialize(dir, { workspace: { configuration: true }, window: { workDoneProgress: true } });
			assert.deepEqual(
				(await first).diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
				['8:date-invalid', '14:date-era'],
			);
			const coverage = (await site).diagnostics;
			assert.deepEqual(
				coverage.map((d) => [d.code, d.message]),
				[
					[
						'topic-coverage',
						'No page covers the topic "News and announcements" (news), which the unit must publish',
					],
				],
			);
			await h.progressEnd();
			assert.deepEqual([h.progress[0]?.kind, h.progress.at(-1)?.kind], ['begin', 'end']);

			const rerun = h.diagnostics(page);
			await h.conn.sendRequest(ExecuteCommandRequest.type, { command: 'disclosure-lint.server.lintWorkspace' });
			assert.deepEqual(
				(await rerun).diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
				['8:date-invalid', '14:date-era'],
			);

			const again = h.diagnostics(page);
			fs.writeFileSync(config, JSON.stringify({ requiredTopics: ['web-links'], rules: { 'date-era': 'off' } }));
			await h.conn.sendNotification(DidChangeWatchedFilesNotification.type, {
				changes: [{ uri: pathToFileURL(config).href, type: FileChangeType.Changed }],
			});
			assert.deepEqual(
				(await again).diagnostics.map((d) => `${d.range.start.line}:${d.code}`),
				['8:date-invalid'],
			);
		} finally {
			await h.close();
		}
	});
});

describe('language server: protocol', function () {
	this.timeout(30_000);

	it('answers a request before initialize with ServerNotInitialized (-32002)', async () => {
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		try {
			await assert.rejects(
				h.conn.sendRequest(HoverRequest.type, {
					textDocument: { uri: 'file:///x.md' },
					position: { line: 0, character: 0 },
				}),
				(err: ResponseError<unknown>) => {
					assert.equal(err.code, -32002, err.message);
					return true;
				},
			);
			await h.initialize(tmpDir('dl-lsp-proto-'), { workspace: { configuration: true } });
			assert.equal(
				await h.conn.sendRequest(HoverRequest.type, {
					textDocument: { uri: 'file:///x.md' },
					position: { line: 0, character: 0 },
				}),
				null,
			);
		} finally {
			await h.close();
		}
	});
});

describe('language server: findings of a closed page', function () {
	this.timeout(30_000);

	for (const mode of ['push', 'pull'] as const) {
		it(`keeps a closed page's saved findings listed (${mode} diagnostics)`, async () => {
			const dir = tmpDir('dl-lsp-close-');
			fs.writeFileSync(
				path.join(dir, '.disclosurelintrc.json'),
				JSON.stringify({ requiredTopics: ['web-links'] }),
			);
			const file = path.join(dir, 'index.md');
			fs.writeFileSync(file, PAGE_TWO_FINDINGS);
			const uri = pathToFileURL(file).href;
			const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
			const lines = (p: PublishDiagnosticsParams): string[] =>
				p.diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
			try {
				const first = h.diagnostics(uri);
				await h.initialize(dir, {
					workspace: { configuration: true },
					window: { workDoneProgress: true },
					...(mode === 'pull' ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {}),
				});
				assert.deepEqual(lines(await first), ['8:date-invalid', '14:date-era']);
				await h.progressEnd();

				// Open, edit without saving (the era is fixed in the buffer only), close.
				const edited = PAGE_TWO_FINDINGS.replace('1 ตุลาคม 2024', '1 ตุลาคม 2567');
				assert.notEqual(edited, PAGE_TWO_FINDINGS);
				const opened =
					mode === 'push'
						? h.diagnostics(uri, 1)
						: h.diagnosticsWhere(uri, (p) => p.diagnostics.length === 0);
				await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
					textDocument: { uri, languageId: 'markdown', version: 1, text: edited },
				});
				if (mode === 'push') assert.deepEqual(lines(await opened), ['8:date-invalid']);
				else {
					// The pushed findings are cleared while the client pulls the open buffer's.
					await opened;
					const report = (await h.conn.sendRequest(DocumentDiagnosticRequest.type, {
						textDocument: { uri },
					})) as { items: Diagnostic[] };
					assert.deepEqual(
						report.items.map((d) => `${d.range.start.line}:${d.code}`),
						['8:date-invalid'],
					);
				}
				// The saved file's findings carry no buffer version (a late result of the buffer would).
				const closed = h.diagnosticsWhere(uri, (p) => p.version === undefined && p.diagnostics.length > 0);
				await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
				assert.deepEqual(
					lines(await closed),
					['8:date-invalid', '14:date-era'],
					"the saved file's findings, not the discarded edit's",
				);
			} finally {
				await h.close();
			}
		});
	}

	it('clears a closed page that is not part of the workspace lint (push diagnostics)', async () => {
		const dir = tmpDir('dl-lsp-close-');
		const outside = tmpDir('dl-lsp-outside-');
		const file = path.join(outside, 'draft.md');
		fs.writeFileSync(file, PAGE_TWO_FINDINGS);
		const uri = pathToFileURL(file).href;
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		try {
			await h.initialize(dir, { workspace: { configuration: true } });
			const opened = h.diagnostics(uri, 1);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri, languageId: 'markdown', version: 1, text: PAGE_TWO_FINDINGS },
			});
			assert.equal((await opened).diagnostics.length, 2);
			const cleared = h.diagnosticsWhere(uri, (p) => p.diagnostics.length === 0);
			await h.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
			await cleared;
		} finally {
			await h.close();
		}
	});
});

describe("language server: the site's disclosure checklist", function () {
	this.timeout(30_000);

	it("answers disclosure-lint/checklist with each required topic's state, pages and review dates, and says when it changes", async () => {
		const dir = tmpDir('dl-lsp-checklist-');
		fs.writeFileSync(
			path.join(dir, '.disclosurelintrc.json'),
			JSON.stringify({ requiredTopics: ['web-links', 'news', 'agency-info'] }),
		);
		fs.writeFileSync(path.join(dir, 'links.md'), PAGE_TWO_FINDINGS);
		const about = [...webLinksHead('agency-info'), '## ประวัติความเป็นมา', '', 'ก่อตั้งเมื่อ พ.ศ. 2520', '']
			.join('\n')
			.replace('topic: agency-info', 'topic: agency-info\nsections: [history]');
		fs.writeFileSync(path.join(dir, 'about.md'), about);
		const links = pathToFileURL(path.join(dir, 'links.md')).href;
		const aboutUri = pathToFileURL(path.join(dir, 'about.md')).href;
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en' });
		const changed: number[] = [];
		let onChange: (() => void) | undefined;
		h.conn.onNotification('disclosure-lint/checklistChanged', () => {
			changed.push(Date.now());
			onChange?.();
		});
		const nextChange = (): Promise<void> =>
			new Promise((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('no checklistChanged')), 10_000);
				onChange = () => {
					clearTimeout(timer);
					onChange = undefined;
					resolve();
				};
			});
		try {
			const first = nextChange();
			await h.initialize(dir, { workspace: { configuration: true }, window: { workDoneProgress: true } });
			await first;
			type List = {
				topics: {
					id: string;
					name: { en: string };
					state: string;
					missingSections: string[];
					pages: { uri: string; errors: number; warnings: number; reviewDue: string | null }[];
				}[];
			};
			const list = (await h.conn.sendRequest('disclosure-lint/checklist', {})) as List;
			const agencySections = [
				'vision-mission',
				'structure',
				'executives',
				'cio',
				'authority',
				'strategy',
				'action-plan',
				'performance-report',
				'contact',
			];
			assert.deepEqual(
				list.topics.map((t) => [t.id, t.state, t.missingSections]),
				[
					['web-links', 'covered', []],
					['news', 'missing', []],
					['agency-info', 'partial', agencySections],
				],
			);
			assert.deepEqual(list.topics[0].pages, [{ uri: links, errors: 1, warnings: 1, reviewDue: null }]);
			assert.deepEqual(list.topics[2].pages, [
				{ uri: aboutUri, errors: 0, warnings: 0, reviewDue: '2027-10-15' },
			]);
			assert.equal(list.topics[1].name.en, 'News and announcements');

			// The code lens on the first line says when the page was reviewed and its next review is due.
			const lensThai = async (uri: string): Promise<string[]> =>
				((await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? []).map(
					(l) => `${l.range.start.line}: ${l.command?.title}`,
				);
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: { uri: aboutUri, languageId: 'markdown', version: 1, text: about },
			});
			assert.deepEqual(await lensThai(aboutUri), [
				'0: Last reviewed 15 October 2026 · next review due 15 October 2027',
			]);

			// Fix the page's date in the editor: the checklist changes without a workspace lint.
			const again = nextChange();
			await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
				textDocument: {
					uri: links,
					languageId: 'markdown',
					version: 1,
					text: PAGE_TWO_FINDINGS.replace('31 เมษายน 2569', '2569-10-20'),
				},
			});
			await again;
			const after = (await h.conn.sendRequest('disclosure-lint/checklist', {})) as List;
			assert.deepEqual(after.topics[0].pages, [{ uri: links, errors: 0, warnings: 1, reviewDue: '2027-10-20' }]);
		} finally {
			await h.close();
		}
	});
});

describe('language server: online links and workspace trust', function () {
	this.timeout(30_000);
	let server: Awaited<ReturnType<typeof startLinkServer>>;
	before(async () => {
		server = await startLinkServer();
	});
	after(() => server.close());

	/** A site with a unit's own topic schema and a page of that topic citing a dead and a live link. */
	function site(): { dir: string; uri: string } {
		const dir = tmpDir('dl-lsp-online-');
		fs.mkdirSync(path.join(dir, 'schemas'));
		// allowPrivate: the link server of these tests is on 127.0.0.1 (docs/security.md#network).
		fs.writeFileSync(
			path.join(dir, '.disclosurelintrc.json'),
			JSON.stringify({ schemas: ['./schemas'], links: { allowPrivate: true } }),
		);
		const web = JSON.parse(
			fs.readFileSync(path.resolve(__dirname, '../../schemas/topics/web-links.schema.json'), 'utf8'),
		);
		web.$id = 'https://example.go.th/schemas/unit-links.schema.json';
		web['x-disclosure'].id = 'unit-links';
		web['x-disclosure'].name = { th: 'ลิงก์ของหน่วย', en: 'Unit links' };
		fs.writeFileSync(path.join(dir, 'schemas', 'unit-links.schema.json'), JSON.stringify(web));
		const text = [
			...webLinksHead('unit-links'),
			`- [มาตรฐานเว็บไซต์ภาครัฐ](${server.base}/moved)`,
			`- [ระบบที่ย้ายแล้ว](${server.base}/gone)`,
			`- [ระบบสารบรรณ](${server.base}/ok)`,
			'',
		].join('\n');
		const file = path.join(dir, 'links.md');
		fs.writeFileSync(file, text);
		return { dir, uri: pathToFileURL(file).href };
	}

	async function open(h: Harness, dir: string, uri: string, trusted: boolean): Promise<void> {
		await h.initialize(dir, { workspace: { configuration: true } }, { initializationOptions: { trusted } });
		await h.conn.sendNotification(DidOpenTextDocumentNotification.type, {
			textDocument: {
				uri,
				languageId: 'markdown',
				version: 1,
				text: fs.readFileSync(fileURLToPath(uri), 'utf8'),
			},
		});
	}

	it('checks the external links of an open page on a real server, reports the dead one and shares the link cache', async () => {
		const { dir, uri } = site();
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en', links: 'online' });
		try {
			const dead = h.diagnosticsWhere(uri, (p) => p.diagnostics.some((d) => d.code === 'link-external-dead'));
			await open(h, dir, uri, true);
			const all = (await dead).diagnostics;
			// No topic-unknown: the workspace schema of unit-links is loaded when trusted.
			assert.deepEqual(
				all.map((d) => `${d.range.start.line}:${d.code}`),
				['15:link-external-dead'],
			);
			assert.match(String(all[0].message), /404/);
			assert.ok(
				(server.log.hits.get('HEAD /gone') ?? 0) + (server.log.hits.get('GET /gone') ?? 0) > 0,
				'the server was asked for /gone',
			);
			const cache = JSON.parse(fs.readFileSync(path.join(dir, '.disclosurelintcache/links.json'), 'utf8'));
			assert.equal(cache.entries[`${server.base}/gone`].state, 'dead');
			assert.equal(cache.entries[`${server.base}/ok`].state, 'ok');
			assert.equal(cache.entries[`${server.base}/moved`].state, 'ok');
		} finally {
			await h.close();
		}
	});

	it("in an untrusted workspace uses neither the network nor the workspace's schemas", async () => {
		const { dir, uri } = site();
		const before = [...server.log.hits.values()].reduce((a, b) => a + b, 0);
		const h = new Harness({ today: '2026-11-27', debounceMs: 0, locale: 'en', links: 'online' });
		try {
			const first = h.diagnostics(uri, 1);
			await open(h, dir, uri, false);
			const codes = (await first).diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
			assert.deepEqual(codes, ['1:topic-unknown']);
			await h.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 1 } });
			assert.equal(
				[...server.log.hits.values()].reduce((a, b) => a + b, 0),
				before,
				'no request reached the link server',
			);
			assert.ok(!fs.existsSync(path.join(dir, '.disclosurelintcache')));
		} finally {
			await h.close();
		}
	});
});
