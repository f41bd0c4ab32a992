// dist/vendor/undici.js: the HTTP client, loaded by server/src/core/vendor.ts when a run checks links online.
module.exports = require('undici');
