// P13 (docs/PERFORMANCE.md): Open Badges 3.0 credentials, two figures in one run, for each of the
// two forms ORIS issues (VC-JWT and Data Integrity).
//
// - Signing: P5's per-certificate pipeline (CertificateRenderer.render + SHA-256 +
//   LocalDirectoryStorage.put, on the calling thread) against the same pipeline with the
//   credential built from the certificate, signed and attached to the PDF: as a VC-JWT only
//   (JOSE, EdDSA over the JSON's bytes), and in both forms as the worker does (plus
//   eddsa-rdfc-2022: RDF canonicalisation of the JSON-LD with the bundled contexts, SHA-256,
//   Ed25519). Bar: signing adds at most 20 % to the time per certificate.
// - Verification: `POST /api/v1/verify/credential` with a credential the API's key signed, as a
//   VC-JWT (`{ jwt }`) and as JSON with its Data Integrity proof (proof checked offline against
//   the DID document, revocation read from the certificate), against P1's route
//   (`GET /api/health`) on the same production build in the same run. Bar: ≥ 0.3 ×.
//
// The TypeScript sources of the first part are loaded through @swc-node/register (as P5 does);
// the second part runs the API's production build, VERIFY_RATE_LIMIT_PER_MINUTE raised so the
// per-IP limiter counts every request but never refuses one.
//
//   npm run bench:p13 [-- --count 60 --runs 5 --duration 10 --warmup 5 --connections 20
//                        --log-level info --no-build --write --profile]
//
// --profile prints where signing's CPU time goes (by package and function) and records nothing.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ROOT,
  UserFacingError,
  bold,
  green,
  log,
  readSettings,
  red,
  requireFromRoot,
} from '../dev/lib.mjs';
import { ensureServices } from '../dev/services.mjs';
import {
  COMMON_OPTIONS,
  HEALTH_ROUTE,
  TABLE_HEADER,
  commandLine,
  int,
  load,
  loadAverage,
  machine,
  measuredOn,
  median,
  ms,
  ratioText,
  readOptions,
  runBench,
  startApi,
  summarise,
  tableRow,
  writeSection,
} from './lib/http-load.mjs';
import { formatProfile, summariseProfile } from './lib/cpu-profile.mjs';
import { loadSources, sampleDocuments } from './p5-certificate-render.mjs';

const SIGNING_BAR = 0.2;
const VERIFY_BAR = 0.3;
const WEB_URL = 'https://academy.oris.example';
/** Far above what the runs can send in a minute: the limit is counted, never reached. */
const BENCH_VERIFY_LIMIT = 1_000_000_000;
/** Distinct JWTs posted in turn, twice as many as the API keeps verified: every check is a first. */
const FIRST_CHECKS = 4_000;

const opts = readOptions({ ...COMMON_OPTIONS, count: { type: 'string', default: '60' } }, [
  'runs',
  'duration',
  'warmup',
  'connections',
  'count',
]);

/** The credential modules from the sources, configured with `seed` (the API's key in part 2). */
function loadCredentials(seed) {
  const source = (path) =>
    requireFromRoot(join(ROOT, 'libs/api/certificates/src/credentials', path));
  const { loadConfig } = requireFromRoot(join(ROOT, 'libs/api/platform/src/config/load-config.ts'));
  const { IssuerIdentity } = source('issuer-identity.ts');
  const { CredentialSigner } = source('credential-signer.ts');
  const { openBadgeCredential } = source('open-badge-credential.ts');
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_WEB_URL: WEB_URL,
    CREDENTIAL_SIGNING_SEED: seed,
  });
  const issuer = new IssuerIdentity(config);
  const signer = new CredentialSigner(issuer);
  const links = {
    webUrl: issuer.webUrl,
    issuer: issuer.profile(),
    statusListUrl: (list) => issuer.statusListUrl(list),
  };
  return {
    /**
     * Builds the credential of sample certificate `document` (status position `i`); signs it with
     * `.jwt()` and `.dataIntegrity()`.
     */
    sign(document, i) {
      const issuedAt = new Date(`${document.issuedOn}T09:00:00Z`);
      const facts = {
        certificateId: createHash('sha256')
          .update(document.serial)
          .digest('hex')
          .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5'),
        serial: document.serial,
        holderName: document.holderName,
        holderNameAr: document.holderNameAr,
        courseId: '0b1e6f0a-7c44-4a2f-8d0e-6b5a4c3d2e1f',
        courseCode: 'ESS-201',
        courseTitle: document.courseTitle,
        courseSummary: 'Du projet à la coopérative : gouvernance, financement, commercialisation.',
        courseLanguages: ['fr', 'ar'],
        hours: document.hours,
        learningOutcomes: ['Rédiger des statuts', 'Construire un budget prévisionnel'],
        requiresModules: true,
        minAttendancePercent: 80,
        requiresTrainerValidation: true,
        sessionStartsOn: document.sessionStartsOn,
        sessionEndsOn: document.sessionEndsOn,
        completedOn: document.completedOn,
        issuedAt,
        statusListIndex: i,
      };
      const unsigned = openBadgeCredential(facts, links);
      return {
        jwt: () => signer.signJwt(unsigned, issuedAt),
        dataIntegrity: () => signer.sign(unsigned, issuedAt),
      };
    },
  };
}

/** Part 1: the pipeline per certificate, without and with the credential, loops alternated. */
async function measureSigning() {
  const { CertificateRenderer, LocalDirectoryStorage } = loadSources();
  const credentials = loadCredentials(randomBytes(32).toString('hex'));
  const renderer = new CertificateRenderer();
  const storageDir = join(ROOT, 'tmp', 'bench', `p13-${randomBytes(4).toString('hex')}`);
  mkdirSync(storageDir, { recursive: true });
  const storage = new LocalDirectoryStorage(storageDir);
  const store = async (key, pdf) => {
    createHash('sha256').update(pdf).digest('hex');
    await storage.put(key, pdf);
  };
  const loops = [
    {
      label: "P5's pipeline (render, hash, store)",
      async once(document) {
        await store(`plain/${document.serial}.pdf`, await renderer.render(document));
      },
      rates: [],
    },
    {
      label: 'the same, with the VC-JWT signed and attached (the worker)',
      async once(document, i) {
        const credentialJwt = await credentials.sign(document, i).jwt();
        await store(
          `jwt/${document.serial}.pdf`,
          await renderer.render({ ...document, credentialJwt }),
        );
      },
      rates: [],
    },
    {
      label: 'the same, with both forms signed and attached (for comparison)',
      async once(document, i) {
        const credential = credentials.sign(document, i);
        const [json, credentialJwt] = await Promise.all([
          credential.dataIntegrity().then((signed) => JSON.stringify(signed)),
          credential.jwt(),
        ]);
        const pdf = await renderer.render({ ...document, credentialJson: json, credentialJwt });
        await store(`both/${document.serial}.pdf`, pdf);
      },
      rates: [],
    },
  ];
  try {
    const warmup = Math.max(10, Math.floor(opts.count / 3));
    const documents = sampleDocuments(warmup + opts.runs * opts.count);
    for (const loop of loops) {
      for (let i = 0; i < warmup; i += 1) await loop.once(documents[i], i);
    }
    for (let run = 0; run < opts.runs; run += 1) {
      // The loops take turns certificate by certificate (each in every position in turn), and
      // each one's time is the sum of its own certificates: a machine whose load changes over the
      // run (other processes) slows the three alike instead of whichever loop ran then.
      const first = warmup + run * opts.count;
      const spent = loops.map(() => 0);
      for (let i = first; i < first + opts.count; i += 1) {
        for (let k = 0; k < loops.length; k += 1) {
          const which = (k + i) % loops.length;
          const started = performance.now();
          await loops[which].once(documents[i], i);
          spent[which] += performance.now() - started;
        }
      }
      loops.forEach((loop, k) => {
        const rate = opts.count / (spent[k] / 1000);
        loop.rates.push(rate);
        log(`run ${run + 1}/${opts.runs} ${loop.label}: ${rate.toFixed(1)} certificates/s`);
      });
    }
  } finally {
    rmSync(storageDir, { recursive: true, force: true });
  }
  return loops.map((loop) => ({
    label: loop.label,
    rate: median(loop.rates),
    min: Math.min(...loop.rates),
    max: Math.max(...loop.rates),
    // What it adds to the first loop's time, run by run (the runs' certificates are the same):
    // the median of these pairs is steadier than the ratio of the medians on a loaded machine.
    added: median(loop.rates.map((rate, run) => loops[0].rates[run] / rate - 1)),
  }));
}

/** Part 2: verification of a credential over HTTP against P1's route. */
async function measureVerification(cleanups) {
  const settings = readSettings();
  await ensureServices(settings);
  const seed = randomBytes(32).toString('hex');
  const api = await startApi({
    bench: 'p13',
    settings,
    cleanups,
    opts,
    env: {
      CREDENTIAL_SIGNING_SEED: seed,
      PUBLIC_WEB_URL: WEB_URL,
      VERIFY_RATE_LIMIT_PER_MINUTE: String(BENCH_VERIFY_LIMIT),
    },
  });
  const credentials = loadCredentials(seed);
  // More distinct JWTs than the API remembers verified (2,000): each one it is sent is new to it.
  const distinct = await Promise.all(
    sampleDocuments(FIRST_CHECKS).map(async (sample, i) =>
      JSON.stringify({ jwt: await credentials.sign(sample, i + 1).jwt() }),
    ),
  );
  const [document] = sampleDocuments(1);
  const credential = credentials.sign(document, 0);
  const bodies = {
    jwt: JSON.stringify({ jwt: await credential.jwt() }),
    dataIntegrity: JSON.stringify(await credential.dataIntegrity()),
  };
  for (const body of Object.values(bodies)) {
    const check = await fetch(`${api.base}/api/v1/verify/credential`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = await check.json();
    if (check.status !== 200 || answer.result !== 'valid') {
      throw new UserFacingError(
        `The API did not find the credential valid: ${JSON.stringify(answer)}`,
      );
    }
  }
  const verify = (body) => ({
    url: `${api.base}/api/v1/verify/credential`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const targets = [
    {
      label: `ORIS API, P1's route (\`GET ${HEALTH_ROUTE}\`)`,
      options: { url: `${api.base}${HEALTH_ROUTE}` },
    },
    {
      label: 'ORIS API, `POST /api/v1/verify/credential`, VC-JWT (`{ jwt }`)',
      options: verify(bodies.jwt),
    },
    {
      label: `ORIS API, \`POST /api/v1/verify/credential\`, VC-JWT, ${int(FIRST_CHECKS)} different ones in turn (first checks)`,
      options: (() => {
        let next = 0;
        const { url, ...request } = verify(distinct[0]);
        return {
          url,
          requests: [
            {
              ...request,
              path: new URL(url).pathname,
              setupRequest: (req) => ({ ...req, body: distinct[next++ % distinct.length] }),
            },
          ],
        };
      })(),
    },
    {
      label: 'ORIS API, `POST /api/v1/verify/credential`, Data Integrity (JSON)',
      options: verify(bodies.dataIntegrity),
    },
  ].map((target) => ({ ...target, runs: [] }));
  const run = (target, duration) =>
    load({ ...target.options, connections: opts.connections, duration });
  for (const target of targets) {
    log(`Warming up ${target.label} for ${opts.warmup} s`);
    await run(target, opts.warmup);
  }
  for (let round = 0; round < opts.runs; round += 1) {
    const order = targets.map((_, k) => targets[(k + round) % targets.length]);
    for (const target of order) {
      const result = await run(target, opts.duration);
      target.runs.push(result);
      log(
        `run ${round + 1}/${opts.runs} ${target.label}: ${int(result.rps)} req/s, p50 ${ms(result.p50)}, ` +
          `p99 ${ms(result.p99)}${result.problems ? red(`, ${result.problems} unexpected/errors`) : ''}`,
      );
    }
  }
  return {
    rows: targets.map((target) => [target.label, summarise(target.runs)]),
    bytes: Object.fromEntries(Object.entries(bodies).map(([form, body]) => [form, body.length])),
  };
}

const verdict = (met) => (met ? 'meets' : 'misses');
const percent = (added) => `${added >= 0 ? '+' : ''}${(added * 100).toFixed(1)} %`;

function table(signing, verification, info, loadAtStart) {
  const [, jwt, both] = signing;
  const jwtAdded = jwt.added;
  const bothAdded = both.added;
  const [health, verifyJwt, verifyFirstJwt, verifyDi] = verification.rows.map(([, s]) => s);
  const jwtRatio = verifyJwt.rps / health.rps;
  const firstRatio = verifyFirstJwt.rps / health.rps;
  const diRatio = verifyDi.rps / health.rps;
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = [
    '| loop | certificates/s (median) | certificates/s (min–max) | ms per certificate |',
    '|---|---:|---:|---:|',
    ...signing.map(
      (s) =>
        `| ${s.label} | ${s.rate.toFixed(1)} | ${s.min.toFixed(1)}–${s.max.toFixed(1)} | ${(1000 / s.rate).toFixed(1)} |`,
    ),
    '',
    `**Signing the VC-JWT, as the worker does, adds ${percent(jwtAdded)}** to the time per certificate (median of the runs' pairs) — ${verdict(jwtAdded <= SIGNING_BAR)} the ≤ ${SIGNING_BAR * 100} % bar. ` +
      `Signing the Data Integrity form too would add ${percent(bothAdded)} (its JSON-LD processing): that is why it is signed on the credential's first download instead, from the JWT's statements.`,
    '',
    ...TABLE_HEADER,
    ...verification.rows.map(([label, s]) => tableRow(label, s)),
    '',
    `**P13 verification ratio, VC-JWT (\`POST /verify/credential\` ÷ P1's route): ${ratioText(jwtRatio)}** — ${verdict(jwtRatio >= VERIFY_BAR)} the ≥ ${VERIFY_BAR} bar. ` +
      `First checks of VC-JWTs (each signature verified): ${ratioText(firstRatio)} — ${verdict(firstRatio >= VERIFY_BAR)} it. ` +
      `Data Integrity: ${ratioText(diRatio)} — ${verdict(diRatio >= VERIFY_BAR)} it.`,
    '',
    `${measuredOn(info)}; signing: ${opts.count} certificates per run and loop (P5's sample certificates, every holder a different person), ` +
      `${opts.runs} runs, the loops taking turns certificate by certificate, medians shown, storage on the local disk (tmp/); ` +
      `verification: one credential posted again and again (its signature remembered after the first check), and ${int(FIRST_CHECKS)} different VC-JWTs in turn (the VC-JWT as \`{ jwt }\`, ${kib(verification.bytes.jwt)}; the JSON, ${kib(verification.bytes.dataIntegrity)}), autocannon ${opts.connections} connections, ` +
      `${opts.warmup} s warm-up per route, ${opts.runs} runs of ${opts.duration} s, routes rotated, medians shown; ` +
      `API built for production, NODE_ENV=production, LOG_LEVEL=${opts['log-level']}, VERIFY_RATE_LIMIT_PER_MINUTE raised; ` +
      `load average ${loadAtStart} at the start, ${info.load.toFixed(1)} at the end.`,
    '',
    `Command: \`${commandLine('p13')}\``,
  ];
  return {
    markdown: lines.join('\n'),
    added: jwtAdded,
    ratio: jwtRatio,
    bothAdded,
    firstRatio,
    diRatio,
  };
}

/**
 * --profile: where the Data Integrity signing's time goes. Builds and signs `count` credentials in this process under
 * the inspector's CPU profiler and prints the shares by package and function (nothing recorded).
 */
async function profileSigning() {
  const { Session } = await import('node:inspector/promises');
  loadSources(); // registers the TypeScript loader the credential sources need
  const credentials = loadCredentials(randomBytes(32).toString('hex'));
  const documents = sampleDocuments(10 + opts.count);
  for (let i = 0; i < 10; i += 1) await credentials.sign(documents[i], i).dataIntegrity();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const started = performance.now();
  for (let i = 10; i < documents.length; i += 1)
    await credentials.sign(documents[i], i).dataIntegrity();
  const elapsed = performance.now() - started;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const file = join(ROOT, 'tmp', 'bench', 'p13-signing.cpuprofile');
  mkdirSync(join(ROOT, 'tmp', 'bench'), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
  log(
    `${opts.count} credentials signed in ${(elapsed / opts.count).toFixed(1)} ms each (profiled)`,
  );
  process.stdout.write(
    `\nSigning CPU profile (${file})\n${formatProfile(summariseProfile(file))}\n\n`,
  );
}

runBench(opts, async (cleanups) => {
  if (opts.profile) return profileSigning();
  const loadAtStart = loadAverage();
  log('Part 1: the certificate pipeline without and with the signed credential');
  const signing = await measureSigning();
  log('Part 2: verification of a credential over HTTP against P1’s route');
  const verification = await measureVerification(cleanups);
  const { markdown, added, ratio, bothAdded, firstRatio, diRatio } = table(
    signing,
    verification,
    machine(),
    loadAtStart,
  );
  process.stdout.write(`\n${markdown}\n\n`);
  const problems = verification.rows.reduce((sum, [, s]) => sum + s.problems, 0);
  if (problems > 0) {
    throw new UserFacingError(
      `${problems} responses had an unexpected status or failed, so the figures are not comparable. ` +
        'docs/PERFORMANCE.md was left as it was.',
    );
  }
  const colour = (met) => (met ? green : red);
  log(colour(added <= SIGNING_BAR)(`signing the VC-JWT ${percent(added)}`));
  log(colour(bothAdded <= SIGNING_BAR)(`signing both forms ${percent(bothAdded)}`));
  log(colour(ratio >= VERIFY_BAR)(`P13 VC-JWT ${ratioText(ratio)} (bar ≥ ${VERIFY_BAR})`));
  log(colour(firstRatio >= VERIFY_BAR)(`P13 VC-JWT first checks ${ratioText(firstRatio)}`));
  log(colour(diRatio >= VERIFY_BAR)(`P13 Data Integrity ${ratioText(diRatio)}`));
  if (opts.write) await writeSection('p13', markdown);
  else log(`Add ${bold('--write')} to record this in docs/PERFORMANCE.md.`);
});
