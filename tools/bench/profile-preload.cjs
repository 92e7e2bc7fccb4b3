// Preloaded into the API by `npm run bench:p1 -- --profile` (node -r). Samples the CPU from start
// and writes a .cpuprofile to $ORIS_PROFILE_OUT on SIGUSR2; SIGUSR1 drops what was sampled so
// far and starts again (a benchmark that profiles one phase only, such as P3's races). `node --cpu-prof` cannot be used:
// it writes only on a normal exit, and Nest's shutdown hooks end the process by re-raising SIGTERM.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

const out = process.env.ORIS_PROFILE_OUT;
const session = new Session();
session.connect();
session.post('Profiler.enable', () => session.post('Profiler.start'));

process.on('SIGUSR1', () => {
  session.post('Profiler.stop', () => session.post('Profiler.start'));
});

process.on('SIGUSR2', () => {
  session.post('Profiler.stop', (err, result) => {
    if (!err) writeFileSync(out, JSON.stringify(result.profile));
    process.stderr.write(err ? `profile failed: ${err.message}\n` : `profile written to ${out}\n`);
  });
});
