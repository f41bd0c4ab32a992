import type { ParsedDocument } from '../parse/document';
import type { Facts } from '../facts';
import type { AttributionSpec } from '../schema/xDisclosure';
import { schemaPattern, type Matcher } from '../regex';
import { SOURCE_LABEL, type Item } from './items';
import { firstLine, topicLineRange } from './ranges';
import { ellipsize } from './text';

/** What source-missing or date-missing checks on a page. */
export interface AttributionTargets {
	spec: AttributionSpec;
	/** The items that each need their own source or date. */
	items: Item[];
	/** The page as a whole lacks it. */
	pageMissing: boolean;
	/** The front-matter keys that attribute the whole page. */
	pageKeys: string[];
	/** The topic's extra source patterns (`attribution.sourcePatterns`). */
	patterns: Matcher[];
}

/**
 * The items to check for a source or a date (docs/page-model.md); undefined when the topic does not
 * ask for it. On an item page the page is the item: its source comes from `sources`, a label, a
 * gazette reference or a link anywhere on it, its date from `date`, a labelled body date,
 * `published` or `updated`. Elsewhere (hubs, topics without kinds) the list entries, table rows,
 * images and sub-sections are the items; front-matter keys attribute a page without items, and the
 * photos of a page that is itself one dated or sourced article.
 */
export function attributionTargets(facts: Facts, need: 'source' | 'date'): AttributionTargets | undefined {
	const spec = facts.disclosure()?.attribution;
	if (!spec || !spec[need]) return undefined;
	const pageKeys = need === 'source' ? (spec.sourceKeys ?? ['sources']) : (spec.dateKeys ?? []);
	const patterns = (spec.sourcePatterns ?? []).map((p) => schemaPattern(p.pattern, p.flags ?? 'u'));
	if (facts.pageKind() === 'item') {
		// An item page always has a date: `published` is required, and frontmatter-schema or date-invalid
		// reports a missing or broken one, so only its source can be missing.
		return {
			spec,
			items: [],
			pageMissing: need === 'source' && !facts.pageHasSource(pageKeys, patterns),
			pageKeys,
			patterns,
		};
	}
	let items = facts.attributionItems();
	const present = facts.hasAnyKey(pageKeys);
	// A page without items is one item itself: its front-matter key (or, for a source, a label) must attribute it.
	const pageMissing =
		items.length === 0 &&
		pageKeys.length > 0 &&
		!present &&
		!(need === 'source' && SOURCE_LABEL.test(facts.bodyText()));
	if (present) items = items.length <= 1 ? [] : items.filter((i) => i.kind !== 'image');
	return { spec, items, pageMissing, pageKeys, patterns };
}

/** Where a page's missing source or date goes: an item page's heading (H1 or title), other pages' topic line. */
export function attributionPageRange(doc: ParsedDocument, facts: Facts): [number, number] {
	return facts.pageKind() === 'item'
		? firstLine(doc, [facts.pageAnchor().start, facts.pageAnchor().end])
		: topicLineRange(doc);
}

/** Where an item's missing source or date goes: its first line. */
export function itemRange(doc: ParsedDocument, item: Item): [number, number] {
	return firstLine(doc, [item.start, item.end]);
}

/** An item as a message names it. */
export function itemLabel(item: Item): string {
	return ellipsize(item.text, 50);
}
