#!/usr/bin/env node
'use strict';
// On Node 22.1 and newer, keep V8's compiled code of the bundle on disk between runs (in the system's
// temporary folder): a one-file pre-commit run then starts without compiling it (docs/performance.md).
require('node:module').enableCompileCache?.();
require('../dist/cli.js');
