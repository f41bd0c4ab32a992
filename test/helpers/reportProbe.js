// Runs inside the compliance report page (added with page.addScriptTag): reads what the report shows.
// Plain browser script, kept apart so the TypeScript project needs no DOM types.
window.__probe = {
	/** The numbers as the charts draw them (their text), not the data behind them. */
	charts() {
		const $$ = (s) => [...document.querySelectorAll(s)];
		return {
			rings: $$('#coverage li').map((li) => ({
				topic: li.dataset.topic,
				ok: li.classList.contains('ok'),
				text: li.querySelector('svg text').textContent,
				segments: li.querySelectorAll('svg g circle').length - 1,
				red: li.querySelectorAll('svg g circle[stroke="#b42318"]').length,
			})),
			severity: Object.fromEntries(
				$$('#severity-chart g.bar').map((g) => [g.dataset.severity, g.querySelector('.value').textContent]),
			),
			rules: $$('#rule-chart g.bar').map((g) => [g.dataset.rule, g.querySelector('.value').textContent]),
			freshness: $$('#freshness-chart g.bar').map((g) => ({
				file: g.dataset.file,
				value: g.querySelector('.value').textContent,
				color: g.querySelector('rect').getAttribute('fill'),
			})),
			tiles: Object.fromEntries($$('.tiles li').map((li) => [li.id, li.querySelector('strong').textContent])),
		};
	},
	/** The embedded font: loaded faces and the h1's computed family. */
	async fonts() {
		await document.fonts.ready;
		return {
			check: document.fonts.check('16px Sarabun', 'รายงานการเปิดเผยข้อมูล'),
			loaded: [...document.fonts]
				.filter((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded')
				.map((f) => `${f.weight} ${f.unicodeRange.includes('E01') ? 'thai' : 'latin'}`)
				.sort(),
			family: getComputedStyle(document.querySelector('h1')).fontFamily,
		};
	},
	/** The print styles in force (call with print media emulated). */
	print() {
		return {
			topicBreak: getComputedStyle(document.querySelector('section.topic')).breakBefore,
			firstBreak: getComputedStyle(document.getElementById('first')).breakAfter,
			filters: getComputedStyle(document.getElementById('filters')).display,
			linkAfter: getComputedStyle(document.querySelector('#topics a.page'), '::after').content,
			ruleLinkAfter: getComputedStyle(document.querySelector('#rules a'), '::after').content,
		};
	},
	/** axe-core (added to the page before this) over the whole document: the violations, readable. */
	async axe() {
		const r = await window.axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map(
			(v) =>
				`${v.id}: ${v.help}\n${v.nodes
					.slice(0, 5)
					.map((x) => `  ${x.target.join(' ')}: ${x.failureSummary || ''}`)
					.join('\n')}`,
		);
	},
};
