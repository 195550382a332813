// Node.js options for the production server, shared by `npm start` and `npm run bench`.
//
// V8 sizes the old generation from the machine's memory and collects lazily: under load a
// server with about 200 MB of live data grew past 1 GB (bench, 2,000 article pages); capped at
// 384 MB it stayed near 450 MB at nearly the same throughput. At 10,000 articles under the
// soak 384 MB was too little: the heap stayed at the cap, collections stalled the event loop
// for up to 7.6 s, and the server died of heap exhaustion twice (once while pages were first
// being cached through Varnish). Capped at 1,024 MB it peaked at 873 MB of RSS, with autosave
// p95 1.1 s instead of 10 s and the longest stall 3.5 s. An operator's own
// --max-old-space-size in NODE_OPTIONS wins.
export const SERVER_HEAP_MB = 768

//
// NEWSROOM_SERVER_NODE_OPTIONS adds options to the server alone, not to the tool that starts
// it, e.g. a CPU profile of the server under the soak (docs/performance.md, "What blocks the event loop"):
//   NEWSROOM_SERVER_NODE_OPTIONS="--import ./scripts/cpuProfile.mjs" CPU_PROFILE_DIR=/tmp/prof npm run soak -- --seconds 60
// (Node refuses --cpu-prof in NODE_OPTIONS; the preload starts the same profiler.)
/** @param {string} [inherited] @param {Readonly<Record<string, string | undefined>>} [env] */
export function serverNodeOptions(inherited = '', env = process.env) {
  const options = [inherited.trim(), env.NEWSROOM_SERVER_NODE_OPTIONS?.trim()].filter(Boolean).join(' ')
  if (/--max-old-space-size\b/.test(options)) return options
  return [options, `--max-old-space-size=${SERVER_HEAP_MB}`].filter(Boolean).join(' ')
}
