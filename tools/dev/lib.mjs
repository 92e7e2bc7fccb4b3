// Helpers shared by the developer scripts (start, test, bench). Node built-ins only: these run
// before `npm install` has happened, so nothing from node_modules may be imported at load time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// Namespace import: on a Node too old for parseEnv, ensureInstall's version check can still speak.
import * as util from 'node:util';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Loads a package from the workspace's node_modules (only after ensureInstall). */
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const NX = join(
  ROOT,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'nx.cmd' : 'nx',
);

/** Nx must never contact Nx Cloud, prompt, or keep a daemon behind a script (STACK.md, trap 5). */
export const NX_ENV = {
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NG_CLI_ANALYTICS: 'false',
};

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
export const bold = paint('1');
export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');
export const dim = paint('2');

export const log = (message) => process.stdout.write(`${bold('[oris]')} ${message}\n`);
export const warn = (message) => process.stderr.write(`${bold(yellow('[oris]'))} ${message}\n`);
export const error = (message) => process.stderr.write(`${bold(red('[oris]'))} ${message}\n`);

/** Error for a problem already explained to the user: scripts print its message and exit 1. */
export class UserFacingError extends Error {}

/** Defaults of the variables these scripts need; they mirror the API's AppConfig. */
const DEFAULTS = {
  API_PORT: '3000',
  WEB_PORT: '4200',
  PUBLIC_WEB_URL: 'http://localhost:4200',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oris',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: '',
  MAIL_DROP_DIR: 'data/mail',
};

/**
 * The settings the scripts use: process environment first, then `.env` at the workspace root,
 * then the defaults. Empty values count as unset, as in the API's config loader.
 */
export function readSettings() {
  const envFile = join(ROOT, '.env');
  const fromFile = existsSync(envFile) ? util.parseEnv(readFileSync(envFile, 'utf8')) : {};
  const settings = {};
  for (const [key, fallback] of Object.entries(DEFAULTS)) {
    const value = process.env[key] || fromFile[key] || fallback;
    settings[key] = value;
  }
  settings.fromUser = (key) => Boolean(process.env[key] || fromFile[key]);
  return settings;
}

/**
 * Puts the variables of `.env` into this process's environment, for the processes it starts
 * (variables already set win). The apps themselves read only their environment.
 */
export function loadDotEnv() {
  const envFile = join(ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
}

/** Runs a command with inherited stdio; resolves with its exit code (128 + n for a signal). */
export function run(command, args, { env = {}, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    trackChild(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? signalNumber(signal) : 1));
    });
  });
}

/** Runs a command and throws if it fails. */
export async function runOrThrow(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    throw new UserFacingError(`\`${[command, ...args].join(' ')}\` failed (exit code ${code}).`);
  }
}

/** True when the command exits 0 within the timeout; its output is discarded. */
export function succeeds(command, args, timeoutMs = 15_000) {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: timeoutMs });
  return result.status === 0;
}

// Children of the step that is running, to pass Ctrl-C / SIGTERM on to; the signal that stopped us.
const currentChildren = new Set();
let stopSignal = null;

/** Registers a child process as part of the running step (run() does it for its own). */
export function trackChild(child) {
  currentChildren.add(child);
  child.once('exit', () => currentChildren.delete(child));
  return child;
}

/** The exit code for the signal that asked us to stop, or null while nobody has. */
export const stoppedExitCode = () => (stopSignal ? 128 + signalNumber(stopSignal) : null);

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 1;
}

/**
 * Ctrl-C and SIGTERM while a foreground step runs: pass the signal on to the step (a terminal
 * already sends SIGINT to the whole group; a process manager sends SIGTERM to us only) and
 * leave once it has stopped, instead of dying first and leaving it orphaned.
 */
export function forwardSignalsToForegroundSteps() {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopSignal = signal;
      if (currentChildren.size === 0) process.exit(128 + signalNumber(signal));
      for (const child of currentChildren) child.kill(signal);
    });
  }
}

/** Opens a TCP connection to see whether something listens; resolves with an error text or null. */
export function tcpProbe(host, port, timeoutMs = 1_500) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (problem) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => done(null));
    socket.once('error', (err) => done(err.code ?? err.message));
  });
}

/** GET a URL; resolves with the status code, or null when nothing answers. */
export async function httpStatus(url, timeoutMs = 3_000) {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Formats milliseconds as `1m 05s` or `4.2s`. */
export function duration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** Runs main and turns a thrown error into a message and exit code 1 (with a stack only if unexpected). */
export function main(fn) {
  fn().catch((err) => {
    // A step that failed because the user pressed Ctrl-C needs no error message.
    if (stopSignal) process.exit(128 + signalNumber(stopSignal));
    if (err instanceof UserFacingError) error(err.message);
    else error(err?.stack ?? String(err));
    process.exit(1);
  });
}
