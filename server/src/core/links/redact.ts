/**
 * Secrets in URLs (docs/security.md#what-is-redacted): the user name and password of
 * `https://user:pass@host/`, and the values of query (and fragment) parameters whose name looks
 * secret, are replaced by `***` wherever the tool shows or stores a URL: messages, the link cache,
 * JSON and SARIF output. Works on the text as written (no normalisation), so a redacted URL still
 * reads like the one on the page.
 */

/** Parameter names whose values are secrets (case-insensitive), also as the last part of a longer name (`client_secret`, `X-Amz-Signature`). */
export const SECRET_PARAMS = [
	'token',
	'key',
	'apikey',
	'api_key',
	'secret',
	'password',
	'pass',
	'passwd',
	'pwd',
	'sig',
	'signature',
	'access_token',
	'auth',
];

const SECRET = new Set(SECRET_PARAMS);

/** Does a parameter name look secret? */
export function isSecretParam(name: string): boolean {
	let n: string;
	try {
		n = decodeURIComponent(name.replace(/\+/g, ' '));
	} catch {
		n = name;
	}
	n = n.trim().toLowerCase();
	if (SECRET.has(n)) return true;
	const parts = n.split(/[-_.\s[\]]+/).filter(Boolean);
	return parts.length > 1 && SECRET.has(parts[parts.length - 1]);
}

const MASK = '***';

/** `a=1&token=x` → `a=1&token=***` (also `;` separated). */
function redactParams(params: string): string {
	return params.replace(/([^&;=]+)=([^&;]*)/g, (whole, name: string, value: string) =>
		value && isSecretParam(name) ? `${name}=${MASK}` : whole,
	);
}

/** The URL with its credentials and secret-looking parameter values replaced by `***`. */
export function redactUrl(url: string): string {
	let out = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#\\]*@/i, `$1${MASK}@`);
	const hash = out.indexOf('#');
	let fragment = '';
	if (hash >= 0) {
		fragment = out.slice(hash);
		out = out.slice(0, hash);
		// OAuth puts tokens in the fragment (`#access_token=…`).
		if (fragment.includes('=')) fragment = `#${redactParams(fragment.slice(1))}`;
	}
	const q = out.indexOf('?');
	if (q >= 0) out = `${out.slice(0, q + 1)}${redactParams(out.slice(q + 1))}`;
	return out + fragment;
}

/** Every URL inside a text (an error message, a reason) redacted. */
export function redactText(text: string): string {
	return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (u) => redactUrl(u));
}
