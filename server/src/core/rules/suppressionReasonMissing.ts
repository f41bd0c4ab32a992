import type { Rule, RuleReport } from './types';
import type { ParsedDocument } from '../parse/document';
import type { Directive } from '../suppressions';

type MessageIds = 'missing';

/**
 * A disable comment without a reason. An engine rule: `lintText` (`core/lint.ts`) calls
 * {@link reasonMissingReports} after every page rule ran (docs/architecture.md#inline-control-comments).
 */
export const suppressionReasonMissing: Rule<MessageIds> = {
	id: 'suppression-reason-missing',
	tags: ['suppression'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'engine',
	description: { th: 'คำสั่งปิดการตรวจไม่ระบุเหตุผล', en: 'A disable comment without a reason' },
	messages: {
		missing: {
			th: 'คำสั่งปิดการตรวจนี้ไม่ระบุเหตุผล ให้เขียนเหตุผลต่อท้ายเครื่องหมาย -- เช่น <!-- disclosure-lint-{kind} {rules} -- เหตุผล -->',
			en: 'Give the reason for disabling after --, e.g. <!-- disclosure-lint-{kind} {rules} -- reason -->',
		},
	},
};

/** A report for each disable comment of the page without `-- reason`, with a quick fix that inserts the placeholder. */
export function reasonMissingReports(doc: ParsedDocument, directives: Directive[]): RuleReport<MessageIds>[] {
	const out: RuleReport<MessageIds>[] = [];
	for (const d of directives) {
		if (d.kind === 'enable' || d.reason) continue;
		const rules = d.rules.join(' ') || '*';
		// The placeholder goes before `-->`; an editor selects it for the user to type the reason.
		const at = d.end - 3;
		const pad = /\s$/.test(doc.text.slice(d.start, at)) ? '' : ' ';
		out.push({
			messageId: 'missing',
			args: { kind: d.kind, rules },
			start: d.start,
			end: d.end,
			fix: { range: [at, at], text: `${pad}-- reason `, safe: false },
			data: { directive: d.kind },
		});
	}
	return out;
}
