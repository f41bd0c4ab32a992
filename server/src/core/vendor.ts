/**
 * Libraries most runs never need, loaded on first use: ajv (workspace schemas only; the bundled ones are
 * precompiled), re2js (user patterns only) and undici (online link checks only). In the bundles each is
 * its own file, dist/vendor/<name>.js (scripts/build.mjs), so a run that does not need it does not even
 * parse it; the sources, run from tsx, require the packages. docs/performance.md says why.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loading on first use, with require, is what this module is for */
import type AjvClass from 'ajv';
import type addFormatsFn from 'ajv-formats';
import type * as Re2js from 're2js';
import type * as Undici from 'undici';

/** Set to true by scripts/build.mjs (esbuild `define`) in the bundles; absent when the sources run. */
declare const DISCLOSURE_LINT_BUNDLE: boolean | undefined;

/** What scripts/vendor/ajv.js exports. */
export interface AjvVendor {
	Ajv: typeof AjvClass;
	addFormats: typeof addFormatsFn;
}

let ajv: AjvVendor | undefined;
let re2js: typeof Re2js | undefined;
let undici: typeof Undici | undefined;

// Each loader tests the flag in an if/else: esbuild drops the branch the flag rules out, with its require.

export function loadAjv(): AjvVendor {
	if (typeof DISCLOSURE_LINT_BUNDLE !== 'undefined' && DISCLOSURE_LINT_BUNDLE)
		ajv ??= require(__dirname + '/vendor/ajv.js') as AjvVendor;
	else
		ajv ??= {
			Ajv: (require('ajv') as { default: typeof AjvClass }).default,
			addFormats: (require('ajv-formats') as { default: typeof addFormatsFn }).default,
		};
	return ajv;
}

export function loadRe2js(): typeof Re2js {
	if (typeof DISCLOSURE_LINT_BUNDLE !== 'undefined' && DISCLOSURE_LINT_BUNDLE)
		re2js ??= require(__dirname + '/vendor/re2js.js') as typeof Re2js;
	else re2js ??= require('re2js') as typeof Re2js;
	return re2js;
}

export function loadUndici(): typeof Undici {
	if (typeof DISCLOSURE_LINT_BUNDLE !== 'undefined' && DISCLOSURE_LINT_BUNDLE)
		undici ??= require(__dirname + '/vendor/undici.js') as typeof Undici;
	else undici ??= require('undici') as typeof Undici;
	return undici;
}
