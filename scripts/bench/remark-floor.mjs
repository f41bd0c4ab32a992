// Floor: parse every Markdown file under argv[2] with unified + remark-parse + remark-frontmatter
// (yaml) + remark-gfm, without linting, and print the file count. What a remark-based linter pays
// at least before its first rule runs.
import fs from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { mdFiles } from './md-files.mjs';

const dir = process.argv[2];
if (!dir) {
	console.error('usage: node scripts/bench/remark-floor.mjs <dir>');
	process.exit(2);
}
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
let files = 0;
let nodes = 0;
for (const file of mdFiles(dir)) {
	const tree = processor.parse(fs.readFileSync(file, 'utf8'));
	nodes += tree.children.length; // keep the tree observably used
	files += 1;
}
if (nodes === 0 && files > 0) {
	console.error('remark-floor: every tree was empty');
	process.exit(1);
}
console.log(files);
