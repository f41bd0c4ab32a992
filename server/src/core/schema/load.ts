import { fileProblem } from '../dataFile';
import * as path from 'node:path';
import type { Host } from '../types';
import { SchemaRegistry, type SchemaSource } from './registry';
import { BUILTIN_SCHEMAS, COMMON_SCHEMA, META_SCHEMA } from './builtin';

/** The registry for a list of schema folders, cached by folder list and file times. */
export class SchemaRegistryCache {
	private readonly cache = new Map<string, { stamp: string; registry: SchemaRegistry }>();

	constructor(private readonly host: Host) {}

	/** The `*.schema.json` files in `dirs`, in load order, and a stamp of their modification times. */
	stamp(dirs: string[]): { files: string[]; stamp: string } {
		const files = dirs.flatMap((d) =>
			(this.host.readDir(d) ?? [])
				.filter((n) => n.endsWith('.schema.json'))
				.sort()
				.map((n) => path.join(d, n)),
		);
		return { files, stamp: files.map((f) => `${f}@${this.host.mtime(f)}`).join('\0') };
	}

	/** The registry of the built-ins plus the `*.schema.json` files in `dirs` (later folders override). */
	get(dirs: string[]): SchemaRegistry {
		const key = dirs.join('\0');
		const { files, stamp } = this.stamp(dirs);
		const hit = this.cache.get(key);
		if (hit && hit.stamp === stamp) return hit.registry;
		// Only regular files are read: a FIFO (or a folder, socket or device) named `*.schema.json` is
		// reported and never opened, so it cannot block the run.
		// A schema file that is a symbolic link leading out of its folder is not read either: the folder
		// was checked to be inside the workspace (config/resolve.ts), a link inside it could reach anywhere.
		const escapes = new Set(files.filter((f) => this.leavesFolder(f)));
		const regular = files.filter((f) => !escapes.has(f) && this.host.fileExists(f));
		const sources: SchemaSource[] = [
			...BUILTIN_SCHEMAS,
			...regular.map((f) => ({ file: f, text: this.host.readFile(f) ?? '', builtin: false })),
		];
		const registry = new SchemaRegistry(COMMON_SCHEMA, META_SCHEMA, sources);
		for (const f of escapes) {
			const real = this.host.realpath?.(f) ?? f;
			registry.problems.push(
				fileProblem(f, {
					th: `ไม่ได้อ่านไฟล์สคีมา ${f} เพราะเป็นลิงก์สัญลักษณ์ (symbolic link) ที่ชี้ออกนอกโฟลเดอร์สคีมา ไปยัง ${real}`,
					en: `Not read: the schema file ${f} is a symbolic link that leads out of its schemas folder, to ${real}`,
				}),
			);
		}
		if (regular.length + escapes.size < files.length) {
			const readable = new Set(regular);
			for (const f of files) {
				if (!readable.has(f) && !escapes.has(f))
					registry.problems.push(
						fileProblem(f, {
							th: `ไม่ใช่ไฟล์ปกติ จึงไม่ได้อ่าน: ${f} (ไฟล์สคีมาต้องเป็นไฟล์ปกติ)`,
							en: `Not a regular file, so not read: ${f} (a schema file must be a regular file)`,
						}),
					);
			}
		}
		for (const d of dirs) {
			if (!files.some((f) => path.dirname(f) === d) && this.host.readDir(d) === undefined) {
				registry.problems.push(
					fileProblem(d, { th: `ไม่พบโฟลเดอร์สคีมา ${d}`, en: `Schema folder not found: ${d}` }),
				);
			}
		}
		this.cache.set(key, { stamp, registry });
		return registry;
	}

	/** Whether the file's real path (links resolved) lies outside the real path of its folder. */
	private leavesFolder(file: string): boolean {
		if (!this.host.realpath) return false;
		const real = this.host.realpath(file);
		const dir = this.host.realpath(path.dirname(file));
		if (real === undefined || dir === undefined) return false;
		const rel = path.relative(dir, real);
		return rel === '' || rel.startsWith('..') || path.isAbsolute(rel);
	}
}
