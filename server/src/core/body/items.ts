import type { Heading, List, Node, Paragraph, Table } from 'mdast';
import type { AttributionSpec } from '../schema/xDisclosure';
import type { SectionIndex } from './sections';
import { headingKey, nodeText } from './text';
import { walk } from '../parse/walk';
import { normalizeThai } from '../thai/normalize';

/** An item that needs attribution (docs/domain.md#sources-and-dates-on-items): a list entry, a table row, or an image with its caption. */
export interface Item {
	start: number;
	end: number;
	kind: 'list-item' | 'table-row' | 'image' | 'subsection';
	/** Plain text of the item (with its sub-list or row, and an image's caption). */
	text: string;
	hasLink: boolean;
	/** A table column named like a source or a date holds a value for this row. */
	sourceCell: boolean;
	dateCellText?: string;
}

/** A source written as a label: ที่มา:, แหล่งที่มา:, อ้างอิง:, Source: … (anywhere in the item; docs/domain.md#sources-and-dates-on-items). */
export const SOURCE_LABEL =
	/(?:^|[\s(（[])(?:(?:ที่มา|แหล่งที่มา|แหล่งข้อมูล|อ้างอิง|เอกสารอ้างอิง|Source|Reference)\s*[:：]|ข้อมูลจาก\s*[:：]?\s*\S)/iu;

const SOURCE_HEADER = ['ที่มา', 'แหล่งที่มา', 'แหล่งข้อมูล', 'อ้างอิง', 'source', 'reference'].map(headingKey);
const DATE_HEADER = ['วันที่', 'วันเดือนปี', 'ลงวันที่', 'date'].map(headingKey);

/** The items of the sections named by the attribution spec (or of the whole body). */
export function attributionItems(rootChildren: Node[], sections: SectionIndex, spec: AttributionSpec): Item[] {
	const scopes: Node[][] = spec.sections?.length
		? spec.sections.map((id) => sections.byId.get(id)?.nodes ?? [])
		: [rootChildren.filter((n) => n.type !== 'yaml')];
	return scopes.flatMap((scope) =>
		scope.some((n) => n.type === 'heading') ? subsectionItems(scope) : blockItems(scope),
	);
}

/**
 * A scope with sub-headings: each sub-heading's block is one item when it carries its attribution
 * as a paragraph of its own (an article with "ที่มา: …" under it); otherwise its lists, tables and
 * images are the items (a category heading over a list of laws), or the block itself when it has none.
 */
function subsectionItems(scope: Node[]): Item[] {
	const depth = Math.min(...scope.filter((n): n is Heading => n.type === 'heading').map((h) => h.depth));
	const items: Item[] = [];
	let current: Node[] | undefined;
	const flush = (): void => {
		if (!current?.length) return;
		const body = current.slice(1);
		const attributed = body.some((n) => n.type === 'paragraph' && SOURCE_LABEL.test(` ${nodeText(n)}`));
		const inner = attributed
			? []
			: body.some((n) => n.type === 'heading')
				? subsectionItems(body)
				: blockItems(body);
		if (inner.length) {
			items.push(...inner);
			return;
		}
		const first = current[0];
		const last = current[current.length - 1];
		items.push({
			kind: 'subsection',
			start: first.position?.start.offset ?? 0,
			end: last.position?.end.offset ?? 0,
			text: normalizeThai(current.map(nodeText).join('\n')).text,
			hasLink: current.some(containsLink),
			sourceCell: false,
		});
	};
	for (const n of scope) {
		if (n.type === 'heading' && (n as Heading).depth === depth) {
			flush();
			current = [n];
		} else if (current) {
			current.push(n);
		}
	}
	flush();
	return items;
}

/** List entries, table rows and images with their captions (docs/domain.md#sources-and-dates-on-items). */
function blockItems(scope: Node[]): Item[] {
	const items: Item[] = [];
	for (let i = 0; i < scope.length; i++) {
		const n = scope[i];
		if (n.type === 'list') {
			for (const li of (n as List).children) items.push(make('list-item', li, nodeText(li)));
		} else if (n.type === 'table') {
			const [head, ...rows] = (n as Table).children;
			const keys = head.children.map((c) => headingKey(nodeText(c)));
			const srcCol = keys.findIndex((k) => SOURCE_HEADER.some((h) => k.includes(h)));
			const dateCol = keys.findIndex((k) => DATE_HEADER.some((h) => k.includes(h)));
			for (const row of rows) {
				const item = make('table-row', row, nodeText(row));
				if (
					srcCol >= 0 &&
					row.children[srcCol] &&
					nodeText(row.children[srcCol])
						.trim()
						.replace(/^[-–—]$/, '')
				)
					item.sourceCell = true;
				if (dateCol >= 0 && row.children[dateCol]) item.dateCellText = nodeText(row.children[dateCol]);
				items.push(item);
			}
		} else if (n.type === 'paragraph' && isImageParagraph(n as Paragraph)) {
			const next = scope[i + 1];
			const caption =
				next && next.type === 'paragraph' && !isImageParagraph(next as Paragraph) ? next : undefined;
			const item = make('image', n, nodeText(n) + (caption ? `\n${nodeText(caption)}` : ''));
			if (caption) {
				item.end = caption.position?.end.offset ?? item.end;
				item.hasLink ||= containsLink(caption);
				i++;
			}
			items.push(item);
		}
	}
	return items;
}

function make(kind: Item['kind'], node: Node, text: string): Item {
	return {
		kind,
		start: node.position?.start.offset ?? 0,
		end: node.position?.end.offset ?? 0,
		text: normalizeThai(text).text,
		hasLink: containsLink(node),
		sourceCell: false,
	};
}

export function containsLink(node: Node): boolean {
	let found = false;
	walk(node, (n) => {
		if (
			n.type === 'link' ||
			n.type === 'linkReference' ||
			(n.type === 'text' && /https?:\/\/\S/.test((n as unknown as { value: string }).value))
		)
			found = true;
		return !found;
	});
	return found;
}

function isImageParagraph(p: Paragraph): boolean {
	const meaningful = p.children.filter((c) => !(c.type === 'text' && !c.value.trim()) && c.type !== 'break');
	return (
		meaningful.length > 0 &&
		meaningful.every(
			(c) =>
				c.type === 'image' ||
				c.type === 'imageReference' ||
				(c.type === 'link' && c.children.every((x) => x.type === 'image')),
		)
	);
}
