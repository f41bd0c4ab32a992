import type { SchemaSource } from './registry';
import common from '../../../../schemas/common.schema.json';
import meta from '../../../../schemas/x-disclosure.meta.schema.json';
import agencyInfo from '../../../../schemas/topics/agency-info.schema.json';
import law from '../../../../schemas/topics/law.schema.json';
import knowledge from '../../../../schemas/topics/knowledge.schema.json';
import webLinks from '../../../../schemas/topics/web-links.schema.json';
import officialInfo from '../../../../schemas/topics/official-info.schema.json';
import sopManual from '../../../../schemas/topics/sop-manual.schema.json';
import citizenManual from '../../../../schemas/topics/citizen-manual.schema.json';
import news from '../../../../schemas/topics/news.schema.json';
import eService from '../../../../schemas/topics/e-service.schema.json';
import webStats from '../../../../schemas/topics/web-stats.schema.json';

/** The common front-matter schema every topic schema refers to. */
export const COMMON_SCHEMA = common as Record<string, unknown>;

/** The meta-schema of topic schemas (x-disclosure vocabulary). */
export const META_SCHEMA = meta as Record<string, unknown>;

/** The ten topics of docs/domain.md#the-ten-topics, in order, bundled into the engine so no file is read at run time. */
const BUILTIN: [string, unknown][] = [
	['agency-info', agencyInfo],
	['law', law],
	['knowledge', knowledge],
	['web-links', webLinks],
	['official-info', officialInfo],
	['sop-manual', sopManual],
	['citizen-manual', citizenManual],
	['news', news],
	['e-service', eService],
	['web-stats', webStats],
];

/** The ten topics of docs/domain.md#the-ten-topics as schema sources. */
export const BUILTIN_SCHEMAS: SchemaSource[] = BUILTIN.map(
	([id, json]) => ({ file: `schemas/topics/${id}.schema.json`, json, builtin: true }) as SchemaSource,
);

/** The ids of the ten built-in topics, in order. */
export const BUILTIN_TOPIC_IDS: readonly string[] = BUILTIN.map(([id]) => id);
