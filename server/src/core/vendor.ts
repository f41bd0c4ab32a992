/**
 * Libraries most runs never need, loaded on first use: ajv (workspace schemas only; the bundled ones are
 * precompiled), re2js (user patterns only), undici (online link checks and audits only) and the HTML
 * pipeline (HTML pages only: docs/audit.md). In the bundles each is
 * its own file, dist/vendor/<name>.js (scripts/build.mjs), so a run that does not need it does not even
 * parse it; the sources, run from tsx, require the packages. docs/performance.md says why.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loading on first use, with require, is what this module is for */
import type AjvClass from 'ajv';
import type addFormatsFn from 'ajv-formats';
import type * as Re2js from 're2js';
import type * as Undici from 'undici';
import type { unified as unifiedFn } from 'unified';
import type rehypeParseFn from 'rehype-parse';
import type { toMdast as toMdastFn } from 'hast-util-to-mdast';
import type { toMarkdown as toMarkdownFn } from 'mdast-util-to-markdown';
import type { gfmTableToMarkdown as gfmTableToMarkdownFn } from 'mdast-util-gfm-table';
import type { gfmStrikethroughToMarkdown as gfmStrikethroughToMarkdownFn } from 'mdast-util-gfm-strikethrough';

/** Set to true by scripts/build.mjs (esbuild `define`) in the bundles; absent when the sources run. */
declare const DISCLOSURE_LINT_BUNDLE: boolean | undefined;

/** What scripts/vendor/ajv.js exports. */
export interface AjvVendor {
	Ajv: typeof AjvClass;
	addFormats: typeof addFormatsFn;
}

/** What scripts/vendor/html.js exports. */
export interface HtmlVendor {
	unified: typeof unifiedFn;
	rehypeParse: typeof rehypeParseFn;
	toMdast: typeof toMdastFn;
	toMarkdown: typeof toMarkdownFn;
	gfmTableToMarkdown: typeof gfmTableToMarkdownFn;
	gfmStrikethroughToMarkdown: typeof gfmStrikethroughToMarkdownFn;
}

let ajv: AjvVendor | undefined;
let html: HtmlVendor | undefined;
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

export function loadHtml(): HtmlVendor {
	if (typeof DISCLOSURE_LINT_BUNDLE !== 'undefined' && DISCLOSURE_LINT_BUNDLE)
		html ??= require(__dirname + '/vendor/html.js') as HtmlVendor;
	else
		html ??= {
			unified: (require('unified') as { unified: typeof unifiedFn }).unified,
			rehypeParse: (require('rehype-parse') as { default: typeof rehypeParseFn }).default,
			toMdast: (require('hast-util-to-mdast') as { toMdast: typeof toMdastFn }).toMdast,
			toMarkdown: (require('mdast-util-to-markdown') as { toMarkdown: typeof toMarkdownFn }).toMarkdown,
			gfmTableToMarkdown: (require('mdast-util-gfm-table') as { gfmTableToMarkdown: typeof gfmTableToMarkdownFn })
				.gfmTableToMarkdown,
			gfmStrikethroughToMarkdown: (
				require('mdast-util-gfm-strikethrough') as {
					gfmStrikethroughToMarkdown: typeof gfmStrikethroughToMarkdownFn;
				}
			).gfmStrikethroughToMarkdown,
		};
	return html;
}
