import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { compileUserPattern, nativePattern } from '../regex';

/** The format of every date key. The engine parses the many Thai styles itself (rule date-invalid). */
export const DATE_FORMAT = 'disclosure-date';

/**
 * A fresh ajv instance with the options every schema here is compiled with.
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
	const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: true, code: { regExp } });
	addFormats(ajv);
	ajv.addFormat(DATE_FORMAT, true);
	return ajv;
}

export type { ValidateFunction };
