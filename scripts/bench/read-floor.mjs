// Floor: read every Markdown file under argv[2] as UTF-8 and print the total bytes.
// What any linter pays at least: process start, directory walk and reading.
import fs from 'node:fs';
import { mdFiles } from './md-files.mjs';

const dir = process.argv[2];
if (!dir) {
	console.error('usage: node scripts/bench/read-floor.mjs <dir>');
	process.exit(2);
}
let bytes = 0;
for (const file of mdFiles(dir)) bytes += Buffer.byteLength(fs.readFileSync(file, 'utf8'));
console.log(bytes);
