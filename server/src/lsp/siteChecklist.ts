import { pathToFileURL } from 'node:url';
import { CHECKLIST_CHANGED, checklist, type Checklist, type ChecklistPage } from './checklist';
import type { ServerState } from './state';

/**
 * What the disclosure checklist knows of each workspace page, updated as pages are linted (from
 * the workspace lint or an open buffer), and the `disclosure-lint/checklistChanged` notification
 * when the checklist it gives changed.
 */
export class SiteChecklist {
	private readonly pages = new Map<string, ChecklistPage>();
	private last = '';
	private timer?: NodeJS.Timeout;

	constructor(private readonly state: ServerState) {}

	/** The checklist now (the `disclosure-lint/checklist` request). */
	async compute(): Promise<Checklist> {
		const engine = this.state.engineFor(await this.state.settingsFor(pathToFileURL(this.state.root).href));
		const config = engine.configForFolder(this.state.root);
		return checklist([...this.pages.values()], engine.registryFor(config), config);
	}

	/** The page's entry as last linted. */
	get(file: string): ChecklistPage | undefined {
		return this.pages.get(file);
	}

	/** Only the pages of the workspace lint stay. */
	keepOnly(files: Set<string>): void {
		for (const f of [...this.pages.keys()]) if (!files.has(f)) this.pages.delete(f);
	}

	/**
	 * A page was linted: keep what the checklist needs of it. Most edits change none of that (topic,
	 * sections, counts, review date), and then nothing more is done on the keystroke.
	 */
	note(file: string, entry: ChecklistPage, notify = true): void {
		if (!this.state.workspaceFiles.has(file)) return;
		const before = this.pages.get(file);
		this.pages.set(file, entry);
		if (notify && (!before || JSON.stringify(before) !== JSON.stringify(entry))) this.changed();
	}

	/** Tell the client when the checklist changed (debounced). */
	changed(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			void this.compute()
				.then((c) => {
					const text = JSON.stringify(c);
					if (text !== this.last) {
						this.last = text;
						void this.state.connection.sendNotification(CHECKLIST_CHANGED, {});
					}
				})
				.catch((err: unknown) => this.state.log(`disclosure-lint: checklist: ${(err as Error).stack ?? err}`));
		}, 100);
	}
}
