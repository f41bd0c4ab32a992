import type { Rule, RuleReport } from './types';

type MessageIds = 'threw';

/**
 * A rule threw; the message names it, and the other rules still ran. An engine rule: `lintText`
 * (`core/lint.ts`) catches the throw and reports {@link internalErrorReport}.
 */
export const internalError: Rule<MessageIds> = {
	id: 'internal-error',
	tags: ['engine'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'engine',
	description: { th: 'กฎทำงานผิดพลาด', en: 'A rule failed' },
	messages: {
		threw: {
			th: 'กฎ {rule} ทำงานผิดพลาดกับหน้านี้ ({detail}) กฎอื่นยังตรวจตามปกติ กรุณาแจ้งปัญหาไปยังผู้พัฒนาพร้อมแนบไฟล์นี้',
			en: 'The rule {rule} failed on this page ({detail}); the other rules still ran. Please report a bug with this file',
		},
	},
};

/** The report of a rule that threw `err`: at the top of the page, the stack kept in `data` for the bug report. */
export function internalErrorReport(ruleId: string, err: unknown): RuleReport<MessageIds> {
	const detail = err instanceof Error ? err.message : String(err);
	return {
		messageId: 'threw',
		args: { rule: ruleId, detail },
		start: 0,
		end: 0,
		data: { rule: ruleId, stack: err instanceof Error ? err.stack : undefined },
	};
}
