import { createHmac } from 'node:crypto';
import { CREATING_TOOL_ROLES, type OrisToolRole } from '@oris/shared/domain';

/** A version number: `1`, `1.2`, `1.2.3`, optionally `-label` (`2.0-ar`, `1.0.0-beta.1`). */
export const VERSION_NUMBER = /^[0-9]+(\.[0-9]+){0,2}(-[0-9A-Za-z.-]+)?$/;

/** A language as ISO 639-1 or 639-3 lower-case code (`fr`, `ar`, `en`, `tzm`). */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** The largest file a version may carry. */
export const MAX_TOOL_FILE_BYTES = 20 * 1024 * 1024;

/** The media types a version's file may have, with the file signature each must start with. */
export const TOOL_FILE_TYPES: Record<string, { extension: string; signature: number[] | 'text' }> =
  {
    'application/pdf': { extension: 'pdf', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
    'text/csv': { extension: 'csv', signature: 'text' },
    'text/plain': { extension: 'txt', signature: 'text' },
    'application/json': { extension: 'json', signature: 'text' },
    'application/zip': { extension: 'zip', signature: [0x50, 0x4b, 0x03, 0x04] },
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
      extension: 'docx',
      signature: [0x50, 0x4b, 0x03, 0x04],
    },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      extension: 'xlsx',
      signature: [0x50, 0x4b, 0x03, 0x04],
    },
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
      extension: 'pptx',
      signature: [0x50, 0x4b, 0x03, 0x04],
    },
    'application/vnd.oasis.opendocument.text': {
      extension: 'odt',
      signature: [0x50, 0x4b, 0x03, 0x04],
    },
    'application/vnd.oasis.opendocument.spreadsheet': {
      extension: 'ods',
      signature: [0x50, 0x4b, 0x03, 0x04],
    },
  };

export const TOOL_FILE_MEDIA_TYPES = Object.keys(TOOL_FILE_TYPES);

/**
 * Whether the bytes look like the declared type: the binary formats by their signature, the text
 * formats as UTF-8 without NUL bytes. A renamed executable is refused, whatever it claims to be.
 */
export function matchesMediaType(mediaType: string, bytes: Uint8Array): boolean {
  const type = TOOL_FILE_TYPES[mediaType];
  if (!type || bytes.length === 0) return false;
  if (type.signature === 'text') {
    if (bytes.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  }
  return type.signature.every((byte, index) => bytes[index] === byte);
}

/** User agents of crawlers, link previewers, scripted clients and headless browsers. */
const ROBOT_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|bingpreview|facebookexternalhit|embedly|whatsapp|telegrambot|skypeuripreview|mediapartners|adsbot|feedfetcher|ia_archiver|archive\.org|python-requests|python-urllib|aiohttp|httpx|curl\/|wget|libwww|go-http-client|java\/|okhttp|node-fetch|axios|undici|postman|insomnia|scrapy|headlesschrome|phantomjs|lighthouse|pingdom|uptimerobot|semrush|ahrefs|mj12bot|dotbot|petalbot|yandex|baiduspider|duckduckbot|applebot|gptbot|ccbot|claudebot|bytespider/i;

/**
 * Whether a download comes from a robot and must not count: a missing user agent, or one of the
 * crawlers and scripted clients above. `HeadlessChrome` is a robot unless `allowHeadless` (the
 * browser journeys outside production, which say so with a header).
 */
export function isRobot(userAgent: string | undefined, allowHeadless = false): boolean {
  const agent = userAgent?.trim() ?? '';
  if (agent.length === 0) return true;
  if (allowHeadless && /HeadlessChrome/.test(agent)) {
    return ROBOT_AGENT.test(agent.replace(/HeadlessChrome/g, 'Chrome'));
  }
  return ROBOT_AGENT.test(agent);
}

/**
 * A visitor's key for counting downloads (law 09-08: no address is stored): a keyed SHA-256 of
 * the address and the user agent. Without the server's key it cannot be reversed by trying the
 * IPv4 space; it changes when the key does.
 */
export function visitorKey(secret: string, address: string, userAgent: string): string {
  return createHmac('sha256', `knowledge-tool-downloads:${secret}`)
    .update(`${address}\n${userAgent}`)
    .digest('hex');
}

/** Repeated downloads of a version by the same visitor within this window count once. */
export const DOWNLOAD_WINDOW_HOURS = 24;

/** A tool as known at an instant: its counting facts and its versions recorded by then. */
export interface ToolAsKnown {
  id: string;
  kind: string;
  purpose: string;
  orisRole: OrisToolRole;
  licence: string | null;
  versions: { releasedOn: string; language: string; hasFileOrUrl: boolean }[];
}

/** The earliest release (ties: the first listed), or null for a tool without a version. */
export function firstVersion(tool: ToolAsKnown): ToolAsKnown['versions'][number] | null {
  let first: ToolAsKnown['versions'][number] | null = null;
  for (const version of tool.versions) {
    if (!first || version.releasedOn < first.releasedOn) first = version;
  }
  return first;
}

/**
 * "Knowledge tools created in year Y" (OBSERVATORY.md), for a validated tool as known at
 * `knownAt`: its first version was released in Y and on or before `asOf`, ORIS is its creator,
 * co-creator or adapter (never curator), it declares a licence, and a version released on or
 * before `asOf` carries a file or a link. A later version or translation never makes a tool
 * count again: only the first release decides the year.
 */
export function countsAsCreated(tool: ToolAsKnown, year: number, asOf: string): boolean {
  const first = firstVersion(tool);
  if (!first || first.releasedOn > asOf) return false;
  if (Number(first.releasedOn.slice(0, 4)) !== year) return false;
  if (!CREATING_TOOL_ROLES.includes(tool.orisRole)) return false;
  if (!tool.licence) return false;
  return tool.versions.some((version) => version.releasedOn <= asOf && version.hasFileOrUrl);
}

/** Companion: a validated tool is available on `asOf` when a version was released by then. */
export function availableOn(tool: ToolAsKnown, asOf: string): boolean {
  return tool.versions.some((version) => version.releasedOn <= asOf);
}
