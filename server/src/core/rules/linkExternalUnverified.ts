import type { Rule } from './types';
import { checkKey, localizedReason } from '../links/verdict';
import { redactUrl } from '../links/redact';

type MessageIds = 'unverified';

/** Online mode: a link that could not be verified (401/403/429/5xx, timeout after retries): info, never fails CI. */
export const linkExternalUnverified: Rule<MessageIds> = {
	id: 'link-external-unverified',
	tags: ['links', 'online'],
	defaultSeverity: 'info',
	fixable: false,
	scope: 'page',
	description: { th: 'ตรวจลิงก์ภายนอกไม่ได้', en: 'An external link that could not be verified' },
	messages: {
		unverified: {
			th: 'ตรวจลิงก์ "{url}" ไม่ได้ ({reason}) ให้ลองเปิดลิงก์ด้วยตนเอง',
			en: 'The link "{url}" could not be verified ({reason}); check it by hand',
		},
	},
	check(ctx, report) {
		// Credentials and secret-looking query values never reach a message (docs/security.md#what-is-redacted).
		const verdicts = ctx.links?.verdicts;
		if (!verdicts) return;
		for (const u of ctx.facts.externalUrls(ctx.config.links.exclude)) {
			const v = verdicts.get(checkKey(u.url));
			if (v?.state === 'unverified')
				report({
					messageId: 'unverified',
					args: { url: redactUrl(u.url), reason: localizedReason(v.reason) },
					start: u.start,
					end: u.end,
				});
		}
	},
};
