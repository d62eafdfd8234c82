#!/usr/bin/env node
// The package's bin: sizes libuv's thread pool before anything starts it (server/sizeThreadPool.cts),
// then starts the command line (server/main.ts, an ES module).
import './sizeThreadPool.cjs';

void import('./main.js');
