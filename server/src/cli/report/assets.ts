import { FONT_FACES, FONT_NOTICE } from './font';

/** One embedded face of Sarabun (server/src/cli/report/font.ts): a weight and a subset (woff2, base64). */
export interface ReportFontFace {
	weight: number;
	subset: string;
	unicodeRange: string;
	/** Size of the woff2 in bytes. */
	bytes: number;
	base64: string;
}

/** The embedded Sarabun faces (subset woff2 as data: URLs). */
export function fontCss(): string {
	return `/* ${FONT_NOTICE} */\n${FONT_FACES.map((f) => `@font-face{font-family:"Sarabun";font-style:normal;font-weight:${f.weight};font-display:block;unicode-range:${f.unicodeRange};src:url(data:font/woff2;base64,${f.base64}) format("woff2")}`).join('\n')}`;
}

/** Screen and A4 print styles. Colours keep 4.5:1 against their backgrounds (WCAG 2.1 AA). */
export const CSS = `
:root { --ok: #1a7f37; --bad: #b42318; --due: #b54708; --info: #175cd3; --line: #d0d5dd; --muted: #475467; }
* { box-sizing: border-box; }
body { font-family: "Sarabun", sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 3rem; color: #1a1a1a; background: #fff; line-height: 1.55; font-size: 16px; }
h1 { font-size: 1.7rem; line-height: 1.3; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.4rem 0 .4rem; }
.en { color: var(--muted); font-size: .92em; } code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .88em; }
a { color: #1849a9; } a:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid #1849a9; outline-offset: 2px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .8rem 0; } .meta dt { font-weight: 700; } .meta dd { margin: 0; }
.meta ul { margin: 0; padding-left: 1.1rem; }
.tiles { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; padding: 0; margin: 1rem 0; }
.tiles li { border: 1px solid var(--line); border-radius: 8px; padding: .4rem .9rem; min-width: 9rem; } .tiles strong { display: block; font-size: 1.6rem; line-height: 1.2; }
.tiles .error strong { color: var(--bad); } .tiles .warning strong { color: var(--due); } .tiles .info strong { color: var(--info); }
.rings { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: .6rem; }
.rings li { display: flex; gap: .6rem; align-items: flex-start; border: 1px solid var(--line); border-radius: 8px; padding: .5rem; }
.rings li.missing { border-color: var(--bad); } .ring { flex: none; } .ring-num { font-size: 15px; font-weight: 700; }
.state { font-size: .9em; } .state.ok { color: var(--ok); } .state.missing, .gap { color: var(--bad); }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 2.5rem; align-items: flex-start; } figure { margin: .4rem 0 1rem; } figcaption { font-weight: 700; margin-bottom: .3rem; }
svg text { font-size: 13px; fill: #1a1a1a; } svg text.en { fill: #475467; } svg .value { font-weight: 700; } svg .axis { font-size: 11px; fill: #475467; } svg text.mono { font-size: 12px; }
svg { max-width: 100%; height: auto; }
.legend { list-style: none; padding: 0; margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: .9em; }
.legend span.key { display: inline-block; width: .9em; height: .9em; margin-right: .3em; vertical-align: -.1em; border-radius: 2px; }
.key.ok { background: var(--ok); } .key.due { background: var(--due); } .key.stale, .key.error { background: var(--bad); } .key.warning { background: var(--due); } .key.info { background: var(--info); }
.key.limit { border-left: 2px dashed #667085; border-radius: 0; width: .5em !important; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95em; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; } thead th { background: #f2f4f7; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.stale td, tr.sev-error td { background: #fef3f2; } .badge { font-weight: 700; white-space: nowrap; }
.badge.ok { color: var(--ok); } .badge.stale, .badge.error { color: var(--bad); } .badge.due, .badge.warning { color: var(--due); } .badge.info { color: var(--info); }
.sections { list-style: none; padding: 0; margin: .3rem 0; columns: 2 18rem; } .sections li { break-inside: avoid; }
#filters { display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; align-items: end; margin: .5rem 0; padding: .6rem; border: 1px solid var(--line); border-radius: 8px; background: #f9fafb; }
#filters[hidden] { display: none; } #filters label { display: flex; flex-direction: column; font-size: .9em; } #filters select { font: inherit; padding: .2rem; min-width: 10rem; }
th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85em; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
	body { max-width: none; padding: 0; font-size: 10.5pt; }
	* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
	#first { break-after: page; }
	section.topic { break-before: page; }
	#findings-section { break-before: page; }
	h2, h3, figcaption { break-after: avoid; } tr, figure, .rings li { break-inside: avoid; }
	thead { display: table-header-group; }
	#filters, th button::after { display: none !important; }
	tr[hidden] { display: table-row !important; }
	a { color: inherit; text-decoration: none; }
	a[href^="http"]::after, a[href^="mailto:"]::after { content: " <" attr(href) ">"; font-size: .8em; word-break: break-all; color: #475467; }
	a.page::after { content: " <" attr(href) ">"; font-size: .8em; word-break: break-all; color: #475467; }
	a[href^="#"]::after { content: ""; }
}
`;

/**
 * The findings table's filters (topic, rule, severity) and sorting: a few lines of plain script. With
 * script off the filters stay hidden and every row shows.
 */
export const SCRIPT = `(function () {
var t = document.getElementById('findings'), f = document.getElementById('filters');
if (!t || !f) return;
var body = t.tBodies[0], rows = [].slice.call(body.rows).filter(function (r) { return r.dataset.rule; });
var sel = [].slice.call(f.querySelectorAll('select')), out = document.getElementById('shown');
var coll = new Intl.Collator('th', { numeric: true });
function apply() {
	var n = 0;
	rows.forEach(function (r) { var ok = sel.every(function (s) { return !s.value || r.dataset[s.name] === s.value; }); r.hidden = !ok; if (ok) n++; });
	out.textContent = n + ' / ' + rows.length;
}
sel.forEach(function (s) { s.addEventListener('change', apply); });
[].slice.call(t.tHead.rows[0].cells).forEach(function (th, i) {
	var b = document.createElement('button');
	b.type = 'button';
	while (th.firstChild) b.appendChild(th.firstChild);
	th.appendChild(b);
	b.addEventListener('click', function () {
		var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
		[].slice.call(t.tHead.rows[0].cells).forEach(function (h) { h.removeAttribute('aria-sort'); });
		th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
		// "page.md:12:3" sorts by page, then line as a number.
		var key = function (r) { var c = r.cells[i]; return c.getAttribute('data-sort') || c.textContent.replace(/:(\\d+):\\d+$/, function (m, l) { return '\u0000' + ('0000000' + l).slice(-7); }); };
		rows.sort(function (a, b) { return dir * coll.compare(key(a), key(b)); });
		rows.forEach(function (r) { body.appendChild(r); });
	});
});
f.hidden = false;
apply();
})();`;
