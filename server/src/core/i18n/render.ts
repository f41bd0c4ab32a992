import type { Locale, LocalizedText, MessageArg } from '../types';

/** Pick the text of a locale. */
export function pick(text: LocalizedText, locale: Locale): string {
	return text[locale] ?? text.en;
}

/** Render an argument in a locale. */
export function renderArg(arg: MessageArg, locale: Locale): string {
	if (typeof arg === 'object') return pick(arg, locale);
	return String(arg);
}

/** Fill `{name}` placeholders of a template; an unknown name is left as written so a broken template is visible. */
export function renderTemplate(template: string, args: Record<string, MessageArg>, locale: Locale): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in args ? renderArg(args[name], locale) : whole,
	);
}

/** Guess the message language from environment-like variables: Thai where the locale is Thai, English elsewhere. */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
	const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
	return /^th\b|^th[_-]/i.test(tag) ? 'th' : 'en';
}
