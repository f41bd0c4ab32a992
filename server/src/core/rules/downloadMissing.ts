import type { Rule } from './types';
import { locate } from '../parse/frontMatter';
import { DOCUMENT_EXTENSIONS, findTarget, isRelative, urlExtension } from '../body/links';
import { topicLineRange } from '../body/ranges';

const KIND_LABEL: Record<string, { th: string; en: string }> = {
	manual: { th: 'คู่มือ', en: 'the manual' },
	form: { th: 'แบบฟอร์ม', en: 'a form' },
	report: { th: 'รายงาน', en: 'a report' },
	other: { th: 'เอกสาร', en: 'a document' },
};

type MessageIds = 'required' | 'requiredHtml' | 'notDocument' | 'fileMissing';

/** A required download is absent, is not a document, or its relative file does not exist. */
export const downloadMissing: Rule<MessageIds> = {
	id: 'download-missing',
	tags: ['downloads'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: {
		th: 'ไม่มีเอกสารที่ต้องให้ดาวน์โหลด หรือไฟล์ไม่ใช่เอกสารหรือหาไม่พบ',
		en: 'A required download is absent, not a document, or missing',
	},
	messages: {
		required: {
			th: 'หน้านี้ต้องมี{kind}ให้ดาวน์โหลด ให้เพิ่มรายการใน downloads ในส่วนหัวของไฟล์ (front matter) โดยระบุ kind: {kindId} และใช้ไฟล์ชนิด {extensions}',
			en: 'Provide {kind} to download: add it to `downloads` (kind: {kindId}) as a {extensions} file',
		},
		requiredHtml: {
			th: 'หน้านี้ต้องมี{kind}ให้ดาวน์โหลด ให้เพิ่มลิงก์ไปยังไฟล์ชนิด {extensions} ในเนื้อหาของหน้า',
			en: "Provide {kind} to download: link a {extensions} file in the page's content",
		},
		notDocument: {
			th: 'ลิงก์เอกสาร "{href}" ไม่ใช่ไฟล์เอกสารที่ดาวน์โหลดได้ ให้ใช้ไฟล์ชนิด {extensions}',
			en: '"{href}" is not a downloadable document ({extensions})',
		},
		fileMissing: {
			th: 'ไม่พบไฟล์ "{href}" (ค้นหาที่ {file}) ให้ตรวจชื่อและตำแหน่งไฟล์ หรืออัปโหลดไฟล์',
			en: 'The file "{href}" does not exist ({file})',
		},
	},
	check(ctx, report) {
		const spec = ctx.facts.disclosure()?.downloads;
		const extensions = spec?.extensions ?? DOCUMENT_EXTENSIONS;
		const extText = extensions.join(', ');
		const fm = ctx.doc.frontMatter;
		const entries = Array.isArray(ctx.data?.downloads) ? (ctx.data!.downloads as unknown[]) : [];
		const good = new Map<string, number>();
		// Files are found as link-file-missing finds them (site-root hrefs from `links.root`).
		const exists = (href: string): boolean => !isRelative(href) || !ctx.host || findTarget(ctx, href).exists;
		entries.forEach((e, i) => {
			if (!e || typeof e !== 'object') return;
			const { href, kind } = e as { href?: unknown; kind?: unknown };
			if (typeof href !== 'string' || !href.trim()) return;
			const r = fm ? locate(fm, ['downloads', i, 'href'])?.value : undefined;
			const [start, end] = r ?? topicLineRange(ctx.doc);
			if (!extensions.includes(urlExtension(href))) {
				report({ messageId: 'notDocument', args: { href, extensions: extText }, start, end });
			} else if (!exists(href)) {
				report({
					messageId: 'fileMissing',
					args: { href, file: ctx.root ? findTarget(ctx, href).file.replace(`${ctx.root}/`, '') : href },
					start,
					end,
				});
			} else if (typeof kind === 'string') {
				good.set(kind, (good.get(kind) ?? 0) + 1);
			}
		});
		for (const req of spec?.required ?? []) {
			let count = good.get(req.kind) ?? 0;
			const section = req.section ? ctx.facts.sections().byId.get(req.section) : undefined;
			if (req.section && ctx.doc.limit) continue; // the body was not parsed: whether it links the file is unknown
			// A missing or blank section is the gap (section-missing, section-empty, topic-coverage): one finding.
			if (req.section && !section?.hasContent && count === 0) continue;
			// A published page has no `downloads`: the documents its content links are its downloads.
			if (!req.section && ctx.format === 'html')
				count += ctx.facts
					.links()
					.filter((l) => !l.image && extensions.includes(urlExtension(l.url)) && exists(l.url)).length;
			if (section) {
				if (section.explicitNone && (spec?.allowNoneFor ?? []).includes(req.kind)) continue;
				count += ctx.facts
					.linksIn(section.nodes)
					.filter((l) => !l.image && extensions.includes(urlExtension(l.url)) && exists(l.url)).length;
			}
			if (count >= (req.min ?? 1)) continue;
			const [start, end] = topicLineRange(ctx.doc);
			report({
				messageId: ctx.format === 'html' ? 'requiredHtml' : 'required',
				args: {
					kind: KIND_LABEL[req.kind] ?? { th: req.kind, en: req.kind },
					kindId: req.kind,
					extensions: extText,
				},
				start,
				end,
				data: { kind: req.kind },
			});
		}
	},
};
