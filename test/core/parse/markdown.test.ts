import { strict as assert } from 'node:assert';
import type { Node, Parent } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parseMarkdown } from '../../../server/src/core/parse/markdown';
import { parseDocument } from '../../../server/src/core/parse/document';
import { checkLimits } from '../../../server/src/core/parse/limits';

function tables(md: string): string[][][] {
	const out: string[][][] = [];
	const visit = (n: Node): void => {
		if (n.type === 'table') {
			out.push(
				(n as Parent).children.map((row) =>
					(row as Parent).children.map(
						(cell) => ((cell as Parent).children[0] as { value?: string } | undefined)?.value ?? '',
					),
				),
			);
		}
		for (const c of (n as Parent).children ?? []) visit(c);
	};
	visit(parseMarkdown(md));
	return out;
}

describe('markdown parsing', () => {
	it('parses GFM tables, including pipe-less body rows and tables in lists and quotes', () => {
		assert.deepEqual(tables('| ลำดับ | ขั้นตอน |\n|---|---|\n| 1 | ยื่นคำขอ |\nบรรทัดไม่มีท่อ\n'), [
			[['ลำดับ', 'ขั้นตอน'], ['1', 'ยื่นคำขอ'], ['บรรทัดไม่มีท่อ']],
		]);
		assert.deepEqual(tables('ขั้นตอน | ระยะเวลา\n--- | ---\nตรวจ | 1 วัน\n'), [
			[
				['ขั้นตอน', 'ระยะเวลา'],
				['ตรวจ', '1 วัน'],
			],
		]);
		assert.deepEqual(tables('> | a | b |\n> |---|---|\n> | 1 | 2 |\n'), [
			[
				['a', 'b'],
				['1', '2'],
			],
		]);
		assert.deepEqual(tables('- รายการ\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n'), [
			[
				['a', 'b'],
				['1', '2'],
			],
		]);
		assert.deepEqual(tables('ย่อหน้าธรรมดา\nไม่มีตาราง a - b\n\n---\n'), []);
	});

	it('finds the same tables as remark-gfm on tricky inputs (the pipe look-ahead is only a shortcut)', () => {
		const reference = unified().use(remarkParse).use(remarkGfm).freeze();
		const strip = (t: Node): unknown => JSON.parse(JSON.stringify(t, (k, v) => (k === 'position' ? undefined : v)));
		for (const md of [
			'หัว\n|---|\n| แถว |\n',
			'a\n-|-\nb\n',
			'| a |\n| - |\nไม่มีท่อ\nอีกบรรทัด\n\nย่อหน้า\n',
			'ข้อความ\nต่อ | กัน\n--- | ---\n',
			'> quote | x\n> --- | ---\n> 1 | 2\n',
			'1. ขั้น\n   | a | b |\n   |:-:|--:|\n   | ก | ข |\n',
			'|a|\n|-|\n\n|b|c|\n|-|-|\n',
		]) {
			assert.deepEqual(strip(parseMarkdown(md)), strip(reference.parse(md)), md);
		}
	});

	it('keeps offsets exact for BOM-less text, CRLF and Thai', () => {
		const doc = parseDocument('/x.md', '---\r\ntopic: news\r\n---\r\n\r\n# ข่าว\r\n');
		const heading = doc.tree.children.find((n) => n.type === 'heading')!;
		assert.equal(doc.text.slice(heading.position!.start.offset, heading.position!.end.offset), '# ข่าว');
		assert.deepEqual(doc.lines.position(heading.position!.start.offset!), { line: 5, column: 1 });
	});

	it('refuses bodies past the size and nesting limits before parsing', () => {
		assert.deepEqual(checkLimits('x'.repeat(11), 10), { kind: 'size', chars: 11, maxChars: 10 });
		assert.deepEqual(checkLimits('ok\n' + '> '.repeat(5) + 'deep\n', 100, 4), {
			kind: 'depth',
			line: 2,
			depth: 5,
			maxDepth: 4,
		});
		assert.equal(checkLimits('- a\n  - b\n    - c\n> > quote\n', 100, 4), undefined);
		const doc = parseDocument('/x.md', '---\ntopic: news\n---\n' + '>'.repeat(20000) + ' x\n');
		assert.deepEqual(doc.limit, { kind: 'depth', line: 4, depth: 33, maxDepth: 32 });
		assert.deepEqual(doc.tree.children, []);
	});
});
