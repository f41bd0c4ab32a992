import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkNewPage, daysUntil, relativeSlash } from '../../client/src/checklist/paths';
import { dateVariables, snippetToText, todayInBangkok } from '../../client/src/checklist/snippet';
import { snippets } from '../../scripts/generated';
import { Engine } from '../../server/src/core/engine';
import { BUILTIN_TOPIC_IDS } from '../../server/src/core/schema/builtin';
import { fsHost } from '../../server/src/node/fsHost';
import { checklist, checklistPage, reviewLens, type ChecklistPage } from '../../server/src/lsp/checklist';
import { PAGE_TWO_FINDINGS, webLinksHead } from '../helpers/pages';
import { tmpDir } from '../helpers/tmp';

const TODAY = { year: 2026, month: 11, day: 27 };
/** The date a page created from the view gets (the client fills the snippet's date variables). */
const CREATED = dateVariables('2026-11-20');

describe('review code lens text', () => {
	it("says when the page was last reviewed and when its next review is due, in the page's language", () => {
		const meta = { updated: '2026-11-01', maxAgeDays: 365 };
		assert.equal(reviewLens({ meta }, 'th'), 'ทบทวนล่าสุด 1 พ.ย. 2569 · ครบกำหนดทบทวน 1 พ.ย. 2570');
		assert.equal(reviewLens({ meta }, 'en'), 'Last reviewed 1 November 2026 · next review due 1 November 2027');
		assert.equal(
			reviewLens({ meta: { updated: '2026-11-01', maxAgeDays: null } }, 'th'),
			'ทบทวนล่าสุด 1 พ.ย. 2569 · หัวข้อนี้ไม่กำหนดรอบทบทวน',
		);
		assert.equal(reviewLens({ meta: {} }, 'th'), undefined);
	});
});

/** A site in a temporary folder, linted from disk into checklist entries. */
function site(
	files: Record<string, string>,
	config?: object,
): { dir: string; engine: Engine; pages: ChecklistPage[]; list: () => ReturnType<typeof checklist> } {
	const dir = tmpDir('dl-checklist-');
	if (config) fs.writeFileSync(path.join(dir, '.disclosurelintrc.json'), JSON.stringify(config));
	const engine = new Engine(fsHost, { root: dir, today: TODAY, locale: 'en' });
	const pages: ChecklistPage[] = [];
	for (const [name, text] of Object.entries(files)) {
		const file = path.join(dir, name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, text);
		pages.push(checklistPage(engine.lintText(file, text)));
	}
	const list = () => {
		const cfg = engine.configForFolder(dir);
		return checklist(pages, engine.registryFor(cfg), cfg);
	};
	return { dir, engine, pages, list };
}

/** The whole-page skeleton of a built-in topic as the generated snippets file has it. */
function snippetOf(id: string): string {
	return snippets()[`disclosure-lint: ${id}`].body.join('\n');
}

/** Findings that a page made from a skeleton must never have: something missing, or an unknown topic. */
const MISSING = /^(section-missing|frontmatter-missing|topic-unknown|link-required-missing|topic-coverage)$/;

describe('the checklist request: what the Disclosure view shows and creates', () => {
	it("carries each topic's sections with their headings, the sections each page lacks, and where and what to create", () => {
		// agency-info: one page split off with `sections: [history]`, one whole page that lacks the contact section.
		const agencyWhole = snippetToText(snippetOf('agency-info'), CREATED).replace(
			/\n## รายละเอียดช่องทางการติดต่อสื่อสาร\n\nเนื้อหา\n/,
			'\n',
		);
		const history = [...webLinksHead('agency-info'), '## ประวัติความเป็นมา', '', 'ก่อตั้งเมื่อ พ.ศ. 2520', '']
			.join('\n')
			.replace('topic: agency-info', 'topic: agency-info\nsections: [history]');
		const s = site(
			{ 'links.md': PAGE_TWO_FINDINGS, 'about/history.md': history, 'about/index.md': agencyWhole },
			{ requiredTopics: ['web-links', 'news', 'agency-info'] },
		);
		const list = s.list();
		const url = (rel: string) => pathToFileURL(path.join(s.dir, rel)).href;

		assert.deepEqual(
			list.topics.map((t) => [t.id, t.state, t.missingSections]),
			[
				['web-links', 'covered', []],
				['news', 'missing', []],
				['agency-info', 'partial', ['contact']],
			],
		);
		const [links, news, agency] = list.topics;
		// Pages: their counts, review date and, only where there are some, the sections they lack.
		assert.deepEqual(links.pages, [{ uri: url('links.md'), errors: 1, warnings: 1, reviewDue: null }]);
		assert.deepEqual(
			agency.pages.map((p) => [p.uri, p.missingSections]),
			[
				[url('about/history.md'), undefined],
				[url('about/index.md'), ['contact']],
			],
		);
		// Sections with their headings in both languages, and whether a page covers them.
		assert.deepEqual(
			agency.sections.map((x) => [x.id, x.heading.th, x.covered]),
			[
				['history', 'ประวัติความเป็นมา', true],
				['vision-mission', 'วิสัยทัศน์ พันธกิจ', true],
				['structure', 'โครงสร้างหน่วยงาน', true],
				['executives', 'ทำเนียบผู้บริหาร', true],
				['cio', 'ข้อมูลผู้บริหารเทคโนโลยีสารสนเทศระดับสูง (CIO)', true],
				['authority', 'หน้าที่และอำนาจ', true],
				['strategy', 'ยุทธศาสตร์', true],
				['action-plan', 'แผนปฏิบัติราชการ แผนงาน โครงการ และงบประมาณรายจ่ายประจำปี', true],
				['performance-report', 'คำรับรอง รายงานผลการปฏิบัติราชการ', true],
				['contact', 'รายละเอียดช่องทางการติดต่อสื่อสาร', false],
			],
		);
		assert.equal(agency.sections.find((x) => x.id === 'contact')!.heading.en, 'Contact details');
		// A missing topic: a whole page from its skeleton, at the workspace root (no folder).
		assert.deepEqual(news.create, { file: 'news.md', snippet: snippetOf('news') });
		assert.deepEqual(news.sections, []);
		// A topic with pages: new pages beside its first page; an uncovered section gets a page of its own.
		assert.deepEqual(
			{ ...agency.create, snippet: agency.create!.snippet === snippetOf('agency-info') },
			{ file: 'agency-info.md', folder: url('about'), snippet: true },
		);
		const contact = agency.sections.find((x) => x.id === 'contact')!;
		assert.equal(contact.create!.file, 'agency-info-contact.md');
		assert.equal(contact.create!.folder, url('about'));
		assert.equal(
			agency.sections.filter((x) => x.create).length,
			1,
			'only the uncovered section has a create entry',
		);
		const contactPage = snippetToText(contact.create!.snippet, CREATED).split('\n');
		assert.deepEqual(contactPage.slice(0, 4), ['---', 'topic: agency-info', 'sections:', '  - contact']);
		assert.deepEqual(
			contactPage.filter((l) => l.startsWith('#')),
			['# ข้อมูลหน่วยงาน', '## รายละเอียดช่องทางการติดต่อสื่อสาร'],
		);
	});

	it('offers the same whole-page skeleton as the snippets file for every built-in topic', () => {
		const list = site({}).list();
		assert.deepEqual(
			list.topics.map((t) => t.id),
			[...BUILTIN_TOPIC_IDS],
		);
		for (const t of list.topics) {
			assert.equal(t.state, 'missing');
			assert.deepEqual(t.create, { file: `${t.id}.md`, snippet: snippetOf(t.id) }, t.id);
		}
	});

	it("a page created from any topic's skeleton misses nothing, and only placeholder URLs are invalid", () => {
		const s = site({});
		for (const t of s.list().topics) {
			const text = snippetToText(t.create!.snippet, CREATED);
			assert.doesNotMatch(text, /\$\{|\$\d/, `${t.id}: a snippet placeholder was left`);
			const findings = s.engine.lintText(path.join(s.dir, t.create!.file), text).findings;
			const bad = findings.filter(
				(f) =>
					MISSING.test(f.ruleId) ||
					(f.ruleId === 'frontmatter-schema' && !/url/.test(String(f.args?.key))) ||
					/^date-(invalid|future|era)$/.test(f.ruleId),
			);
			assert.deepEqual(
				bad.map((f) => `${f.ruleId}:${f.line}`),
				[],
				`${t.id}:\n${text}`,
			);
		}
	});

	it('a page created for each uncovered section has that section, and together they cover the topic', () => {
		for (const id of ['agency-info', 'official-info', 'web-stats']) {
			// The topic split over pages: one page holds the first section only.
			const empty = site({})
				.list()
				.topics.find((t) => t.id === id)!;
			const whole = snippetToText(empty.create!.snippet, CREATED);
			const seedId = JSON.stringify(empty.sections[0].id);
			const s = site({ 'seed.md': whole.replace(`topic: ${id}`, `topic: ${id}\nsections: [${seedId}]`) });
			const topic = s.list().topics.find((t) => t.id === id)!;
			assert.equal(topic.state, 'partial', id);
			const open = topic.sections.filter((x) => !x.covered);
			assert.ok(
				open.length >= 1 && open.every((x) => x.create),
				`${id}: every uncovered section has a create entry`,
			);
			for (const section of open) {
				const file = path.join(s.dir, section.create!.file);
				assert.equal(path.dirname(file), s.dir);
				const text = snippetToText(section.create!.snippet, CREATED);
				fs.writeFileSync(file, text);
				const result = s.engine.lintText(file, text);
				assert.deepEqual(result.sections, [section.id]);
				assert.deepEqual(
					result.findings
						.filter((f) => MISSING.test(f.ruleId) || f.ruleId === 'frontmatter-schema')
						.map((f) => `${f.ruleId}:${f.line}`),
					[],
					`${id}/${section.id}:\n${text}`,
				);
				s.pages.push(checklistPage(result));
			}
			const after = s.list().topics.find((t) => t.id === id)!;
			assert.deepEqual([after.state, after.missingSections], ['covered', []], id);
		}
	});
});

describe("the Disclosure view's helpers (client/src/checklist)", () => {
	it('turns a snippet into the text it inserts with every default', () => {
		assert.equal(snippetToText('title: ${1:ชื่อเรื่อง}\nkind: ${2|news,photo|}\n$0'), 'title: ชื่อเรื่อง\nkind: news\n');
		assert.equal(
			snippetToText(
				'updated: ${5:${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}}',
				dateVariables('2026-01-05'),
			),
			'updated: 2026-01-05',
		);
		assert.equal(snippetToText('a ${1:b ${2:c} d} e $UNKNOWN ${TM_FILENAME:x}'), 'a b c d e  x');
		assert.equal(snippetToText('price \\$5 and \\} and \\\\ and $ alone'), 'price $5 and } and \\ and $ alone');
		assert.equal(snippetToText('${1|a\\,b,c|}'), 'a,b');
		assert.throws(() => dateVariables('27/11/2026'));
		assert.match(todayInBangkok(), /^\d{4}-\d{2}-\d{2}$/);
		// 17:30 UTC on 31 December is already 1 January in Bangkok (UTC+7).
		assert.equal(todayInBangkok(new Date('2026-12-31T17:30:00Z')), '2027-01-01');
	});

	it('accepts only a new Markdown file inside the workspace folder for a new page', () => {
		const root = tmpDir('dl-newpage-');
		fs.writeFileSync(path.join(root, 'news.md'), 'x');
		fs.writeFileSync(path.join(root, 'notes'), 'x');
		fs.mkdirSync(path.join(root, 'folder.md'));
		const probe = (f: string) =>
			fs.existsSync(f) ? (fs.statSync(f).isDirectory() ? 'folder' : 'file') : undefined;
		const check = (typed: string) => {
			const r = checkNewPage(root, typed, probe);
			return 'file' in r ? relativeSlash(root, r.file) : r.problem;
		};
		assert.equal(check('agency-info.md'), 'agency-info.md');
		assert.equal(check(' about/new/agency-info.md '), 'about/new/agency-info.md');
		assert.equal(check('./a/../b.md'), 'b.md');
		assert.equal(check(''), 'empty');
		assert.equal(check(path.join(root, 'x.md')), 'absolute');
		assert.equal(check('../outside.md'), 'outside');
		assert.equal(check('a/../../outside.md'), 'outside');
		assert.equal(check('page.txt'), 'extension');
		assert.equal(check('.md'), 'extension');
		assert.equal(check('news.md'), 'exists');
		assert.equal(check('folder.md'), 'exists');
		assert.equal(check('notes/page.md'), 'parentIsFile');
	});

	it('counts the days until a review is due', () => {
		assert.equal(daysUntil('2026-11-27', '2027-10-15'), 322);
		assert.equal(daysUntil('2026-11-27', '2026-11-27'), 0);
		assert.equal(daysUntil('2026-11-27', '2026-11-20'), -7);
		assert.equal(daysUntil('2028-02-28', '2028-03-01'), 2);
	});
});
