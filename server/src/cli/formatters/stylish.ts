import { displayPath, type Formatter } from './types';
import { formatMessage } from '../../core/messages';
import type { Finding, Locale } from '../../core/types';

const LABEL: Record<Locale, Record<Finding['severity'], string>> = {
	en: { error: 'error', warning: 'warning', info: 'info' },
	th: { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' },
};

/** Terminal display width: Thai combining marks take no column. */
function width(s: string): number {
	return s.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f]/g, '').length;
}

function pad(s: string, n: number): string {
	return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** The default human format: findings grouped by file, then totals. Coloured on a TTY. */
export const stylishFormatter: Formatter = (reports, ctx) => {
	const paint = (code: string, s: string) => (ctx.color ? `\u001b[${code}m${s}\u001b[0m` : s);
	const colorOf = { error: '31', warning: '33', info: '36' } as const;
	const lines: string[] = [];
	const totals = { error: 0, warning: 0, info: 0 };
	let fixable = 0;
	for (const r of reports) {
		if (!r.findings.length) continue;
		lines.push(paint('4', displayPath(r.filePath, ctx.cwd)));
		const rows = r.findings.map(
			(f) =>
				[
					`${f.line}:${f.column}`,
					LABEL[r.locale][f.severity],
					formatMessage(f, r.locale),
					f.ruleId,
					f.severity,
				] as const,
		);
		const w0 = Math.max(...rows.map((x) => width(x[0])));
		const w1 = Math.max(...rows.map((x) => width(x[1])));
		for (const [pos, label, msg, rule, sev] of rows) {
			totals[sev]++;
			lines.push(
				`  ${paint('2', pad(pos, w0))}  ${paint(colorOf[sev], pad(label, w1))}  ${msg}  ${paint('2', rule)}`,
			);
		}
		fixable += r.findings.filter((f) => f.fix?.safe).length;
		lines.push('');
	}
	const total = totals.error + totals.warning + totals.info;
	const th = ctx.locale === 'th';
	if (total === 0) {
		const n = reports.filter((r) => !r.site).length;
		return (
			paint('32', th ? `✔ ตรวจ ${n} หน้า ไม่พบปัญหา` : `✔ ${n} page${n === 1 ? '' : 's'} checked, no problems`) +
			'\n'
		);
	}
	const summary = th
		? `✖ พบปัญหา ${total} รายการ (ข้อผิดพลาด ${totals.error}, คำเตือน ${totals.warning}, ข้อสังเกต ${totals.info})`
		: `✖ ${total} problem${total === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)`;
	lines.push(paint(totals.error ? '31;1' : totals.warning ? '33;1' : '36;1', summary));
	if (fixable) lines.push(th ? `  แก้อัตโนมัติได้ ${fixable} รายการ` : `  ${fixable} can be fixed automatically`);
	return lines.join('\n') + '\n';
};
