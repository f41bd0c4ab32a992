import type { Position } from '../types';

/**
 * Maps offsets in a text to 1-based lines and UTF-16 columns and back.
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as CommonMark and LSP count them.
 */
export class LineIndex {
	/** Offset of the first character of each line. */
	readonly lineStarts: number[];

	constructor(readonly text: string) {
		const starts = [0];
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 10) starts.push(i + 1);
			else if (c === 13) {
				if (text.charCodeAt(i + 1) === 10) i++;
				starts.push(i + 1);
			}
		}
		this.lineStarts = starts;
	}

	/** Number of lines. */
	get lineCount(): number {
		return this.lineStarts.length;
	}

	/** The 1-based position of an offset (clamped to the text). */
	position(offset: number): Position {
		const o = Math.max(0, Math.min(offset, this.text.length));
		let lo = 0;
		let hi = this.lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.lineStarts[mid] <= o) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: o - this.lineStarts[lo] + 1 };
	}

	/** The offset of a 1-based position (clamped to the line's end, line break excluded). */
	offset(pos: Position): number {
		const line = Math.max(1, Math.min(pos.line, this.lineStarts.length));
		const start = this.lineStarts[line - 1];
		return Math.min(start + Math.max(0, pos.column - 1), this.lineEnd(line));
	}

	/** Offset of the first character of a 1-based line. */
	lineStart(line: number): number {
		return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))];
	}

	/** Offset just past the last character of a 1-based line, line break excluded. */
	lineEnd(line: number): number {
		const idx = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
		let end = idx + 1 < this.lineStarts.length ? this.lineStarts[idx + 1] : this.text.length;
		if (end > this.lineStarts[idx] && this.text.charCodeAt(end - 1) === 10) end--;
		if (end > this.lineStarts[idx] && this.text.charCodeAt(end - 1) === 13) end--;
		return end;
	}

	/** The line break the document uses most at its first line (for inserted text). */
	get eol(): string {
		const m = /\r\n|\r|\n/.exec(this.text);
		return m ? m[0] : '\n';
	}
}
