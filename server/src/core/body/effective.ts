import type { When, XDisclosure } from '../schema/xDisclosure';
import { isPresent, resolveKeyPath } from '../schema/paths';

/** The body requirements that apply to one page: the topic's, with every matching variant merged in. */
export type EffectiveDisclosure = Omit<XDisclosure, 'variants'>;

/** Whether front-matter values satisfy a variant's `when`: a value, any of a list, or `{present: boolean}`. */
export function matchesWhen(when: When, data: Record<string, unknown> | undefined): boolean {
	return Object.entries(when).every(([key, expected]) => {
		const hits = data ? resolveKeyPath(data, key) : [];
		const value = hits[0]?.value;
		if (expected !== null && typeof expected === 'object' && !Array.isArray(expected) && 'present' in expected) {
			return Boolean((expected as { present: boolean }).present) === hits.some((h) => isPresent(h.value));
		}
		if (Array.isArray(expected)) return expected.some((e) => e === value);
		return expected === value;
	});
}

/**
 * Merge the variants whose `when` holds (docs/schema-vocabulary.md): list fields are appended,
 * a variant's section with an existing id replaces it, object fields are replaced.
 */
export function effectiveDisclosure(x: XDisclosure, data: Record<string, unknown> | undefined): EffectiveDisclosure {
	const { variants, ...base } = x;
	const out: EffectiveDisclosure = { ...base };
	for (const v of variants ?? []) {
		if (!matchesWhen(v.when, data)) continue;
		const { when: _when, ...fields } = v;
		for (const [k, value] of Object.entries(fields) as [keyof EffectiveDisclosure, unknown][]) {
			const current = out[k];
			if (k === 'sections' && Array.isArray(value)) {
				const sections = [...(out.sections ?? [])];
				for (const s of value as NonNullable<XDisclosure['sections']>) {
					const i = sections.findIndex((x2) => x2.id === s.id);
					if (i >= 0) sections[i] = s;
					else sections.push(s);
				}
				out.sections = sections;
			} else if (Array.isArray(current) && Array.isArray(value)) {
				(out as Record<string, unknown>)[k] = [...current, ...value];
			} else {
				(out as Record<string, unknown>)[k] = value;
			}
		}
	}
	return out;
}
