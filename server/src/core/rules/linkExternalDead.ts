import type { Rule } from './types';
import { checkKey, localizedReason } from '../links/verdict';
import { redactUrl } from '../links/redact';

type MessageIds = 'dead';

/** Online mode: a link whose server says it is gone (404/410), or whose host does not exist or refuses. */
export const linkExternalDead: Rule<MessageIds> = {
	id: 'link-external-dead',
	tags: ['links', 'online'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ภายนอกใช้งานไม่ได้', en: 'A dead external link' },
	messages: {
		dead: {
			th: 'ลิงก์ "{url}" ใช้งานไม่ได้ ({reason}) ให้แก้เป็นลิงก์ที่ถูกต้องหรือลบออก',
			en: 'The link "{url}" is dead ({reason})',
		},
	},
	check(ctx, report) {
		// Credentials and secret-looking query values never reach a message (docs/security.md#what-is-redacted).
		const verdicts = ctx.links?.verdicts;
		if (!verdicts) return;
		for (const u of ctx.facts.externalUrls(ctx.config.links.exclude)) {
			const v = verdicts.get(checkKey(u.url));
			if (v?.state === 'dead')
				report({
					messageId: 'dead',
					args: { url: redactUrl(u.url), reason: localizedReason(v.reason) },
					start: u.start,
					end: u.end,
				});
		}
	},
};
