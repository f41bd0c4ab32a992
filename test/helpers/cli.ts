import { main, type CliIo } from '../../server/src/cli/main';

/** What a run of the CLI printed. */
export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
}

/** Run `main()` in this process with today fixed to 27 Nov 2026 and English messages. */
export async function runMain(args: string[], cwd: string, extra: Partial<CliIo> = {}): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const code = await main(args, {
		cwd,
		env: { DISCLOSURE_LINT_TODAY: '2026-11-27', LANG: 'C' },
		stdout: { write: (s: string) => (stdout += s) },
		stderr: { write: (s: string) => (stderr += s) },
		readStdin: async () => '',
		...extra,
	});
	return { code, stdout, stderr };
}
