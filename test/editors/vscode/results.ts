/** What the extension-host runner (suite/index.ts) writes and the outer test (exthost.test.ts) reads. */
export interface Results {
	passes: string[];
	failures: { title: string; error: string }[];
	pending: string[];
	/** Milliseconds per passed or failed test, by full title. */
	durations: Record<string, number>;
	total: number;
	ms: number;
}

/** The results file, written next to the workspace folder (in the run's scratch folder). */
export const RESULT_FILE = 'ext-test-result.json';

/** Written by the outer test next to the workspace folder: the *.ext.js files to run (JSON array); absent: all. */
export const SUITE_FILES = 'ext-test-files.json';
