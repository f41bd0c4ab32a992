// typescript-eslint, resolved from this workspace so that it and ts-api-utils load TypeScript 6.0
// (tools/typescript-eslint/node_modules/typescript), not the root's TypeScript 7, which has no JS API.
export { default } from 'typescript-eslint';
