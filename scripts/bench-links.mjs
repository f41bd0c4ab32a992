#!/usr/bin/env node
// How long the external link checker takes for 1,000 distinct URLs on a local server that answers
// each after 50 ms, with the default settings (the figure issue 4 asks for). Uses the built bundle.
import * as http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ExternalChecker, DEFAULT_CHECKER_OPTIONS, undiciRequester } = require('../dist/bench-links.js');
const N = Number(process.argv[2] ?? 1000);
const LATENCY = Number(process.argv[3] ?? 50);

let inFlight = 0;
let maxInFlight = 0;
const server = http.createServer((req, res) => {
	inFlight++;
	maxInFlight = Math.max(maxInFlight, inFlight);
	setTimeout(() => {
		res.writeHead(200);
		res.end();
		inFlight--;
	}, LATENCY);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
// allowPrivate: the bench server is on 127.0.0.1, refused by default (docs/security.md).
const requester = undiciRequester(DEFAULT_CHECKER_OPTIONS.perHostConcurrency, undefined, { allowPrivate: true });
const checker = new ExternalChecker(requester.request, DEFAULT_CHECKER_OPTIONS);
const start = process.hrtime.bigint();
const verdicts = await checker.checkAll(Array.from({ length: N }, (_, i) => `${base}/page/${i}`));
const ms = Number(process.hrtime.bigint() - start) / 1e6;
await requester.close();
server.close();
const ok = [...verdicts.values()].filter((v) => v.state === 'ok').length;
console.log(
	`${N} URLs, ${LATENCY} ms latency each, one host: ${ms.toFixed(0)} ms, ${ok} ok, at most ${maxInFlight} in flight (per-host limit ${DEFAULT_CHECKER_OPTIONS.perHostConcurrency})`,
);
if (ok !== N) process.exitCode = 1;
