#!/usr/bin/env node
'use strict';
// On Node 22.1 and newer, keep V8's compiled code of the bundle on disk between starts (docs/performance.md).
require('node:module').enableCompileCache?.();
require('../dist/server.js');
