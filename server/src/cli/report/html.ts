/** HTML text and attribute escaping. */
export function esc(s: unknown): string {
	return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Thai first, English beside it. */
export function both(th: string, en: string): string {
	return `<span lang="th">${esc(th)}</span> <span lang="en" class="en">${esc(en)}</span>`;
}

/** The same, as plain text (SVG titles, aria labels). */
export function bothText(th: string, en: string): string {
	return `${th} / ${en}`;
}

/** A count with thousands separators. */
export function num(n: number): string {
	return n.toLocaleString('en-US');
}

/** The severities' names. */
export const SEVERITY_NAMES = {
	error: { th: 'ข้อผิดพลาด', en: 'errors' },
	warning: { th: 'คำเตือน', en: 'warnings' },
	info: { th: 'ข้อสังเกต', en: 'info' },
} as const;
