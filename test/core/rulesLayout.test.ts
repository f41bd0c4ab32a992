import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { RULES, type Rule } from '../../server/src/core/rules/index';

const ROOT = path.resolve(__dirname, '../..');
const RULES_DIR = path.join(ROOT, 'server/src/core/rules');
/** The files of rules/ that are not a rule's: the registry and the types every rule shares. */
const NOT_RULES = ['index.ts', 'types.ts'];

const load = createRequire(__filename);

/** The file a rule id lives in: `date-invalid` → `dateInvalid.ts`. */
function fileOf(id: string): string {
	return `${id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}.ts`;
}

/** The rules a module of rules/ exports. */
function exportedRules(file: string): Rule[] {
	// Loaded as the registry loads them (not with import(), which may make new instances), so identity compares.
	const mod = load(path.join(RULES_DIR, file)) as Record<string, unknown>;
	return Object.values(mod).filter((v): v is Rule => RULES.includes(v as Rule));
}

/** Every import specifier of a source file: `from '…'`, `import '…'`, `import('…')`, `require('…')`; comments left out. */
function importSpecifiers(src: string): string[] {
	const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	return [...code.matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"])([^'"\n]+)\1/g)].map((m) => m[2]);
}

/** Every source file of the repository outside rules/ (the server, the client, the scripts, the tests; not fixtures or build output). */
function sourcesOutsideRules(): string[] {
	const out: string[] = [];
	const walk = (d: string): void => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const p = path.join(d, e.name);
			if (e.isDirectory()) {
				if (p === RULES_DIR || e.name === 'node_modules' || e.name === 'fixtures' || e.name === 'out') continue;
				walk(p);
			} else if (/\.(?:ts|mts|cts|mjs|cjs|js)$/.test(e.name)) out.push(p);
		}
	};
	for (const d of ['server/src', 'client/src', 'scripts', 'test']) walk(path.join(ROOT, d));
	return out;
}

describe('rules layout: one file per rule id', () => {
	const files = fs.readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts'));

	it('every rule of RULES has its own file in rules/, named after its id, that exports it', () => {
		const problems: string[] = [];
		for (const rule of RULES) {
			const file = fileOf(rule.id);
			if (!files.includes(file)) problems.push(`${rule.id}: no rules/${file}`);
			else if (!exportedRules(file).includes(rule)) problems.push(`${rule.id}: rules/${file} does not export it`);
			const others = files.filter((f) => f !== file && !NOT_RULES.includes(f) && exportedRules(f).includes(rule));
			if (others.length)
				problems.push(`${rule.id}: also exported by ${others.map((f) => `rules/${f}`).join(', ')}`);
		}
		assert.deepEqual(problems, []);
	});

	it('every other file of rules/ holds exactly one rule of RULES, the one it is named after', () => {
		const problems: string[] = [];
		for (const file of files.filter((f) => !NOT_RULES.includes(f))) {
			const ids = exportedRules(file).map((r) => r.id);
			if (ids.length !== 1 || fileOf(ids[0]) !== file)
				problems.push(`rules/${file} exports ${ids.length ? ids.join(', ') : 'no rule of RULES'}`);
		}
		assert.deepEqual(problems, []);
		assert.equal(files.length, RULES.length + NOT_RULES.length);
	});

	it('no module outside rules/ imports a file of rules/ other than rules/index.ts', () => {
		const scanned = sourcesOutsideRules();
		const rel = (p: string): string => path.relative(ROOT, p);
		for (const must of [
			'server/src/core/lint.ts',
			'server/src/core/engine.ts',
			'server/src/core/site.ts',
			'server/src/core/messages.ts',
			'scripts/generated.ts',
		]) {
			assert.ok(scanned.map(rel).includes(must), `the scan missed ${must}`);
		}
		const offenders: string[] = [];
		let intoRules = 0;
		for (const file of scanned) {
			for (const spec of importSpecifiers(fs.readFileSync(file, 'utf8'))) {
				if (!spec.startsWith('.')) continue;
				const target = path
					.relative(RULES_DIR, path.resolve(path.dirname(file), spec))
					.replace(/\.(?:ts|js|mjs|cjs)$/, '');
				if (target.startsWith('..') || path.isAbsolute(target)) continue;
				intoRules++;
				if (target !== 'index' && target !== '') offenders.push(`${rel(file)} imports ${spec}`);
			}
		}
		assert.ok(intoRules > 5, 'the scan found no import of the registry');
		assert.deepEqual(offenders, []);
	});

	it('the import scan sees every form of import', () => {
		const src = [
			`import { a } from './rules/a';`,
			`import type { B } from "./rules/b";`,
			`export { c } from './rules/c';`,
			`import './rules/d';`,
			`const e = require('./rules/e');`,
			`const f = await import("./rules/f");`,
			`// import { g } from './rules/g';`,
			`/* import { h } from './rules/h'; */`,
		].join('\n');
		assert.deepEqual(importSpecifiers(src), [
			'./rules/a',
			'./rules/b',
			'./rules/c',
			'./rules/d',
			'./rules/e',
			'./rules/f',
		]);
	});
});
