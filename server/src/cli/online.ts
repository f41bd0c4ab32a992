import * as fs from 'node:fs';
import type { Engine } from '../core/engine';
import { checkKey, type Verdict } from '../core/links/verdict';
import { OnlineLinks, type OnlineOverrides } from '../node/onlineLinks';
import type { FileReport } from './formatters/types';

/**
 * Online mode: check every http(s) URL the pages cite (each once, cached results reused), then
 * lint again the pages that cite a dead or unverified one so its findings go through the same
 * severities and inline suppressions as every other rule.
 */
export async function checkExternalLinks(
	engine: Engine,
	reports: FileReport[],
	progress?: (text: string) => void,
	overrides: OnlineOverrides = {},
	relint: (report: FileReport, verdicts: Map<string, Verdict>) => FileReport['findings'] = (r, verdicts) =>
		engine.lintBytes(r.filePath, fs.readFileSync(r.filePath), { verdicts }).findings,
): Promise<FileReport[]> {
	const config = engine.configForFolder(engine.options.root);
	const online = new OnlineLinks(config.links, engine.options.root, overrides);
	const { verdicts, todo } = online.known(reports.flatMap((r) => r.urls ?? []));
	const fresh = await online.check(todo, (done, total) => progress?.(`checking links ${done}/${total}`));
	for (const [u, v] of fresh) verdicts.set(u, v);
	return reports.map((r) => {
		if (!r.urls?.some((u) => verdicts.get(checkKey(u))?.state !== 'ok')) return r;
		return { ...r, findings: relint(r, verdicts) };
	});
}
