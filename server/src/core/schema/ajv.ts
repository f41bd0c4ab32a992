import type Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import { compileUserPattern, nativePattern } from '../regex';
import { loadAjv } from '../vendor';

/** The format of every date key. The engine parses the many Thai styles itself (rule date-invalid). */
export const DATE_FORMAT = 'disclosure-date';

/**
 * The options every schema here is compiled with. scripts/gen-validators.mjs compiles the bundled
 * schemas at build time with the same options, so both give the same error objects.
 */
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, allowUnionTypes: true, validateSchema: true };

/**
 * A fresh ajv instance with the options every schema here is compiled with. ajv is loaded on the first
 * call: a run whose schemas are all bundled (precompiled.ts) never loads it.
 * @param userPatterns asked each time ajv compiles a `pattern` (or a `patternProperties` key): when
 *   it answers true (a workspace schema is being compiled), the pattern runs on the linear-time engine
 *   (src/core/regex.ts) and one that engine cannot take fails the compile, never falling back to the
 *   backtracking engine. Without it (the built-in schemas, the configuration schema) patterns are ours
 *   and run natively.
 */
export function createAjv(userPatterns?: () => boolean): Ajv {
	const regExp = Object.assign(
		(pattern: string, flags: string) => {
			if (!userPatterns?.()) return nativePattern(pattern, flags);
			const c = compileUserPattern(pattern, flags);
			if (!c.ok) throw new Error(c.reason.en);
			return c.matcher;
		},
		{ code: 'disclosureLintRegExp' },
	);
	const { Ajv: AjvClass, addFormats } = loadAjv();
	const ajv = new AjvClass({ ...AJV_OPTIONS, code: { regExp } });
	addFormats(ajv);
	ajv.addFormat(DATE_FORMAT, true);
	return ajv;
}

export type { ValidateFunction };
