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
