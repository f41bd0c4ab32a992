/**
 * Files (or parts of files) generated from the rule registry, the single source of rule ids:
 * the README rule table, the rules index, and the config schema's rule names.
 * `npm run gen` writes them; test/generated.test.ts fails when a committed copy is stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/core/rules/index';
import { SchemaRegistry } from '../server/src/core/schema/registry';
import { pageSkeleton } from '../server/src/core/schema/skeleton';
import { BUILTIN_SCHEMAS, BUILTIN_TOPIC_IDS, COMMON_SCHEMA, META_SCHEMA } from '../server/src/core/schema/builtin';

const registry = new SchemaRegistry(COMMON_SCHEMA, META_SCHEMA, BUILTIN_SCHEMAS);

const ROOT = path.resolve(__dirname, '..');

/** The Markdown rule table. */
export function ruleTable(): string {
	const rows = RULES.map(
		(r) =>
			`| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${r.fixable ? 'yes' : 'no'} | ${r.tags.join(', ')} | ${r.description.th} | ${r.description.en} |`,
	);
	return ['| rule | default | fixable | tags | ตรวจอะไร | reports |', '|---|---|---|---|---|---|', ...rows].join(
		'\n',
	);
}

function replaceBetween(text: string, name: string, content: string, file: string): string {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const i = text.indexOf(start);
	const j = text.indexOf(end);
	if (i < 0 || j < i) throw new Error(`${file} has no ${start} … ${end} markers`);
	return `${text.slice(0, i + start.length)}\n${content}\n${text.slice(j)}`;
}

/** Whole-page skeletons per topic and the inline-control comments, as VS Code snippets (also usable by other editors). */
export function snippets(): Record<string, { prefix: string[]; description: string; body: string[] }> {
	const out: Record<string, { prefix: string[]; description: string; body: string[] }> = {};
	for (const id of BUILTIN_TOPIC_IDS) {
		const topic = registry.get(id)!;
		const lines = pageSkeleton(topic, COMMON_SCHEMA, '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}');
		out[`disclosure-lint: ${id}`] = {
			prefix: [`disclosure-${id}`, `dl-${id}`],
			description: `${topic.x.name.th} / ${topic.x.name.en}`,
			body: lines,
		};
	}
	out['disclosure-lint: disable next line'] = {
		prefix: ['disclosure-lint-disable-next-line'],
		description: 'ปิดการตรวจบรรทัดถัดไป พร้อมเหตุผล / Disable a rule on the next line, with a reason',
		body: ['<!-- disclosure-lint-disable-next-line ${1:rule-id} -- ${2:เหตุผล} -->'],
	};
	out['disclosure-lint: disable block'] = {
		prefix: ['disclosure-lint-disable'],
		description: 'ปิดการตรวจช่วงหนึ่ง พร้อมเหตุผล / Disable a rule for a block, with a reason',
		body: [
			'<!-- disclosure-lint-disable ${1:rule-id} -- ${2:เหตุผล} -->',
			'$0',
			'<!-- disclosure-lint-enable ${1:rule-id} -->',
		],
	};
	return out;
}

/** Every generated file with the content it must have: path (relative to the repo) → text. */
export function generatedFiles(): Map<string, string> {
	const out = new Map<string, string>();
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	out.set('README.md', replaceBetween(readme, 'rules', ruleTable(), 'README.md'));
	const index = fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
	out.set(
		'docs/rules/README.md',
		replaceBetween(index, 'rules', ruleTable().replace(/\]\(docs\/rules\//g, ']('), 'docs/rules/README.md'),
	);
	const schemaFile = 'schemas/disclosure-lint.config.schema.json';
	const schema = JSON.parse(fs.readFileSync(path.join(ROOT, schemaFile), 'utf8'));
	schema.definitions.rules.propertyNames.enum = RULES.map((r) => r.id);
	// Each rule's setting with its own options schema: a misspelt option is a configuration error, and
	// editors complete the options. A rule without options takes none.
	schema.definitions.rules.properties = Object.fromEntries(
		RULES.map((r) => [
			r.id,
			{
				oneOf: [
					{ $ref: '#/definitions/level' },
					{
						type: 'array',
						items: [
							{ $ref: '#/definitions/level' },
							r.options ?? { type: 'object', additionalProperties: false },
						],
						minItems: 1,
						maxItems: 2,
					},
				],
			},
		]),
	);
	out.set(schemaFile, JSON.stringify(schema, null, '\t') + '\n');
	out.set('snippets/disclosure.code-snippets', JSON.stringify(snippets(), null, '\t') + '\n');
	return out;
}

/** Write every generated file that differs; returns the paths written. */
export function writeGenerated(): string[] {
	const written: string[] = [];
	for (const [rel, text] of generatedFiles()) {
		const file = path.join(ROOT, rel);
		if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			fs.writeFileSync(file, text);
			written.push(rel);
		}
	}
	return written;
}
