/** What an external URL check concluded (three states: docs/architecture.md#link-checking). */
export interface Verdict {
	state: 'ok' | 'dead' | 'unverified';
	/** The last HTTP status, when there was one. */
	status?: number;
	/** Why, in a few words (`404`, `DNS failure`, `timeout`, `redirect loop`…). */
	reason: string;
	/** Where redirects ended. */
	finalUrl?: string;
}

/** The URL as checked and cached: the fragment dropped (one check per page, however many anchors). */
export function checkKey(url: string): string {
	const i = url.indexOf('#');
	return i < 0 ? url : url.slice(0, i);
}
