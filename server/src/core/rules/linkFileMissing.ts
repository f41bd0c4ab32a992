import * as path from 'node:path';
import type { Rule } from './types';
import { findTarget, isCheckableFileLink, linkMode } from '../body/links';
import { redactUrl } from '../links/redact';

type MessageIds = 'missing' | 'image' | 'folder';

/** A relative link or image whose file does not exist. */
export const linkFileMissing: Rule<MessageIds> = {
	id: 'link-file-missing',
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ไปยังไฟล์ที่ไม่มีอยู่', en: 'A relative link to a file that does not exist' },
	messages: {
		missing: { th: 'ไม่พบไฟล์ที่ลิงก์ "{url}" ชี้ไป ({file})', en: 'The file "{url}" links to does not exist ({file})' },
		image: { th: 'ไม่พบไฟล์รูปภาพ "{url}" ({file})', en: 'The image file "{url}" does not exist ({file})' },
		folder: {
			th: 'ลิงก์ "{url}" ชี้ไปยังโฟลเดอร์ที่ไม่มีหน้าแรก (index.md, README.md, _index.md หรือ index.html)',
			en: 'The link "{url}" points to a folder without an index page (index.md, README.md, _index.md or index.html)',
		},
	},
	check(ctx, report) {
		if (linkMode(ctx) === 'off') return;
		for (const l of ctx.facts.links()) {
			if (!isCheckableFileLink(ctx, l)) continue;
			const t = findTarget(ctx, l.url);
			if (t.exists) continue;
			const isFolder = ctx.host!.readDir(t.file) !== undefined;
			const shown = ctx.root ? path.relative(ctx.root, t.file) || '.' : t.file;
			report({
				messageId: isFolder ? 'folder' : l.image ? 'image' : 'missing',
				args: { url: redactUrl(l.url), file: shown },
				start: l.start,
				end: l.end,
				data: { url: l.url },
			});
		}
	},
};
