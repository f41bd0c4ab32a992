import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../package.json';
import nlsEn from '../package.nls.json';
import nlsTh from '../package.nls.th.json';
import l10nEn from '../l10n/bundle.l10n.json';
import l10nTh from '../l10n/bundle.l10n.th.json';
import { RULES } from '../server/src/core/rules/index';
import { BUILTIN_SCHEMAS } from '../server/src/core/schema/builtin';

const ROOT = path.resolve(__dirname, '..');
const THAI = /[\u0e00-\u0e7f]/;
const NLS_EN = nlsEn as Record<string, string>;
const NLS_TH = nlsTh as Record<string, string>;

/** A manifest string as VS Code shows it: `%key%` replaced from an nls file. */
function nls(value: string, bundle: Record<string, string>): string {
	const key = /^%([^%]+)%$/.exec(value)?.[1];
	assert.ok(key, `"${value}" is not a %key% placeholder`);
	assert.ok(key in bundle, `${key} is missing from an nls file`);
	return bundle[key];
}

/** Every string of a JSON value, with its path. */
function strings(value: unknown, at = ''): [string, string][] {
	if (typeof value === 'string') return [[at, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`));
	return [];
}

/** Every TypeScript file of the client. */
function clientSources(): string[] {
	const out: string[] = [];
	const walk = (dir: string): void => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			const f = path.join(dir, e.name);
			if (e.isDirectory()) walk(f);
			else if (f.endsWith('.ts')) out.push(f);
		}
	};
	walk(path.join(ROOT, 'client/src'));
	return out.sort();
}

describe('VS Code extension manifest and package', () => {
	it('activates on Markdown, contributes settings in Thai and English, commands, jsonValidation, limited untrusted support', () => {
		assert.deepEqual(pkg.activationEvents, ['onLanguage:markdown']);
		assert.equal(pkg.main, './dist/client.js');
		const settings = pkg.contributes.configuration.properties;
		assert.deepEqual(Object.keys(settings).sort(), [
			'disclosure-lint.debounceMs',
			'disclosure-lint.links',
			'disclosure-lint.locale',
			'disclosure-lint.today',
		]);
		for (const [key, value] of Object.entries(settings)) {
			assert.match(key, /^disclosure-lint\./);
			assert.match(nls(value.markdownDescription, NLS_TH), THAI, `${key} needs a Thai description`);
			assert.doesNotMatch(nls(value.markdownDescription, NLS_EN), THAI, `${key} needs an English description`);
		}
		assert.deepEqual(
			settings['disclosure-lint.links'].enum.length,
			settings['disclosure-lint.links'].enumDescriptions.length,
		);
		assert.deepEqual(
			settings['disclosure-lint.locale'].enum.length,
			settings['disclosure-lint.locale'].enumDescriptions.length,
		);
		assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), [
			'disclosure-lint.checklist.addSection',
			'disclosure-lint.checklist.createPage',
			'disclosure-lint.checklist.createSectionPage',
			'disclosure-lint.checklist.refresh',
			'disclosure-lint.createConfig',
			'disclosure-lint.fixAll',
			'disclosure-lint.lintWorkspace',
			'disclosure-lint.restartServer',
			'disclosure-lint.showOutput',
			'disclosure-lint.showReport',
		]);
		assert.deepEqual(pkg.contributes.jsonValidation, [
			{ fileMatch: '.disclosurelintrc.json', url: './schemas/disclosure-lint.config.schema.json' },
		]);
		assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
		assert.deepEqual(pkg.contributes.snippets, [
			{ language: 'markdown', path: './snippets/disclosure.code-snippets' },
		]);
	});

	it('contributes every user-facing string as a %key% with an entry in package.nls.json (English) and package.nls.th.json (Thai)', () => {
		assert.deepEqual(Object.keys(NLS_TH).sort(), Object.keys(NLS_EN).sort(), 'both nls files have the same keys');
		const all = strings(pkg.contributes, 'contributes');
		// What VS Code shows: titles, names, descriptions, welcome contents. A command's category is the product's name.
		const shown = all.filter(
			([at]) =>
				/\.(title|name|description|markdownDescription|contents|contextualTitle)$|\.enumDescriptions\[\d+\]$/.test(
					at,
				) && at !== 'contributes.configuration.title',
		);
		assert.ok(shown.length > 30, `only ${shown.length} contributed strings found`);
		for (const [at, value] of shown) assert.match(value, /^%[^%]+%$/, `${at} is not localised: ${value}`);
		const used = new Set(all.map(([, v]) => /^%([^%]+)%$/.exec(v)?.[1]).filter((k): k is string => Boolean(k)));
		assert.deepEqual(
			[...used].filter((k) => !(k in NLS_EN)),
			[],
			'placeholders without an nls entry',
		);
		assert.deepEqual(
			Object.keys(NLS_EN).filter((k) => !used.has(k)),
			[],
			'nls entries nothing uses',
		);
		for (const key of used) {
			if (key === 'config.title' || key.endsWith('.media')) continue; // the product's name; file paths
			assert.match(NLS_TH[key], THAI, `package.nls.th.json: ${key} is not Thai: ${NLS_TH[key]}`);
			assert.doesNotMatch(NLS_EN[key], THAI, `package.nls.json: ${key} is not English: ${NLS_EN[key]}`);
			assert.deepEqual(
				NLS_TH[key].match(/command:[\w.-]+/g),
				NLS_EN[key].match(/command:[\w.-]+/g),
				`${key}: the command links differ`,
			);
		}
		assert.equal(nls(pkg.contributes.views['disclosure-lint'][0].name, NLS_TH), 'ข้อมูลที่ต้องเปิดเผย');
		assert.equal(nls(pkg.contributes.views['disclosure-lint'][0].name, NLS_EN), 'Disclosure');
	});

	it('has every run-time string of the client in the l10n bundles (English and Thai), and no Thai text in the code', () => {
		assert.equal(pkg.l10n, './l10n');
		const used = new Set<string>();
		for (const file of clientSources()) {
			const text = fs.readFileSync(file, 'utf8');
			// Every l10n.t call takes a plain single-quoted literal first (the bundle key).
			const calls = text.match(/l10n\.t\(/g)?.length ?? 0;
			const literals = [...text.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) =>
				m[1].replace(/\\(.)/g, '$1'),
			);
			assert.equal(
				literals.length,
				calls,
				`${path.relative(ROOT, file)}: an l10n.t call without a string literal`,
			);
			for (const l of literals) used.add(l);
			assert.doesNotMatch(
				text.replace(/^\s*(\/\/|\*|\/\*).*$/gm, ''),
				THAI,
				`${path.relative(ROOT, file)} has Thai text outside the bundles`,
			);
		}
		assert.ok(used.size > 30, `only ${used.size} run-time strings found`);
		const en = l10nEn as Record<string, string>;
		const th = l10nTh as Record<string, string>;
		assert.deepEqual(
			Object.keys(en).sort(),
			[...used].sort(),
			'l10n/bundle.l10n.json: keys differ from the strings the client uses',
		);
		assert.deepEqual(
			Object.keys(th).sort(),
			[...used].sort(),
			'l10n/bundle.l10n.th.json: keys differ from the strings the client uses',
		);
		for (const key of used) {
			assert.equal(en[key], key);
			assert.match(th[key], THAI, `no Thai for "${key}"`);
			assert.deepEqual(
				(th[key].match(/\{\d+\}/g) ?? []).sort(),
				(key.match(/\{\d+\}/g) ?? []).sort(),
				`"${key}": the placeholders differ in Thai`,
			);
		}
	});

	it('contributes the Disclosure view in its own activity bar container, with its menus on contributed commands', () => {
		const c = pkg.contributes;
		assert.deepEqual(
			c.viewsContainers.activitybar.map((v) => [v.id, v.icon]),
			[['disclosure-lint', 'images/activity.svg']],
		);
		assert.deepEqual(
			c.views['disclosure-lint'].map((v) => v.id),
			['disclosure-lint.checklist'],
		);
		assert.ok(fs.readFileSync(path.join(ROOT, 'images/activity.svg'), 'utf8').startsWith('<svg'));
		const commands = new Set(c.commands.map((x) => x.command));
		const menus = Object.values(c.menus).flat();
		for (const m of menus) assert.ok(commands.has(m.command), `menu entry for an unknown command ${m.command}`);
		const inline = c.menus['view/item/context'].filter((m) => m.group === 'inline').map((m) => [m.command, m.when]);
		assert.deepEqual(inline, [
			[
				'disclosure-lint.checklist.createPage',
				'view == disclosure-lint.checklist && viewItem == topic.missing.create',
			],
			[
				'disclosure-lint.checklist.createSectionPage',
				'view == disclosure-lint.checklist && viewItem == section.topic.create',
			],
			['disclosure-lint.checklist.addSection', 'view == disclosure-lint.checklist && viewItem == section.page'],
		]);
		// The view's item context values are the ones the menus name (client/src/checklist/view.ts).
		const view = fs.readFileSync(path.join(ROOT, 'client/src/checklist/view.ts'), 'utf8');
		for (const v of [
			"topic.${topic.state}${topic.create ? '.create' : ''}",
			'section.page',
			'section.topic.create',
		])
			assert.ok(view.includes(v), `view.ts no longer sets ${v}`);
		assert.deepEqual(
			c.viewsWelcome.map((w) => w.view),
			['disclosure-lint.checklist', 'disclosure-lint.checklist', 'disclosure-lint.checklist'],
		);
	});

	it('has a walkthrough of four steps, each with its Markdown in both languages and a command that exists', () => {
		const [walk] = pkg.contributes.walkthroughs;
		assert.equal(pkg.contributes.walkthroughs.length, 1);
		assert.deepEqual(
			walk.steps.map((s) => s.id),
			['configure', 'first-page', 'checklist', 'report'],
		);
		const commands = new Set([
			...pkg.contributes.commands.map((x) => x.command),
			'disclosure-lint.checklist.focus',
		]);
		for (const step of walk.steps) {
			for (const bundle of [NLS_EN, NLS_TH]) {
				const media = nls(step.media.markdown, bundle);
				const text = fs.readFileSync(path.join(ROOT, media), 'utf8');
				assert.match(text, /^# /, `${media} has no title`);
				if (bundle === NLS_TH) assert.match(text, THAI, `${media} is not Thai`);
				const links = [...nls(step.description, bundle).matchAll(/\(command:([\w.-]+)\)/g)].map((m) => m[1]);
				assert.equal(links.length, 1, `${step.id}: one command link`);
				assert.ok(commands.has(links[0]), `${step.id}: ${links[0]} is not a command`);
			}
			for (const e of step.completionEvents)
				assert.ok(
					e === 'onView:disclosure-lint.checklist' || commands.has(e.replace(/^onCommand:/, '')),
					`${step.id}: ${e}`,
				);
		}
	});

	it('has a 128×128 PNG icon drawn by scripts/make-icon.mjs, keywords in Thai and English and a gallery banner', async () => {
		assert.equal(pkg.icon, 'images/icon.png');
		const png = fs.readFileSync(path.join(ROOT, pkg.icon));
		assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
		assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
		const { drawIcon } = (await import(pathToFileURL(path.join(ROOT, 'scripts/make-icon.mjs')).href)) as {
			drawIcon: () => Buffer;
		};
		assert.ok(
			drawIcon().equals(png),
			'images/icon.png differs from what scripts/make-icon.mjs draws: run npm run icon',
		);
		assert.ok(pkg.keywords.some((k) => THAI.test(k)) && pkg.keywords.some((k) => /^[a-z]/.test(k)));
		assert.ok(pkg.keywords.length <= 30);
		assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
	});

	it('packages the bundles, schemas and rule docs, without node_modules', () => {
		const files = execFileSync(
			process.execPath,
			[path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'],
			{ cwd: ROOT, encoding: 'utf8' },
		)
			.split('\n')
			.filter(Boolean);
		for (const f of [
			'dist/server.js',
			'dist/client.js',
			'dist/cli.js',
			'schemas/disclosure-lint.config.schema.json',
			'schemas/topics/citizen-manual.schema.json',
			'docs/rules/section-missing.md',
			'snippets/disclosure.code-snippets',
			'LICENSE',
		]) {
			assert.ok(files.includes(f), `${f} is not packaged`);
		}
		assert.deepEqual(
			files.filter((f) => f.startsWith('node_modules/') || f.startsWith('test/') || f.endsWith('.map')),
			[],
		);
		assert.deepEqual(
			[...files].sort(),
			[
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
				...['meta', 'config', ...BUILTIN_SCHEMAS.map((s) => path.basename(s.file, '.schema.json'))].map(
					(v) => `dist/validators/${v}.js`,
				),
				...['ajv', 'html', 're2js', 'undici'].map((v) => `dist/vendor/${v}.js`),
				'docs/architecture.md',
				'docs/audit.md',
				'docs/ci.md',
				'docs/domain.md',
				'docs/editor.md',
				'docs/links.md',
				'docs/page-model.md',
				'docs/performance.md',
				'docs/real-pages.md',
				'docs/rules/README.md',
				...RULES.map((r) => `docs/rules/${r.id}.md`),
				'docs/schema-vocabulary.md',
				'docs/security.md',
				'images/activity.svg',
				'images/icon.png',
				'l10n/bundle.l10n.json',
				'l10n/bundle.l10n.th.json',
				...['checklist', 'configure', 'first-page', 'report'].flatMap((m) => [
					`media/${m}.md`,
					`media/${m}.th.md`,
				]),
				'package.json',
				'package.nls.json',
				'package.nls.th.json',
				'schemas/common.schema.json',
				'schemas/disclosure-lint.config.schema.json',
				...BUILTIN_SCHEMAS.map((s) => s.file),
				'schemas/x-disclosure.meta.schema.json',
				'snippets/disclosure.code-snippets',
			].sort(),
		);
	});
});
