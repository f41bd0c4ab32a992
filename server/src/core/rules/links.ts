import * as path from 'node:path';
import type { Rule, RuleContext } from './types';
import type { MessageArg } from '../types';
import { DOCUMENT_EXTENSIONS, isRelative, resolveRelative, urlExtension, type BodyLink } from '../body/links';
import { locate } from '../parse/frontMatter';
import { resolveKeyPath } from '../schema/paths';
import { isValidEmail, isValidThaiPhone } from '../thai/phones';
import { checkKey, localizedReason } from '../links/verdict';
import { redactUrl } from '../links/redact';
import { editDistance, pathText } from './util';
import { compileUserPattern } from '../regex';

const INDEX_FILES = ['index.md', 'README.md', '_index.md', 'index.html'];
const DOMAIN_LIKE = /^(?:www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:go|or|ac|co|in|mi|net)\.th(?:[/:?#]|$)|[a-z0-9-]+\.(?:com|org|net)(?:[/?#]|$))/i;

function mode(ctx: RuleContext): string {
	return ctx.links?.mode ?? ctx.config.links.mode ?? 'local';
}

/** Where a relative link's file is, trying folder index pages and page extensions; undefined when none exists. */
export function findTarget(ctx: RuleContext, url: string): { file: string; exists: boolean } {
	const memo = ctx.facts.memo('link-targets', () => new Map<string, { file: string; exists: boolean }>());
	let hit = memo.get(url);
	if (!hit) {
		hit = resolveTarget(ctx, url);
		memo.set(url, hit);
	}
	return hit;
}

function resolveTarget(ctx: RuleContext, url: string): { file: string; exists: boolean } {
	const root = ctx.config.links.root ?? ctx.root;
	const file = resolveRelative(url, ctx.doc.path, root);
	const host = ctx.host!;
	const pathPart = url.split(/[?#]/)[0];
	if (host.fileExists(file)) return { file, exists: true };
	const exts = ctx.config.links.pageExtensions ?? ['.md'];
	const ext = path.extname(file).toLowerCase();
	// Static-site generators publish page.md as page/, page.html or page: try the page, then a folder index.
	const stem = pathPart.endsWith('/') ? file.replace(/[/\\]+$/, '') : ext === '.html' || ext === '.htm' ? file.slice(0, -ext.length) : ext ? undefined : file;
	if (stem !== undefined) {
		if (path.basename(stem) === 'index' || path.basename(stem) === '_index') {
			for (const name of INDEX_FILES) if (host.fileExists(path.join(path.dirname(stem), name))) return { file: path.join(path.dirname(stem), name), exists: true };
		}
		for (const e of exts) if (host.fileExists(stem + e)) return { file: stem + e, exists: true };
		for (const name of INDEX_FILES) if (host.fileExists(path.join(stem, name))) return { file: path.join(stem, name), exists: true };
	}
	return { file, exists: false };
}

function checkable(ctx: RuleContext, l: BodyLink): boolean {
	return Boolean(ctx.host) && isRelative(l.url) && !DOMAIN_LIKE.test(l.url) && l.url.split(/[?#]/)[0] !== '';
}

/** A relative link or image whose file does not exist. */
export const linkFileMissing: Rule = {
	id: 'link-file-missing',
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ไปยังไฟล์ที่ไม่มีอยู่', en: 'A relative link to a file that does not exist' },
	messages: {
		missing: { th: 'ไม่พบไฟล์ที่ลิงก์ "{url}" ชี้ไป ({file})', en: 'The file "{url}" links to does not exist ({file})' },
		image: { th: 'ไม่พบไฟล์รูปภาพ "{url}" ({file})', en: 'The image file "{url}" does not exist ({file})' },
		folder: { th: 'ลิงก์ "{url}" ชี้ไปยังโฟลเดอร์ที่ไม่มีหน้าแรก (index.md, README.md, _index.md หรือ index.html)', en: 'The link "{url}" points to a folder without an index page (index.md, README.md, _index.md or index.html)' },
	},
	check(ctx, report) {
		if (mode(ctx) === 'off') return;
		for (const l of ctx.facts.links()) {
			if (!checkable(ctx, l)) continue;
			const t = findTarget(ctx, l.url);
			if (t.exists) continue;
			const isFolder = ctx.host!.readDir(t.file) !== undefined;
			const shown = ctx.root ? path.relative(ctx.root, t.file) || '.' : t.file;
			report({ messageId: isFolder ? 'folder' : l.image ? 'image' : 'missing', args: { url: redactUrl(l.url), file: shown }, start: l.start, end: l.end, data: { url: l.url } });
		}
	},
};

/** A `#fragment` that matches no heading or id in the target page. */
export const linkAnchorMissing: Rule = {
	id: 'link-anchor-missing',
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ (#) ไปยังหัวเรื่องที่ไม่มีในหน้า', en: 'A #fragment that matches no heading' },
	messages: {
		missing: { th: 'ไม่พบหัวเรื่องหรือจุดลิงก์ #{fragment} ใน{page} ให้ตรวจการสะกดหลังเครื่องหมาย #', en: 'No heading #{fragment} in {page}' },
		suggest: { th: 'ไม่พบหัวเรื่องหรือจุดลิงก์ #{fragment} ใน{page} หมายถึง #{suggestion} หรือไม่', en: 'No heading #{fragment} in {page}; did you mean #{suggestion}?' },
	},
	check(ctx, report) {
		if (mode(ctx) === 'off' || !ctx.links?.anchors) return;
		for (const l of ctx.facts.links()) {
			const hash = l.url.indexOf('#');
			if (hash < 0 || l.url.length === hash + 1 || !(l.url.startsWith('#') || checkable(ctx, l))) continue;
			let fragment = l.url.slice(hash + 1);
			try {
				fragment = decodeURIComponent(fragment);
			} catch {
				// a malformed escape: compare as written
			}
			let file = ctx.doc.path;
			let page = { th: 'หน้านี้', en: 'this page' };
			if (!l.url.startsWith('#')) {
				const t = findTarget(ctx, l.url);
				if (!t.exists || !/\.md$/i.test(t.file)) continue; // link-file-missing, or not a page we can read
				file = t.file;
				const rel = path.relative(path.dirname(ctx.doc.path), file);
				page = { th: `หน้า ${rel}`, en: rel };
			}
			const anchors = file === ctx.doc.path ? ctx.links.anchors(file, ctx.doc) : ctx.links.anchors(file);
			// `#top` always scrolls to the top of the page (HTML spec), with or without an element of that id.
			if (!anchors || fragment.toLowerCase() === 'top' || anchors.has(fragment) || anchors.has(fragment.toLowerCase())) continue;
			const best = [...anchors].map((a) => ({ a, d: editDistance(fragment.toLowerCase(), a) })).sort((x, y) => x.d - y.d)[0];
			const close = best && best.d <= Math.max(2, Math.floor(fragment.length / 4));
			report({
				messageId: close ? 'suggest' : 'missing', args: { fragment, page, suggestion: best?.a ?? '' }, start: l.start, end: l.end,
				data: close ? { suggestion: best.a } : undefined,
			});
		}
	},
};

/** A URL, `mailto:` address or `tel:` number that is not well formed. */
export const linkMalformed: Rule = {
	id: 'link-malformed',
	tags: ['links'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์เขียนผิดรูปแบบ', en: 'A malformed URL, mailto: address or tel: number' },
	messages: {
		url: { th: 'ลิงก์ "{url}" เขียนผิดรูปแบบ ให้ตรวจที่อยู่เว็บอีกครั้ง', en: 'The URL "{url}" is not well formed' },
		noScheme: { th: 'ลิงก์ "{url}" ไม่มี https:// นำหน้า จึงกลายเป็นลิงก์ไปยังไฟล์ในเว็บไซต์นี้ ให้เติม https:// ข้างหน้า', en: 'The link "{url}" lacks https:// and so points to a file of this site' },
		mailto: { th: 'ที่อยู่อีเมล "{address}" ในลิงก์ mailto: ผิดรูปแบบ', en: 'The e-mail address "{address}" of the mailto: link is not well formed' },
		tel: { th: 'หมายเลขโทรศัพท์ "{number}" ในลิงก์ tel: ไม่ใช่หมายเลขโทรศัพท์ในประเทศไทยที่ถูกต้อง ให้เขียน เช่น tel:+6625901234', en: 'The tel: number "{number}" is not a valid Thai number (e.g. tel:+6625901234)' },
	},
	check(ctx, report) {
		if (mode(ctx) === 'off') return;
		const check = (url: string, start: number, end: number): void => {
			const lower = url.toLowerCase();
			if (lower.startsWith('http:') || lower.startsWith('https:')) {
				let ok = /^https?:\/\/[^/\s?#]+/i.test(url) && !/\s/.test(url);
				if (ok) {
					try {
						const u = new URL(url);
						ok = Boolean(u.hostname) && (u.hostname.includes('.') || u.hostname === 'localhost' || /^\[|^\d+\.\d+\.\d+\.\d+$/.test(u.hostname)) && !/\.\.|^\.|\.$/.test(u.hostname);
					} catch {
						ok = false;
					}
				}
				if (!ok) report({ messageId: 'url', args: { url: redactUrl(url) }, start, end });
			} else if (lower.startsWith('mailto:')) {
				const addresses = url.slice(7).split('?')[0].split(',').map((a) => safeDecode(a).trim());
				for (const address of addresses) if (!isValidEmail(address)) report({ messageId: 'mailto', args: { address }, start, end });
			} else if (lower.startsWith('tel:')) {
				const number = safeDecode(url.slice(4));
				const digits = number.replace(/[\s\-().]/g, '');
				if (!isValidThaiPhone(number) && !/^1\d{2,3}$/.test(digits)) report({ messageId: 'tel', args: { number }, start, end });
			} else if (isRelative(url) && DOMAIN_LIKE.test(url)) {
				report({ messageId: 'noScheme', args: { url: redactUrl(url) }, start, end });
			}
		};
		for (const l of ctx.facts.links()) check(l.url, l.start, l.end);
		for (const f of frontMatterUrls(ctx)) check(f.url, f.start, f.end);
	},
};

/** An `http:` link where the topic expects `https:`: an e-service's address, the page's own downloads. */
export const linkInsecure: Rule = {
	id: 'link-insecure',
	tags: ['links', 'security'],
	defaultSeverity: 'warning',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ http: ที่ควรเป็น https:', en: 'An http: link where https: is expected' },
	messages: {
		key: { th: '{key} ใช้ http: ที่ไม่เข้ารหัส ให้ใช้ https:', en: '{key} uses unencrypted http:; use https:' },
		download: { th: 'เอกสารดาวน์โหลด "{url}" ใช้ http: ที่ไม่เข้ารหัส ให้ใช้ https:', en: 'The download "{url}" uses unencrypted http:; use https:' },
	},
	check(ctx, report) {
		if (mode(ctx) === 'off') return;
		const fm = ctx.doc.frontMatter;
		const ownUrls: string[] = [];
		for (const key of ctx.facts.disclosure()?.https ?? []) {
			for (const hit of ctx.data ? resolveKeyPath(ctx.data, key) : []) {
				if (typeof hit.value === 'string') ownUrls.push(hit.value);
				if (typeof hit.value !== 'string' || !/^http:\/\//i.test(hit.value)) continue;
				const r = fm ? locate(fm, hit.path)?.value : undefined;
				if (!r) continue;
				const at = r[0] + ctx.doc.text.slice(r[0], r[1]).toLowerCase().indexOf('http:');
				report({ messageId: 'key', args: { key: pathText(hit.path) }, start: r[0], end: r[1], fix: { range: [at, at + 4], text: 'https', safe: false } });
			}
		}
		// In the body, only the page's own downloads (a forms section): a law or an article may cite an
		// old http: address of its source, which the unit cannot change (docs/page-model.md).
		// A document is the page's own when it stands in a downloads section or on a host of the page's
		// own addresses (the e-service's `url`, `downloads`).
		const sections = ctx.facts.disclosure()?.sections ?? [];
		const nodes = sections.filter((s) => s.role === 'downloads').flatMap((s) => ctx.facts.sections().byId.get(s.id)?.nodes ?? []);
		const inSection = new Set(ctx.facts.linksIn(nodes));
		const hosts = new Set(ownUrls.map(hostOf).filter(Boolean));
		for (const l of ctx.facts.links()) {
			if (!/^http:\/\//i.test(l.url) || !DOCUMENT_EXTENSIONS.includes(urlExtension(l.url))) continue;
			if (inSection.has(l) || hosts.has(hostOf(l.url))) report({ messageId: 'download', args: { url: redactUrl(l.url) }, start: l.start, end: l.end });
		}
	},
};

/** Online mode: a link whose server says it is gone (404/410), or whose host does not exist or refuses. */
export const linkExternalDead: Rule = {
	id: 'link-external-dead',
	tags: ['links', 'online'],
	defaultSeverity: 'error',
	fixable: false,
	scope: 'page',
	description: { th: 'ลิงก์ภายนอกใช้งานไม่ได้', en: 'A dead external link' },
	messages: {
		dead: { th: 'ลิงก์ "{url}" ใช้งานไม่ได้ ({reason}) ให้แก้เป็นลิงก์ที่ถูกต้องหรือลบออก', en: 'The link "{url}" is dead ({reason})' },
	},
	check(ctx, report) {
		for (const x of externalFindings(ctx, 'dead')) report({ messageId: 'dead', ...x });
	},
};

/** Online mode: a link that could not be verified (401/403/429/5xx, timeout after retries): info, never fails CI. */
export const linkExternalUnverified: Rule = {
	id: 'link-external-unverified',
	tags: ['links', 'online'],
	defaultSeverity: 'info',
	fixable: false,
	scope: 'page',
	description: { th: 'ตรวจลิงก์ภายนอกไม่ได้', en: 'An external link that could not be verified' },
	messages: {
		unverified: { th: 'ตรวจลิงก์ "{url}" ไม่ได้ ({reason}) ให้ลองเปิดลิงก์ด้วยตนเอง', en: 'The link "{url}" could not be verified ({reason}); check it by hand' },
	},
	check(ctx, report) {
		for (const x of externalFindings(ctx, 'unverified')) report({ messageId: 'unverified', ...x });
	},
};

/** Credentials and secret-looking query values never reach a message (docs/security.md#what-is-redacted). */
function externalFindings(ctx: RuleContext, state: 'dead' | 'unverified'): { args: Record<string, MessageArg>; start: number; end: number }[] {
	const verdicts = ctx.links?.verdicts;
	if (!verdicts) return [];
	const out: { args: Record<string, MessageArg>; start: number; end: number }[] = [];
	for (const u of externalUrls(ctx)) {
		const v = verdicts.get(checkKey(u.url));
		if (v?.state === state) out.push({ args: { url: redactUrl(u.url), reason: localizedReason(v.reason) }, start: u.start, end: u.end });
	}
	return out;
}

/** The http(s) URLs of a page (body links and front-matter URL keys), for the online check; once per page. */
export function externalUrls(ctx: RuleContext): { url: string; start: number; end: number }[] {
	return ctx.facts.memo('external-urls', () => findExternalUrls(ctx));
}

function findExternalUrls(ctx: RuleContext): { url: string; start: number; end: number }[] {
	const all = [...ctx.facts.links().map((l) => ({ url: l.url, start: l.start, end: l.end })), ...frontMatterUrls(ctx)];
	// Linear-time (src/core/regex.ts); a pattern it cannot take is reported with its position by the config check.
	const exclude = (ctx.config.links.exclude ?? []).flatMap((p) => {
		const c = compileUserPattern(p, 'u');
		return c.ok ? [c.matcher] : [];
	});
	return all.filter((u) => /^https?:\/\/[^/\s]+/i.test(u.url) && !exclude.some((re) => re.test(u.url)));
}

/** Front-matter values of URL keys (`url`, `href`, `*_url`), with their ranges; once per page. */
function frontMatterUrls(ctx: RuleContext): { url: string; start: number; end: number }[] {
	return ctx.facts.memo('front-matter-urls', () => findFrontMatterUrls(ctx));
}

function findFrontMatterUrls(ctx: RuleContext): { url: string; start: number; end: number }[] {
	const fm = ctx.doc.frontMatter;
	if (!fm || !ctx.data || !ctx.topic) return [];
	const out: { url: string; start: number; end: number }[] = [];
	for (const key of ctx.topic.keys.keys()) {
		if (!/(?:^|\.|_)(?:url|href)$/.test(key) && !/privacy_notice$/.test(key)) continue;
		for (const hit of resolveKeyPath(ctx.data, key)) {
			if (typeof hit.value !== 'string' || isRelative(hit.value)) continue;
			const r = locate(fm, hit.path)?.value;
			if (r) out.push({ url: hit.value, start: r[0], end: r[1] });
		}
	}
	return out;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** The host of an absolute http(s) URL, lower-cased; '' otherwise. */
function hostOf(url: string): string {
	return /^https?:\/\/([^/?#:]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
}
