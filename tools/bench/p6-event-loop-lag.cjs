// Preloaded into the API and the worker by `npm run bench:p6` (node -r): samples the main
// thread's event-loop delay with perf_hooks.monitorEventLoopDelay (a libuv timer every
// RESOLUTION_MS, no JavaScript on the loop being measured). Each time the benchmark writes a new
// number into `$ORIS_LAG_OUT.mark`, the window since the previous one is appended to $ORIS_LAG_OUT
// as one JSON line, and a new window starts. A file, not a signal: the processes' shutdown hooks
// take SIGUSR2 as a request to stop. Nothing in the applications' code changes.
const { isMainThread } = require('node:worker_threads');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { appendFileSync, readFileSync, watch, writeFileSync } = require('node:fs');

// Worker threads inherit `-r` preloads (the worker's render threads): the main thread is the one
// measured, and only it may write the windows.
if (isMainThread) startSampling();

function startSampling() {
  const RESOLUTION_MS = 10;
  const out = process.env.ORIS_LAG_OUT;
  const mark = `${out}.mark`;
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();

  // Each sample is the time between two ticks of the timer: the lag is what exceeds its interval.
  const lagMs = (nanoseconds) => Math.max(0, nanoseconds / 1e6 - RESOLUTION_MS);

  let last = '0';
  writeFileSync(mark, last);
  watch(mark, () => {
    let value;
    try {
      value = readFileSync(mark, 'utf8').trim();
    } catch {
      return;
    }
    // A write can show as several events, the first one with the file still empty.
    if (!value || value === last) return;
    last = value;
    const window = {
      mark: value,
      samples: histogram.count,
      p50: lagMs(histogram.percentile(50)),
      p99: lagMs(histogram.percentile(99)),
      max: lagMs(histogram.max),
    };
    histogram.reset();
    appendFileSync(out, `${JSON.stringify(window)}\n`);
  }).unref();
}
