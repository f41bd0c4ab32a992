import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { main, type CliIo } from '../../server/src/cli/main';

/** What a run of the CLI printed. */
export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** How to run `main()`: standard input, variables added to the default environment, and other CliIo hooks. */
export interface RunOptions extends Partial<Omit<CliIo, 'cwd' | 'env' | 'readStdin'>> {
	stdin?: string;
	env?: Record<string, string>;
}

/** Run `main()` in this process with today fixed to 27 Nov 2026 and English messages. */
export async function runMain(args: string[], cwd: string, opts: RunOptions = {}): Promise<CliRun> {
	const { stdin = '', env, ...io } = opts;
	let stdout = '';
	let stderr = '';
	const code = await main(args, {
		cwd,
		env: { DISCLOSURE_LINT_TODAY: '2026-11-27', LANG: 'C', ...env },
		stdout: { write: (s: string) => (stdout += s) },
		stderr: { write: (s: string) => (stderr += s) },
		readStdin: async () => stdin,
		...io,
	});
	return { code, stdout, stderr };
}

/** The built binary (bin/disclosure-lint.js). */
export const BIN = path.resolve(__dirname, '../../bin/disclosure-lint.js');

/** How to run the built binary: standard input, variables added to the minimal environment, and the user to run it as. */
export interface SpawnOptions {
	stdin?: string;
	env?: Record<string, string>;
	/** Run as this uid (and the same gid). */
	uid?: number;
}

/** The built binary as a child process, with today fixed as in {@link runMain}; resolves on exit (no timing involved). */
export function spawnBin(args: string[], cwd: string, opts: SpawnOptions = {}): Promise<CliRun> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [BIN, ...args], {
			cwd,
			env: { PATH: process.env.PATH ?? '', DISCLOSURE_LINT_TODAY: '2026-11-27', LANG: 'C', ...opts.env },
			...(opts.uid !== undefined && { uid: opts.uid, gid: opts.uid }),
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
		child.stdin.end(opts.stdin ?? '');
	});
}
