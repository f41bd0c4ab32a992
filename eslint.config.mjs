// ESLint flat config for `npm run lint` (docs/architecture.md#import-rules for the layer rules).
//
// typescript-eslint parses with TypeScript's JavaScript compiler API, which TypeScript 7 (the
// native compiler that builds and type-checks this project) does not ship; its peer range is
// `typescript >=4.8.4 <6.1.0`. So typescript-eslint and TypeScript 6.0 live in the npm workspace
// tools/typescript-eslint and are imported through it. The root `typescript` stays 7.0.2, and
// `tsc` (npm run typecheck) is TypeScript 7. Type information (for the promise rules) comes from
// TypeScript 6.0 reading the same tsconfig.json. (package.json's `overrides` pins the `typescript`
// peer of ts-api-utils to 6.0.3: its own range, >=4.8.4, would let npm hoist it to the root, next
// to TypeScript 7, where it fails to load.)
//
// test/core/engine.test.ts checks the engine's boundary too, in every import form (`require`,
// `import()`), so a rule switched off here by mistake does not open the boundary.
import js from '@eslint/js';
import tseslint from '@disclosure-lint/typescript-eslint';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import { builtinModules } from 'node:module';

const LAYERS = 'docs/architecture.md#import-rules';

/** A `no-restricted-imports` pattern: an import source matching `regex` is refused with `why`. */
const refuse = (regex, why) => ({ regex, message: `${why} (${LAYERS}).` });
/** A relative import that reaches into the folder `dir` of server/src or the repository. */
const into = (dir) => `^\\.\\.?/(\\.\\./)*(${dir})(/|$)`;

const NO_VSCODE = refuse(
	'^vscode',
	'Only client/src imports vscode, and only server/src/lsp imports vscode-languageserver',
);
const NO_ENGINE_OUTWARD = refuse(
	into('node|cli|lsp|client'),
	'The engine imports nothing from the Node host, the CLI, the language server or the client',
);
const NO_LSP = refuse(into('lsp'), 'The CLI and the Node host do not import the language server');
const NO_CLI = refuse(into('cli'), 'The language server and the Node host do not import the CLI');
const NO_CLIENT = refuse(into('client'), 'The server talks to the client only over LSP');

/** The engine does no IO: of Node's built-in modules it may import only node:path. */
const PURE_BUILTINS = new Set(['path', 'path/posix', 'path/win32']);
const IO_BUILTINS = builtinModules
	.map((m) => m.replace(/^node:/, ''))
	.filter((m) => !m.startsWith('_') && !PURE_BUILTINS.has(m))
	.flatMap((m) => [m, `node:${m}`])
	.map((name) => ({
		name,
		message: `The engine does no IO: of Node's modules it imports only node:path. Files, network and threads come through the injected Host and Requester (${LAYERS}).`,
	}));

const restrict = (patterns, paths = []) => ['error', { paths, patterns }];

export default defineConfig(
	{
		ignores: [
			'dist/',
			'.build/',
			'.scratch/',
			'reports/',
			'test-results/',
			'.bench/',
			'.tools/',
			'.editor-tools/',
			'test/editors/vscode/out/',
		],
	},
	{
		linterOptions: { reportUnusedDisableDirectives: 'error' },
	},
	{
		files: ['**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			// As tsc's noUnusedLocals: `_name` is unused on purpose, and so is a key left out of `...rest`.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		// Build, bench and generator scripts, the bin shims and one browser script.
		files: ['**/*.{js,mjs,cjs}'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
	},
	{ files: ['bin/*.js'], languageOptions: { sourceType: 'commonjs' } },
	{ files: ['test/helpers/reportProbe.js'], languageOptions: { sourceType: 'script', globals: globals.browser } },

	// The layers (docs/architecture.md#layers).
	{
		files: ['server/src/core/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict([NO_VSCODE, NO_ENGINE_OUTWARD], IO_BUILTINS),
			'no-restricted-syntax': [
				'error',
				{
					selector: 'ImportExpression',
					message: `No dynamic import() in the engine: its imports stay static, where the layer rules see them (${LAYERS}).`,
				},
			],
			'no-restricted-globals': [
				'error',
				{
					name: 'process',
					message: `The engine does not read process: the CLI and the server pass in what it needs (${LAYERS}).`,
				},
			],
			'no-console': 'error',
		},
	},
	{
		files: ['server/src/shared/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict([
				NO_VSCODE,
				NO_CLIENT,
				refuse(into('core|node|cli|lsp'), 'shared/ imports no layer: every layer imports it'),
			]),
		},
	},
	{
		files: ['server/src/node/**/*.ts'],
		rules: { '@typescript-eslint/no-restricted-imports': restrict([NO_VSCODE, NO_CLI, NO_LSP, NO_CLIENT]) },
	},
	{
		files: ['server/src/cli/**/*.ts'],
		rules: { '@typescript-eslint/no-restricted-imports': restrict([NO_VSCODE, NO_LSP, NO_CLIENT]) },
	},
	{
		files: ['server/src/lsp/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict([
				refuse('^vscode$|^vscode-languageclient', 'Only client/src imports vscode and vscode-languageclient'),
				NO_CLI,
				NO_CLIENT,
			]),
		},
	},
	{
		files: ['client/src/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': restrict([
				refuse(into('server'), 'The client talks to the server only over LSP'),
				refuse('^vscode-languageserver', 'Only server/src/lsp imports vscode-languageserver'),
			]),
		},
	},
);
