import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import GithubSlugger from 'github-slugger';

const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...sources(p));
		else if (/\.(ts|mjs|js)$/.test(e.name)) out.push(p);
	}
	return out;
}

/** The GitHub anchors of a Markdown file's headings. */
function anchors(file: string): Set<string> {
	const slugger = new GithubSlugger();
	const out = new Set<string>();
	let fence = false;
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fence = !fence;
		const m = !fence && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (m) out.add(slugger.slug(m[1].replace(/`/g, '')));
	}
	return out;
}

describe('the knowledge the code relies on is in the repository', () => {
	const files = [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))];

	it('no code comment cites a document outside the repository (SPEC §…, DOMAIN §…)', () => {
		const cites = files
			.flatMap((f) =>
				fs
					.readFileSync(f, 'utf8')
					.split('\n')
					.map((l, i) => ({ f, i, l })),
			)
			.filter(({ l }) => /\b(?:SPEC|DOMAIN|ARCHITECTURE)(?:\.md)?\s*(?:§|'s\b)/.test(l))
			.map(({ f, i }) => `${path.relative(ROOT, f)}:${i + 1}`);
		assert.ok(files.length > 50, 'the source folders were not scanned');
		assert.deepEqual(cites, []);
	});

	it('every docs/….md#anchor a code comment names exists', () => {
		const refs = files.flatMap((f) =>
			[...fs.readFileSync(f, 'utf8').matchAll(/docs\/([\w/.-]+\.md)(?:#([\w-]+))?/g)].map((m) => ({
				f,
				doc: m[1],
				anchor: m[2],
			})),
		);
		assert.ok(refs.length > 20, 'no docs references found');
		const broken = refs
			.filter(({ doc, anchor }) => {
				const file = path.join(ROOT, 'docs', doc);
				return !fs.existsSync(file) || (anchor !== undefined && !anchors(file).has(anchor));
			})
			.map(({ f, doc, anchor }) => `${path.relative(ROOT, f)}: docs/${doc}${anchor ? `#${anchor}` : ''}`);
		assert.deepEqual(broken, []);
	});
});
