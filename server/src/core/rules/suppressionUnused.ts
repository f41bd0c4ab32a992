import type { Rule, RuleReport } from './types';
import type { Fix } from '../types';
import type { ParsedDocument } from '../parse/document';
import type { Directive } from '../suppressions';

type MessageIds = 'unused' | 'unusedAll' | 'unknownRule' | 'unmatchedEnable';

/**
 * A disable comment that suppressed nothing, names an unknown rule, or an enable comment that ends
 * nothing. An engine rule: `lintText` (`core/lint.ts`) calls {@link unusedDirectiveReports} after
 * the page's findings were matched with its directives (docs/architecture.md#inline-control-comments).
 */
export const suppressionUnused: Rule<MessageIds> = {
	id: 'suppression-unused',
	tags: ['suppression'],
	defaultSeverity: 'warning',
	fixable: true,
	scope: 'engine',
	description: { th: 'คำสั่งปิดการตรวจที่ไม่มีผล', en: 'A disable comment that suppressed nothing' },
	messages: {
		unused: {
			th: 'คำสั่งปิดการตรวจนี้ไม่มีผล เพราะไม่พบปัญหาตามกฎ {rules} ให้ปิด ให้ลบคำสั่งนี้ออก',
			en: 'This comment suppresses no {rules} finding; remove it',
		},
		unusedAll: {
			th: 'คำสั่งปิดการตรวจนี้ไม่มีผล เพราะไม่พบปัญหาใดให้ปิด ให้ลบคำสั่งนี้ออก',
			en: 'This comment suppresses no finding; remove it',
		},
		unknownRule: {
			th: 'ไม่มีกฎชื่อ "{rule}" ใน disclosure-lint ให้ตรวจการสะกดชื่อกฎ',
			en: 'disclosure-lint has no rule "{rule}"',
		},
		unmatchedEnable: {
			th: 'ไม่พบคำสั่ง disclosure-lint-disable ก่อนหน้า คำสั่ง enable นี้จึงไม่มีการตรวจให้เปิดคืน ให้ลบคำสั่งนี้ออก',
			en: 'No earlier disclosure-lint-disable for this enable comment to end',
		},
	},
};

/**
 * The reports of the page's directives that had no effect, once every finding was matched with them
 * (`Directive.used`). `isRule` tells the registry's rule ids from unknown ones.
 */
export function unusedDirectiveReports(
	doc: ParsedDocument,
	directives: Directive[],
	isRule: (id: string) => boolean,
): RuleReport<MessageIds>[] {
	const out: RuleReport<MessageIds>[] = [];
	for (const d of directives) {
		const rules = d.rules.join(' ') || '*';
		const unknown = d.rules.filter((r) => !isRule(r));
		for (const r of unknown) out.push({ messageId: 'unknownRule', args: { rule: r }, start: d.start, end: d.end });
		if (d.kind === 'enable') {
			if (!d.used.size) out.push({ messageId: 'unmatchedEnable', start: d.start, end: d.end });
			continue;
		}
		if (unknown.length === d.rules.length && d.rules.length) continue;
		if (!d.used.size) {
			out.push({
				messageId: d.rules.length ? 'unused' : 'unusedAll',
				args: { rules },
				start: d.start,
				end: d.end,
				fix: removalFix(doc, d),
			});
		}
	}
	return out;
}

/** Remove an unused directive, with its line when it stands alone on it. */
function removalFix(doc: ParsedDocument, d: Directive): Fix {
	const { line } = doc.lines.position(d.start);
	const ls = doc.lines.lineStart(line);
	const le = doc.lines.lineEnd(line);
	const alone = doc.text.slice(ls, d.start).trim() === '' && doc.text.slice(d.end, le).trim() === '';
	if (alone && line < doc.lines.lineCount)
		return { range: [ls, doc.lines.lineStart(line + 1)], text: '', safe: true };
	return { range: [d.start, d.end], text: '', safe: true };
}
