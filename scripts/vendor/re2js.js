// dist/vendor/re2js.js: the linear-time regular expression engine, loaded by server/src/core/vendor.ts
// when a run meets a user pattern.
module.exports = require('re2js');
