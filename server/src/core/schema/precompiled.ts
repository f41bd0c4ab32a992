import type { ValidateFunction } from 'ajv';

/** Set to true by scripts/build.mjs (esbuild `define`) in the bundles; absent when the sources run. */
declare const DISCLOSURE_LINT_BUNDLE: boolean | undefined;

const loaded = new Map<string, ValidateFunction>();

/**
 * A validator compiled at build time, in the bundles (dist/validators/<name>.js, loaded on first use so
 * a run reads only the topics its pages have); undefined when the sources run (tests through tsx), which
 * compile the same schemas with ajv at run time. test/core/precompiled.test.ts holds the two to the same errors.
 * @param name `meta` (the x-disclosure meta-schema), `config` (the configuration file schema) or a bundled topic id.
 */
export function precompiledValidator(name: string): ValidateFunction | undefined {
	if (typeof DISCLOSURE_LINT_BUNDLE !== 'undefined' && DISCLOSURE_LINT_BUNDLE) {
		let v = loaded.get(name);
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a file of dist/, loaded on first use
		if (!v) loaded.set(name, (v = require(__dirname + '/validators/' + name + '.js') as ValidateFunction));
		return v;
	}
	return undefined;
}
