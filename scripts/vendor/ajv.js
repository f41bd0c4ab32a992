// dist/vendor/ajv.js: ajv with its formats, loaded by server/src/core/vendor.ts when a run compiles a schema.
module.exports = { Ajv: require('ajv').default, addFormats: require('ajv-formats').default };
