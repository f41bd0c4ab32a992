import type { List, ListItem, Node, Table, TableRow } from 'mdast';
import type { StepsSpec } from '../schema/xDisclosure';
import { parseDuration, type Duration, type DurationOptions } from '../thai/durations';
import type { SectionIndex, SectionMatch } from './sections';
import { headingKey, nodeText } from './text';

/** A duration as written in a cell, an item or a field. */
export interface WrittenDuration {
	/** Offsets of the written text (the cell or the part after a label). */
	start: number;
	end: number;
	text: string;
	/** The reading: a duration, an error (unreadable), or null (nothing written). */
	value: Duration | { error: string } | null;
}

/** One step of a procedure: a table row or a list item. */
export interface Step {
	/** Offsets of the row or item. */
	start: number;
	end: number;
	name: string;
	duration: WrittenDuration;
}

/** The steps of a page and their stated total. */
export interface Procedure {
	section: SectionMatch;
	/** `none`: the section holds neither a table nor a list of steps. */
	kind: 'table' | 'list' | 'none';
	steps: Step[];
	/** The table has no column the schema names as the duration column. */
	noDurationColumn?: { start: number; end: number };
	/** The stated total: a total row, a "รวม…" line, or the total section. */
	total?: WrittenDuration;
}

const DURATION_LABEL = /(?:ระยะเวลา(?:ดำเนินการ|ที่ใช้)?|เวลาที่ใช้|duration)\s*[:：]?\s*/iu;

/** Read the steps of the page per the schema's `steps` (undefined when the section or a table/list is absent). */
export function readProcedure(
	text: string,
	spec: StepsSpec,
	sections: SectionIndex,
	opts: DurationOptions,
): Procedure | undefined {
	const section = sections.byId.get(spec.section);
	if (!section) return undefined;
	const totalKeys = (spec.totalLabels ?? ['รวม', 'ระยะเวลารวม', 'Total']).map(headingKey);
	const isTotal = (s: string): boolean => totalKeys.some((k) => headingKey(s).startsWith(k));
	const read = (start: number, end: number): WrittenDuration => {
		const raw = text.slice(start, end);
		const value = parseDuration(raw.replace(/\|/g, ' '), opts);
		if (value && 'error' in value) {
			// Point at the unreadable words, not at the whole cell or item.
			const s = start + (value.start ?? 0);
			const e = value.end !== undefined ? start + value.end : end;
			return { start: s, end: Math.max(e, s), text: value.raw || raw.trim(), value: { error: value.error } };
		}
		if (value && value.parts.length) {
			// Only the duration itself, so a fix keeps labels such as "รวมระยะเวลา" around it.
			const s = start + value.parts[0].start;
			const e = start + value.parts[value.parts.length - 1].end;
			return { start: s, end: e, text: text.slice(s, e), value };
		}
		return { start, end, text: raw.trim(), value };
	};
	let procedure: Procedure | undefined;
	const table = section.nodes.find((n): n is Table => n.type === 'table');
	const list = section.nodes.find((n): n is List => n.type === 'list');
	if (table && (!list || offset(table) < offset(list))) {
		const [head, ...rows] = table.children;
		const headers = head.children.map((c) => headingKey(nodeText(c)));
		const wanted = (spec.durationHeaders ?? ['ระยะเวลา', 'Duration']).map(headingKey);
		const col = headers.findIndex((h) => wanted.some((w) => h.includes(w)));
		procedure = { section, kind: 'table', steps: [] };
		if (col < 0) procedure.noDurationColumn = { start: offset(head), end: endOffset(head) };
		for (const row of rows) {
			const cells = row.children;
			const firstText = cells
				.slice(0, 2)
				.map((c) => nodeText(c))
				.join(' ');
			const cell = col >= 0 ? cells[col] : undefined;
			const duration = cell
				? read(offset(cell), endOffset(cell))
				: { start: offset(row), end: endOffset(row), text: '', value: null };
			if (
				isTotal(nodeText(cells[0] ?? row)) ||
				(cells.length > 1 && isTotal(nodeText(cells[1])) && !/\d/.test(nodeText(cells[0])))
			) {
				procedure.total = cell ? trimCell(text, duration) : totalInRow(text, row, read);
				continue;
			}
			procedure.steps.push({
				start: offset(row),
				end: endOffset(row),
				name: firstText.trim(),
				duration: trimCell(text, duration),
			});
		}
	} else if (list) {
		procedure = { section, kind: 'list', steps: [] };
		for (const item of list.children as ListItem[]) {
			// After the list marker ("4. "), whose number is not a duration.
			const s = item.children[0] ? offset(item.children[0]) : offset(item);
			const e = endOffset(item);
			const itemText = text.slice(s, e);
			const m = DURATION_LABEL.exec(itemText);
			const name = nodeText(item).trim();
			if (isTotal(name)) {
				procedure.total = read(s + (m ? m.index + m[0].length : 0), e);
				continue;
			}
			procedure.steps.push({ start: s, end: e, name, duration: read(s + (m ? m.index + m[0].length : 0), e) });
		}
	} else {
		procedure = { section, kind: 'none', steps: [] };
	}
	if (!procedure.total) procedure.total = totalElsewhere(section, spec, sections, isTotal, read);
	return procedure;
}

function totalInRow(text: string, row: TableRow, read: (s: number, e: number) => WrittenDuration): WrittenDuration {
	for (const c of row.children.slice(1)) {
		const d = read(offset(c), endOffset(c));
		if (d.value) return trimCell(text, d);
	}
	return read(offset(row), endOffset(row));
}

/** A "รวมระยะเวลา …" paragraph in the steps section, or the body of the total section. */
function totalElsewhere(
	section: SectionMatch,
	spec: StepsSpec,
	sections: SectionIndex,
	isTotal: (s: string) => boolean,
	read: (s: number, e: number) => WrittenDuration,
): WrittenDuration | undefined {
	for (const n of section.nodes) {
		if (n.type === 'paragraph' && isTotal(nodeText(n))) return read(offset(n), endOffset(n));
	}
	const totalSection = spec.totalSection ? sections.byId.get(spec.totalSection) : undefined;
	if (totalSection && totalSection.nodes.length) {
		const first = totalSection.nodes.find((n) => n.type !== 'html');
		if (first) return read(offset(first), endOffset(first));
	}
	return undefined;
}

/** Shrink a cell's range to its text (without the pipes and padding). */
function trimCell(text: string, d: WrittenDuration): WrittenDuration {
	let s = d.start;
	let e = d.end;
	while (s < e && /[\s|]/.test(text[s])) s++;
	while (e > s && /[\s|]/.test(text[e - 1])) e--;
	return { ...d, start: s, end: e, text: text.slice(s, e) };
}

function offset(n: Node): number {
	return n.position?.start.offset ?? 0;
}

function endOffset(n: Node): number {
	return n.position?.end.offset ?? offset(n);
}

/** Whether a read duration is a duration (not an error, not absent). */
export function isDuration(v: unknown): v is Duration {
	return v !== null && typeof v === 'object' && 'minutes' in v;
}

/** The steps' working and calendar time added up; undefined unless every step's duration is readable. */
export function stepSums(p: Procedure): { working: number; calendar: number } | undefined {
	const ds = p.steps.map((s) => s.duration.value).filter(isDuration);
	if (!ds.length || ds.length !== p.steps.length) return undefined;
	return { working: ds.reduce((a, d) => a + d.working, 0), calendar: ds.reduce((a, d) => a + d.calendar, 0) };
}
