import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types';
import { formatMessage } from '../../core/messages';
import { RULES, ruleDocsUrl } from '../../core/rules/index';
import { pick } from '../../core/i18n/render';
import { VERSION } from '../../shared/version';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 (docs/architecture.md#output-formats): every rule in `tool.driver.rules` with its help URI, results with
 * physical locations relative to `%SRCROOT%`, columns in UTF-16 units — uploadable to code scanning.
 */
export const sarifFormatter: Formatter = (reports, ctx) => {
	const index = new Map(RULES.map((r, i) => [r.id, i]));
	const results = reports.flatMap((r) => {
		const rel = path.relative(ctx.cwd, r.filePath).split(path.sep).join('/');
		// A live page (an audit) is located by its URL.
		const uri = /^https?:\/\//i.test(r.filePath)
			? r.filePath
			: rel.startsWith('..') || path.isAbsolute(rel)
				? pathToFileURL(r.filePath).href
				: encodeURI(rel || '.');
		return r.findings.map((f) => ({
			ruleId: f.ruleId,
			ruleIndex: index.get(f.ruleId) ?? -1,
			level: LEVEL[f.severity],
			message: { text: formatMessage(f, r.locale) },
			locations: [
				{
					physicalLocation: {
						artifactLocation: { uri, ...(uri.startsWith('file:') ? {} : { uriBaseId: '%SRCROOT%' }) },
						region: {
							startLine: f.line,
							startColumn: f.column,
							endLine: f.endLine,
							endColumn: Math.max(f.endColumn, f.line === f.endLine ? f.column + 1 : 1),
						},
					},
				},
			],
		}));
	});
	return (
		JSON.stringify(
			{
				$schema: 'https://json.schemastore.org/sarif-2.1.0.json',
				version: '2.1.0',
				runs: [
					{
						tool: {
							driver: {
								name: 'disclosure-lint',
								version: VERSION,
								informationUri: 'https://github.com/disclosure-lint/disclosure-lint',
								rules: RULES.map((r) => ({
									id: r.id,
									shortDescription: { text: pick(r.description, 'en') },
									fullDescription: { text: `${r.description.en} / ${r.description.th}` },
									helpUri: ruleDocsUrl(r.id),
									defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
									properties: { tags: r.tags },
								})),
							},
						},
						columnKind: 'utf16CodeUnits',
						originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
						results,
					},
				],
			},
			null,
			2,
		) + '\n'
	);
};
