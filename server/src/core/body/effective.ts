import type { KindSpec, PageKind, When, XDisclosure } from '../schema/xDisclosure';
import { isPresent, resolveKeyPath } from '../schema/paths';

/** The body requirements that apply to one page: the topic's, with every matching variant merged in. */
export type EffectiveDisclosure = Omit<XDisclosure, 'variants' | 'kinds'> & {
	/** The kind of page these requirements are for, when the topic knows kinds (docs/page-model.md). */
	kind?: PageKind;
	/** Front-matter keys a page of this kind must carry. */
	requiredKeys?: string[];
};

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
 * The requirements of one page (docs/schema-vocabulary.md): the topic's own, then its kind's (hub or
 * item), then every variant whose `when` holds. List fields are appended, a section with an
 * existing id replaces it, object fields are replaced.
 */
export function effectiveDisclosure(
	x: XDisclosure,
	data: Record<string, unknown> | undefined,
	kind?: PageKind,
): EffectiveDisclosure {
	const { variants, kinds, ...base } = x;
	const out: EffectiveDisclosure = { ...base };
	const kindSpec: KindSpec | undefined = kind ? kinds?.[kind] : undefined;
	if (kind && kinds) out.kind = kind;
	if (kindSpec) {
		const { when: _when, required, ...fields } = kindSpec;
		merge(out, fields);
		if (required) out.requiredKeys = required;
	}
	for (const v of variants ?? []) {
		if (!matchesWhen(v.when, data)) continue;
		const { when: _when, ...fields } = v;
		merge(out, fields);
	}
	return out;
}

function merge(out: EffectiveDisclosure, fields: Record<string, unknown>): void {
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
