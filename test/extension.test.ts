import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import pkg from '../package.json';
import { RULES } from '../server/src/core/rules/index';
import { BUILTIN_SCHEMAS } from '../server/src/core/schema/builtin';

const ROOT = path.resolve(__dirname, '..');

describe('VS Code extension manifest and package', () => {
	it('activates on Markdown, contributes settings in Thai and English, commands, jsonValidation, limited untrusted support', () => {
		assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
		assert.equal(pkg.main, './dist/client.js');
		const settings = pkg.contributes.configuration.properties;
		assert.deepEqual(Object.keys(settings).sort(), ['disclosure-lint.debounceMs', 'disclosure-lint.links', 'disclosure-lint.locale', 'disclosure-lint.today']);
		for (const [key, value] of Object.entries(settings)) {
			assert.match(key, /^disclosure-lint\./);
			assert.match(value.markdownDescription, /[\u0e00-\u0e7f].* \/ [A-Z]/, `${key} needs Thai and English`);
		}
		assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), ['disclosure-lint.fixAll', 'disclosure-lint.lintWorkspace', 'disclosure-lint.restartServer', 'disclosure-lint.showOutput', 'disclosure-lint.showReport']);
		assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.disclosurelintrc.json', url: './schemas/disclosure-lint.config.schema.json' }]);
		assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
		assert.deepEqual(pkg.contributes.snippets, [{ language: 'markdown', path: './snippets/disclosure.code-snippets' }]);
	});

	it('packages the bundles, schemas and rule docs, without node_modules', () => {
		const files = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
		for (const f of ['dist/server.js', 'dist/client.js', 'dist/cli.js', 'schemas/disclosure-lint.config.schema.json', 'schemas/topics/citizen-manual.schema.json', 'docs/rules/section-missing.md', 'snippets/disclosure.code-snippets', 'LICENSE']) {
			assert.ok(files.includes(f), `${f} is not packaged`);
		}
		assert.deepEqual(files.filter((f) => f.startsWith('node_modules/') || f.startsWith('test/') || f.endsWith('.map')), []);
		assert.deepEqual([...files].sort(), [
			'LICENSE',
			'README.md',
			'bin/disclosure-lint-server.js',
			'bin/disclosure-lint.js',
			// The bundles the CLI, the server and the client run; not the link benchmark's.
			'dist/cli.js',
			'dist/client.js',
			'dist/server.js',
			'dist/worker.js',
			// The validators compiled at build time and the libraries few runs need, loaded on demand (docs/performance.md).
			...['meta', 'config', ...BUILTIN_SCHEMAS.map((s) => path.basename(s.file, '.schema.json'))].map((v) => `dist/validators/${v}.js`),
			...['ajv', 're2js', 'undici'].map((v) => `dist/vendor/${v}.js`),
			'docs/architecture.md',
			'docs/ci.md',
			'docs/domain.md',
			'docs/links.md',
			'docs/page-model.md',
			'docs/performance.md',
			'docs/real-pages.md',
			'docs/rules/README.md',
			...RULES.map((r) => `docs/rules/${r.id}.md`),
			'docs/schema-vocabulary.md',
			'docs/security.md',
			'package.json',
			'schemas/common.schema.json',
			'schemas/disclosure-lint.config.schema.json',
			...BUILTIN_SCHEMAS.map((s) => s.file),
			'schemas/x-disclosure.meta.schema.json',
			'snippets/disclosure.code-snippets',
		].sort());
	});
});
