import { parseIsoDay, todayInBangkok } from '../core/thai/dates';
import type { CalendarDate } from '../core/types';

/** Settings under `disclosure-lint` (pulled per document with workspace/configuration). */
export interface Settings {
	/** Message language: `auto` follows the editor's locale. */
	locale: 'th' | 'en' | 'auto';
	links: 'off' | 'local' | 'online';
	/** Delay after typing before a page is linted, in ms. */
	debounceMs: number;
	/** Fix "today" (YYYY-MM-DD, CE) for reproducible results; empty: today in Asia/Bangkok. */
	today: string;
	/** Set to false by the VS Code client in an untrusted workspace: no network, no workspace schemas. */
	trusted?: boolean;
}

export const DEFAULTS: Settings = { locale: 'auto', links: 'local', debounceMs: 200, today: '' };

/** "Today" for a document: the `today` setting, else today in Asia/Bangkok. */
export const todayFor = (s: Settings): CalendarDate => (s.today && parseIsoDay(s.today)) || todayInBangkok();

/** How long one page's lint may run in a lint thread before it is stopped, by default (ms). */
export const DEFAULT_LINT_TIMEOUT_MS = 2000;

/** What the client may pass in `initializationOptions`. */
export interface InitOptions {
	/** False in an untrusted workspace (VS Code Restricted Mode): no network, no workspace schemas. */
	trusted: boolean;
	/** A page's lint budget in ms (50 to 600,000; default 2,000): a longer lint is stopped and says so. */
	lintTimeoutMs: number;
	/** The heap limit of each lint thread in MB (64 to 16,384); default: Node's own. */
	lintMemoryMb?: number;
}

/** `initializationOptions`, each value checked and clamped; anything else is ignored. */
export function initOptions(raw: unknown): InitOptions {
	const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const num = (v: unknown, lo: number, hi: number): number | undefined =>
		typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : undefined;
	return {
		trusted: o.trusted !== false,
		lintTimeoutMs: num(o.lintTimeoutMs, 50, 600_000) ?? DEFAULT_LINT_TIMEOUT_MS,
		lintMemoryMb: num(o.lintMemoryMb, 64, 16_384),
	};
}
