import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { waitForEmail } from './mail';

// tools/dev/prerequisites.mjs applies the same rule to check, before `npm test`, that it is there.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, with a profile of its own that is thrown away afterwards;
 * `javaScript: false` reads pages as a browser without JavaScript (or a crawler) does. The
 * journeys inject axe-core into pages, which the production Content-Security-Policy forbids: it
 * is bypassed unless `csp: true` (the journey then checks the page under the real policy).
 */
export async function openBrowser({ javaScript = true, csp = false } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'oris-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: javaScript,
    bypassCSP: !csp,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function baseUrl(): string {
  const url = process.env['E2E_BASE_URL'];
  if (!url) throw new Error('E2E_BASE_URL is unset: the global setup did not run');
  return url;
}

export const DEMO_PASSWORD = 'oris-demo-2026';

/** Signs in through the sign-in page (in French, the default language). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl()}/sign-in`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** The demo's administrator (libs/api/identity's demo seed). */
export const DEMO_ADMIN = 'admin@oris.example';

/** Signs in through the API, as the sign-in page does: the access token and who it is. */
export async function signInThroughApi(
  email: string,
  password = DEMO_PASSWORD,
): Promise<{ accessToken: string; user: { id: string; fullName: string } }> {
  const login = await fetch(`${baseUrl()}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login ${email}: ${login.status}`);
  return (await login.json()) as { accessToken: string; user: { id: string; fullName: string } };
}

/** An access token of a demo person, for the journeys' calls to the API. */
export async function accessTokenOf(email: string, password = DEMO_PASSWORD): Promise<string> {
  return (await signInThroughApi(email, password)).accessToken;
}

/** Creates a trainee account through the API, as the registration page would. */
export async function registerTrainee(
  fullName: string,
): Promise<{ email: string; password: string }> {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.ma`;
  const password = 'a-long-e2e-passphrase';
  const response = await fetch(`${baseUrl()}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email,
      password,
      fullName,
      gender: 'female',
      birthYear: 1996,
      regionCode: 'MA-07',
      locale: 'fr',
      consent: true,
    }),
  });
  if (response.status !== 201) {
    throw new Error(`Registration failed: ${response.status} ${await response.text()}`);
  }
  await confirmEmail(email);
  return { email, password };
}

/**
 * Opens the confirmation link of the welcome email (delivered by the worker as an .eml file) as
 * the person would, through the API the confirm page calls: enrolling needs a confirmed address.
 */
export async function confirmEmail(email: string): Promise<void> {
  const [, token] = await waitForEmail(email, /\/confirm-email\?token=([A-Za-z0-9_-]{43})/);
  const response = await fetch(`${baseUrl()}/api/v1/auth/email/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (response.status !== 204) {
    throw new Error(`Email confirmation failed: ${response.status} ${await response.text()}`);
  }
}
