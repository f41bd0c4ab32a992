// Draw the extension's icon, images/icon.png (128×128 RGBA), with Node only: shapes tested per pixel
// with 4×4 supersampling, written as a PNG with zlib. Run `node scripts/make-icon.mjs` after a change
// here and commit the PNG; test/extension.test.ts checks that the committed file is what this draws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as zlib from 'node:zlib';

const SIZE = 128;
const SS = 4;

const BLUE = [31, 58, 95];
const PAPER = [250, 250, 247];
const FOLD = [214, 222, 232];
const LINE = [164, 178, 196];
const GREEN = [46, 160, 67];
const RED = [200, 60, 60];

/** Inside a rounded rectangle. */
function roundRect(x, y, x0, y0, x1, y1, r) {
	if (x < x0 || x > x1 || y < y0 || y > y1) return false;
	const cx = Math.min(Math.max(x, x0 + r), x1 - r);
	const cy = Math.min(Math.max(y, y0 + r), y1 - r);
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Distance from a point to a segment. */
function segment(x, y, ax, ay, bx, by) {
	const dx = bx - ax;
	const dy = by - ay;
	const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
	return Math.hypot(x - ax - t * dx, y - ay - t * dy);
}

/** The colour at a point, or null for transparent. Layers from the bottom up. */
function colour(x, y) {
	let c = null;
	if (roundRect(x, y, 4, 4, 124, 124, 22)) c = BLUE;
	// The page, its top-right corner folded.
	const inPage = roundRect(x, y, 30, 18, 98, 110, 6) && !(x > 78 && y < 38 && x - 78 > y - 18);
	if (inPage) c = PAPER;
	if (x > 78 && y < 38 && x - 78 <= y - 18 && x <= 98 && y >= 18) c = FOLD;
	// Three items: a tick or a cross, then a line of text.
	const rows = [46, 68, 90];
	rows.forEach((ry, i) => {
		if (i < 2) {
			if (segment(x, y, 39, ry, 44, ry + 5) <= 2.6 || segment(x, y, 44, ry + 5, 54, ry - 6) <= 2.6) c = GREEN;
		} else if (segment(x, y, 40, ry - 5, 51, ry + 5) <= 2.6 || segment(x, y, 51, ry - 5, 40, ry + 5) <= 2.6)
			c = RED;
		if (roundRect(x, y, 60, ry - 3, i === 1 ? 80 : 88, ry + 3, 3)) c = LINE;
	});
	return c;
}

function png(width, height, rgba) {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (buf) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type, data) => {
		const len = Buffer.alloc(4);
		len.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const sum = Buffer.alloc(4);
		sum.writeUInt32BE(crc(body));
		return Buffer.concat([len, body, sum]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // RGBA
	const raw = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

/** The icon as PNG bytes. */
export function drawIcon() {
	const rgba = Buffer.alloc(SIZE * SIZE * 4);
	for (let py = 0; py < SIZE; py++) {
		for (let px = 0; px < SIZE; px++) {
			let r = 0,
				g = 0,
				b = 0,
				a = 0;
			for (let sy = 0; sy < SS; sy++) {
				for (let sx = 0; sx < SS; sx++) {
					const c = colour(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
					if (!c) continue;
					r += c[0];
					g += c[1];
					b += c[2];
					a++;
				}
			}
			const o = (py * SIZE + px) * 4;
			// Colour averaged over the covered samples; coverage as alpha.
			if (a) {
				rgba[o] = Math.round(r / a);
				rgba[o + 1] = Math.round(g / a);
				rgba[o + 2] = Math.round(b / a);
			}
			rgba[o + 3] = Math.round((a / (SS * SS)) * 255);
		}
	}
	return png(SIZE, SIZE, rgba);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'images/icon.png');
	fs.writeFileSync(out, drawIcon());
	console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
