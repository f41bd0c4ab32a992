import * as path from 'node:path';
import { displayPath, type Formatter } from './types';
import { formatMessage } from '../../core/messages';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Workflow commands escape `%`, CR and LF in data, and also `:` and `,` in properties. */
function data(s: string): string {
	return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(s: string): string {
	return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=rule-id::message`. */
export const githubFormatter: Formatter = (reports, ctx) =>
	reports
		.flatMap((r) => {
			const file = displayPath(r.filePath, ctx.cwd).split(path.sep).join('/');
			return r.findings.map(
				(f) =>
					`::${COMMAND[f.severity]} file=${prop(file)},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=${prop(f.ruleId)}::${data(formatMessage(f, r.locale))}`,
			);
		})
		.join('\n') + (reports.some((r) => r.findings.length) ? '\n' : '');
