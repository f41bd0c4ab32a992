import type { Finding, Locale } from './types';
import { getRule } from './rules/index';
import { renderTemplate } from './i18n/render';

/** The finding's message in a language. */
export function formatMessage(f: Pick<Finding, 'ruleId' | 'messageId' | 'args'>, locale: Locale): string {
	const template = getRule(f.ruleId)?.messages[f.messageId];
	if (!template) return `${f.ruleId}: ${f.messageId}`;
	return renderTemplate(template[locale], f.args, locale);
}
