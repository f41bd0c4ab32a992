/** Entry for scripts/bench-links.mjs: the checker and the undici requester, bundled. */
export { ExternalChecker, DEFAULT_CHECKER_OPTIONS } from '../core/links/external';
export { undiciRequester } from '../node/http';
