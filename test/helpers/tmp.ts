import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const made: string[] = [];

/**
 * A fresh folder under the system temp folder, removed when the test process exits (set
 * DISCLOSURE_LINT_KEEP_TMP=1 to keep them for a look after a failure).
 */
export function tmpDir(prefix: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	if (!made.length) {
		process.on('exit', () => {
			if (process.env.DISCLOSURE_LINT_KEEP_TMP === '1') return;
			for (const d of made) fs.rmSync(d, { recursive: true, force: true });
		});
	}
	made.push(dir);
	return dir;
}
