import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { runMain } from '../helpers/cli';
import { RULES } from '../../server/src/core/rules/index';
import { PAGE_TWO_FINDINGS } from '../helpers/pages';

/** The SARIF 2.1.0 schema as Microsoft's sarif-js-sdk ships it (a pinned dev dependency). */
const SARIF_SCHEMA = path.resolve(
	__dirname,
	'../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json',
);

async function run(format: string, cwd: string): Promise<{ code: number; out: string }> {
	const r = await runMain(['--format', format, 'docs/page.md'], cwd);
	assert.equal(r.stderr, '', `--format ${format} wrote to stderr`);
	return { code: r.code, out: r.stdout };
}

describe('CI output formats', () => {
	const dir = tmpDir('dl-formats-');
	fs.mkdirSync(path.join(dir, 'docs'));
	fs.writeFileSync(path.join(dir, 'docs/page.md'), PAGE_TWO_FINDINGS);

	it('sarif validates against the SARIF 2.1.0 schema and carries rules with help URIs and locations', async () => {
		const { code, out } = await run('sarif', dir);
		assert.equal(code, 1);
		const log = JSON.parse(out) as {
			runs: {
				tool: { driver: { rules: { id: string; helpUri: string }[] } };
				results: {
					ruleId: string;
					level: string;
					ruleIndex: number;
					locations: {
						physicalLocation: {
							artifactLocation: { uri: string };
							region: { startLine: number; startColumn: number };
						};
					}[];
				}[];
			}[];
		};
		const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
		addFormats(ajv as unknown as Parameters<typeof addFormats>[0]);
		const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
		assert.ok(validate(log), ajv.errorsText(validate.errors));
		const run0 = log.runs[0];
		assert.deepEqual(
			run0.tool.driver.rules.map((r: { id: string }) => r.id),
			RULES.map((r) => r.id),
		);
		assert.match(run0.tool.driver.rules[0].helpUri, /docs\/rules\/frontmatter-missing\.md$/);
		assert.deepEqual(
			run0.results.map(
				(r: {
					ruleId: string;
					level: string;
					locations: {
						physicalLocation: {
							artifactLocation: { uri: string };
							region: { startLine: number; startColumn: number };
						};
					}[];
				}) => [
					r.ruleId,
					r.level,
					r.locations[0].physicalLocation.artifactLocation.uri,
					r.locations[0].physicalLocation.region.startLine,
					r.locations[0].physicalLocation.region.startColumn,
				],
			),
			[
				['date-invalid', 'error', 'docs/page.md', 9, 10],
				['date-era', 'warning', 'docs/page.md', 15, 17],
			],
		);
		assert.equal(
			run0.results[0].ruleIndex,
			RULES.findIndex((r) => r.id === 'date-invalid'),
		);
	});

	it('junit is XML with one failing test case per finding', async () => {
		const { code, out } = await run('junit', dir);
		assert.equal(code, 1);
		const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out);
		const suite = doc.testsuites.testsuite;
		assert.equal(suite.name, 'docs/page.md');
		assert.equal(suite.failures, '2');
		assert.deepEqual(
			suite.testcase.map((t: { name: string; failure: { type: string } }) => [t.name, t.failure.type]),
			[
				['9:10 date-invalid', 'date-invalid'],
				['15:17 date-era', 'date-era'],
			],
		);
	});

	it('github prints workflow commands', async () => {
		const { code, out } = await run('github', dir);
		assert.equal(code, 1);
		assert.deepEqual(
			out.split('\n'),
			[
				'::error file=docs/page.md,line=9,col=10,endLine=9,endColumn=24,title=date-invalid::updated (Last updated): "31 เมษายน 2569" does not exist in the calendar',
				'::warning file=docs/page.md,line=15,col=17,endLine=15,endColumn=30,title=date-era::"1 ตุลาคม 2024" has a Christian-era year beside a Thai month name; government pages use Buddhist Era years',
				'',
			],
			'one command per line, each ending in a newline',
		);
	});
});
