import type { Rule } from './types';
import { DOCUMENT_EXTENSIONS, linkMode, urlExtension } from '../body/links';
import { pathText } from '../body/ranges';
import { locate } from '../parse/frontMatter';
import { resolveKeyPath } from '../schema/paths';
import { redactUrl } from '../links/redact';

type MessageIds = 'key' | 'download';

/** An `http:` link where the topic expects `https:`: an e-service's address, the page's own downloads. */
export const linkInsecure: Rule<MessageIds> = {
	id: 'link-insecure',
	tags: ['links', 'security'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ http: ที่ควรเป็น https:', en: 'An http: link where https: is expected' },
	messages: {
		key: { th: '{key} ใช้ http: ที่ไม่เข้ารหัส ให้ใช้ https:', en: '{key} uses unencrypted http:; use https:' },
		download: {
			th: 'เอกสารดาวน์โหลด "{url}" ใช้ http: ที่ไม่เข้ารหัส ให้ใช้ https:',
			en: 'The download "{url}" uses unencrypted http:; use https:',
		},
	},
	check(ctx, report) {
		if (linkMode(ctx) === 'off') return;
		const fm = ctx.doc.frontMatter;
		const ownUrls: string[] = [];
		for (const key of ctx.facts.disclosure()?.https ?? []) {
			for (const hit of ctx.data ? resolveKeyPath(ctx.data, key) : []) {
				if (typeof hit.value === 'string') ownUrls.push(hit.value);
				if (typeof hit.value !== 'string' || !/^http:\/\//i.test(hit.value)) continue;
				const r = fm ? locate(fm, hit.path)?.value : undefined;
				if (!r) continue;
				const at = r[0] + ctx.doc.text.slice(r[0], r[1]).toLowerCase().indexOf('http:');
				report({
					messageId: 'key',
					args: { key: pathText(hit.path) },
					start: r[0],
					end: r[1],
					fix: { range: [at, at + 4], text: 'https', safe: false },
				});
			}
		}
		// In the body, only the page's own downloads (a forms section): a law or an article may cite an
		// old http: address of its source, which the unit cannot change (docs/page-model.md).
		// A document is the page's own when it stands in a downloads section or on a host of the page's
		// own addresses (the e-service's `url`, `downloads`).
		const sections = ctx.facts.disclosure()?.sections ?? [];
		const nodes = sections
			.filter((s) => s.role === 'downloads')
			.flatMap((s) => ctx.facts.sections().byId.get(s.id)?.nodes ?? []);
		const inSection = new Set(ctx.facts.linksIn(nodes));
		const hosts = new Set(ownUrls.map(hostOf).filter(Boolean));
		for (const l of ctx.facts.links()) {
			if (!/^http:\/\//i.test(l.url) || !DOCUMENT_EXTENSIONS.includes(urlExtension(l.url))) continue;
			if (inSection.has(l) || hosts.has(hostOf(l.url)))
				report({ messageId: 'download', args: { url: redactUrl(l.url) }, start: l.start, end: l.end });
		}
	},
};

/** The host of an absolute http(s) URL, lower-cased; '' otherwise. */
function hostOf(url: string): string {
	return /^https?:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
}
