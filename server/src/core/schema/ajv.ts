import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The format of every date key. The engine parses the many Thai styles itself (rule date-invalid). */
export const DATE_FORMAT = 'disclosure-date';

/** A fresh ajv instance with the options every schema here is compiled with. */
export function createAjv(): Ajv {
	const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, validateSchema: true });
	addFormats(ajv);
	ajv.addFormat(DATE_FORMAT, true);
	return ajv;
}

export type { ValidateFunction };
