// The language server's disclosure checklist (server/src/lsp/checklist.ts; docs/editor.md). The client
// imports nothing from server/ (docs/architecture.md#import-rules), so the shape is repeated here.

/** The request for the site's disclosure checklist, and the notification that it changed. */
export const CHECKLIST_REQUEST = 'disclosure-lint/checklist';
export const CHECKLIST_CHANGED = 'disclosure-lint/checklistChanged';

export interface LocalizedText {
	th: string;
	en: string;
}

/** How to create a page: a suggested file (relative to `folder`, else the workspace root) and its skeleton in snippet syntax. */
export interface ChecklistCreate {
	file: string;
	folder?: string;
	snippet: string;
}

export interface ChecklistSection {
	id: string;
	heading: LocalizedText;
	covered: boolean;
	create?: ChecklistCreate;
}

export interface ChecklistPage {
	uri: string;
	errors: number;
	warnings: number;
	/** When the page's next review is due (ISO, CE); null: no `updated` or no limit. */
	reviewDue: string | null;
	missingSections?: string[];
}

export interface ChecklistTopic {
	id: string;
	name: LocalizedText;
	state: 'covered' | 'partial' | 'missing';
	missingSections: string[];
	pages: ChecklistPage[];
	/** Absent from servers older than the view (then no headings and no create action). */
	sections?: ChecklistSection[];
	create?: ChecklistCreate;
}

export interface Checklist {
	topics: ChecklistTopic[];
}
