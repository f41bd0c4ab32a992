import GithubSlugger from 'github-slugger';

/** How a renderer turns heading text into an anchor id, with a counter for duplicates. */
export interface Slugger {
	slug(text: string): string;
}

/** The slug profiles a site can choose (config `links.slugProfile`); documented in docs/links.md. */
export const SLUG_PROFILES = ['github', 'gitlab'] as const;
export type SlugProfile = (typeof SLUG_PROFILES)[number];

/**
 * GitLab: lower case; everything but letters, marks, digits, `_`, `-` and spaces removed; spaces
 * become hyphens, runs of hyphens collapse; duplicates get `-1`, `-2`…
 */
class GitlabSlugger implements Slugger {
	private readonly seen = new Map<string, number>();

	slug(text: string): string {
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
			.replace(/ /g, '-')
			.replace(/-{2,}/g, '-');
		const n = this.seen.get(base);
		this.seen.set(base, (n ?? -1) + 1);
		return n === undefined ? base : `${base}-${n + 1}`;
	}
}

/** A fresh slugger of a profile (one per page: duplicates are counted within a page). */
export function createSlugger(profile: SlugProfile = 'github'): Slugger {
	if (profile === 'gitlab') return new GitlabSlugger();
	return new GithubSlugger();
}
