// The chaos run's load and its checks (R8, tools/chaos/run.mjs), shared with the scale-out
// benchmark's fault check (P9, tools/bench/p9-scale-out.mjs): the seeded people, the SMTP sink,
// the retrying HTTP client, one learner's path (enroll, complete, certificate, verify, placement)
// and the end-state checks — every enrollment, certificate, stored PDF, email and placement
// exactly once.
//
// One file per part; this module gathers them for run.mjs and the benchmarks.
export { withClient, withClientRetrying } from './database.mjs';
export { SEATS, seed } from './seed.mjs';
export { startSmtpSink } from './smtp-sink.mjs';
export { STEP_DEADLINE_MS, accessToken, httpClient } from './http-client.mjs';
export { learnerFlow, runLoad } from './learner-flow.mjs';
export { SETTLE_TIMEOUT_MS, check, settle } from './end-state.mjs';
