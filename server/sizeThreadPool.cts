// CommonJS on purpose: libuv reads UV_THREADPOOL_SIZE once, when its thread pool first starts, and an ES module
// entry point has started it already while loading itself (its files are read on the pool). The bin requires
// this file first (server/bin.cts); the bench's targets preload it with `node --require`.
import { availableParallelism } from 'node:os';

/**
 * One pool thread per core, at least 2 and at most 16. RSA signing and verifying run on the pool
 * (server/core/rsa.ts): libuv's default of 4 threads on a 2-core machine makes four RSA jobs take turns
 * on two cores with the event loop, and pushes (one signature per answer) answered ~10% fewer per second
 * than with 2 (docs/performance.md).
 */
const threadPoolSize = (): number => Math.min(16, Math.max(2, availableParallelism()));

// A size the user chose wins.
process.env.UV_THREADPOOL_SIZE ??= String(threadPoolSize());
