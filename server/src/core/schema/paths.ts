/** A front-matter path as the vocabulary writes it: `a.b`, `list[].c`. */
export type KeyPath = string;

/** Split `sources[].date` into segments: `['sources', '[]', 'date']`. */
export function splitKeyPath(path: KeyPath): string[] {
	return path.split('.').flatMap((seg) => (seg.endsWith('[]') ? [seg.slice(0, -2), '[]'] : [seg]));
}

/** Every concrete path (with array indexes) and value a key path reaches in `value`. */
export function resolveKeyPath(value: unknown, path: KeyPath): { path: (string | number)[]; value: unknown }[] {
	let current: { path: (string | number)[]; value: unknown }[] = [{ path: [], value }];
	for (const seg of splitKeyPath(path)) {
		const next: typeof current = [];
		for (const c of current) {
			if (seg === '[]') {
				if (Array.isArray(c.value)) c.value.forEach((v, i) => next.push({ path: [...c.path, i], value: v }));
			} else if (c.value !== null && typeof c.value === 'object' && !Array.isArray(c.value) && seg in c.value) {
				next.push({ path: [...c.path, seg], value: (c.value as Record<string, unknown>)[seg] });
			}
		}
		current = next;
	}
	return current;
}

/** Whether a value counts as present (not undefined, null, or a blank string). */
export function isPresent(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.trim() !== '';
	return true;
}
