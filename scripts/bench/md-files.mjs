// The Markdown files under a directory, as the benchmark's floors see them: every `*.md`,
// dot-directories and node_modules excluded (as markdownlint-cli2's "**/*.md" does).
import fg from 'fast-glob';

export function mdFiles(dir) {
	return fg.sync('**/*.md', { cwd: dir, absolute: true, dot: false, ignore: ['**/node_modules/**'] }).sort();
}
