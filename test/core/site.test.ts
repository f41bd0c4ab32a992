import { strict as assert } from 'node:assert';
import { tmpDir } from '../helpers/tmp';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Engine } from '../../server/src/core/engine';
import { fsHost } from '../../server/src/node/fsHost';
import { siteFindings, type PageSummary } from '../../server/src/core/site';
import { formatMessage } from '../../server/src/core/messages';
import { FIXTURE_TODAY } from '../helpers/fixtures';

function setup(config?: object): { engine: Engine; root: string } {
	const root = tmpDir('dl-site-');
	if (config) fs.writeFileSync(path.join(root, '.disclosurelintrc.json'), JSON.stringify(config));
	return { engine: new Engine(fsHost, { root, today: FIXTURE_TODAY, locale: 'en' }), root };
}

function run(engine: Engine, root: string, pages: PageSummary[]): string[] {
	const config = engine.configFor(path.join(root, 'index.md'));
	return siteFindings(pages, engine.registryFor(config), config).map(
		(f) => `${f.line}:${f.ruleId}:${formatMessage(f, 'en')}`,
	);
}

describe('site check (topic-coverage)', () => {
	it('reports every required topic no page covers', () => {
		const { engine, root } = setup({ requiredTopics: ['law', 'news', 'web-stats'] });
		assert.deepEqual(run(engine, root, [{ path: 'a.md', topic: 'law' }]), [
			'1:topic-coverage:No page covers the topic "News and announcements" (news), which the unit must publish',
			'1:topic-coverage:No page covers the topic "Website statistics and satisfaction" (web-stats), which the unit must publish',
		]);
	});

	it('requires every section of a topic split over pages, parents covered by their sub-sections', () => {
		const { engine, root } = setup({ requiredTopics: ['agency-info'] });
		const all = [
			'history',
			'vision-mission',
			'structure',
			'executives',
			'cio',
			'authority',
			'strategy',
			'action-plan',
			'performance-report',
			'contact',
		];
		assert.deepEqual(
			run(engine, root, [
				{ path: 'a.md', topic: 'agency-info', sections: all.slice(0, 5) },
				{ path: 'b.md', topic: 'agency-info', sections: all.slice(5, 9) },
			]),
			[
				'1:topic-coverage:The topic "Agency information" is split over pages, but none covers the section "Contact details" (contact)',
			],
		);
		assert.deepEqual(
			run(engine, root, [
				{ path: 'a.md', topic: 'agency-info', sections: ['history'] },
				{ path: 'b.md', topic: 'agency-info' },
			]),
			[],
		);
		const { engine: e2, root: r2 } = setup({ requiredTopics: ['official-info'] });
		const oia = ['7(1)', '7(2)', '7(3)', '7(4)', '9(1)', '9(2)', '9(3)', '9(4)-2', '9(5)', '9(6)', '9(7)', '9(8)'];
		assert.deepEqual(run(e2, r2, [{ path: 'o.md', topic: 'official-info', sections: oia }]), []);
	});

	it('defaults to all ten topics; the example site covers them all', () => {
		const { engine, root } = setup();
		assert.deepEqual(
			run(engine, root, []).map((f) => /\((\S+)\), which/.exec(f)?.[1]),
			[
				'agency-info',
				'law',
				'knowledge',
				'web-links',
				'official-info',
				'sop-manual',
				'citizen-manual',
				'news',
				'e-service',
				'web-stats',
			],
		);
		const examples = path.resolve(__dirname, '../../examples');
		const e = new Engine(fsHost, { root: examples, today: FIXTURE_TODAY, locale: 'en' });
		const pages = [
			'about/index.md',
			'law/index.md',
			'knowledge/index.md',
			'links/index.md',
			'oia/index.md',
			'manuals/sop-web-publishing.md',
			'manuals/citizen-information-request.md',
			'news/index.md',
			'e-service/index.md',
			'stats/index.md',
		]
			.map((p) => e.lintText(path.join(examples, p), fs.readFileSync(path.join(examples, p), 'utf8')))
			.map((r) => ({ path: r.path, topic: r.topic, sections: r.sections }));
		assert.deepEqual(run(e, examples, pages), []);
	});
});
