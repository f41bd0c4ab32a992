import { main } from './main';

/** The `disclosure-lint` binary: a thin shell around `main()`. */
const readStdin = async (): Promise<string> => {
	const chunks: Buffer[] = [];
	for await (const c of process.stdin) chunks.push(c as Buffer);
	return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
};
main(process.argv.slice(2), {
	cwd: process.cwd(),
	env: process.env,
	stdout: process.stdout,
	stderr: process.stderr,
	readStdin,
}).then(
	(code) => {
		process.exitCode = code;
	},
	(err: unknown) => {
		process.stderr.write(
			`disclosure-lint: internal failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
		);
		process.exitCode = 2;
	},
);
