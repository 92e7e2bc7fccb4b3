import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FileStorage } from '../storage/file-storage';

/**
 * A file kept in the storage, sent by ranged reads: only the bytes asked for are read, as they
 * are sent. `size` is the size recorded with the file (its row's).
 */
export interface StoredFileSource {
  storage: FileStorage;
  key: string;
  size: number;
}

/**
 * A file about to be sent and what the answer says about it: its bytes when they are already in
 * memory (a file made for this answer), else where the storage keeps them (`stored`).
 */
export type StoredFileAnswer = StoredFileDescription &
  ({ bytes: Buffer; stored?: never } | { stored: StoredFileSource; bytes?: never });

export interface StoredFileDescription {
  fileName: string;
  mediaType: string;
  /** The file's SHA-256 (hex): its strong ETag, which `If-Range` compares. */
  sha256: string;
  /** `inline` for what the page shows itself (images, audio, video); `attachment` by default. */
  disposition?: 'inline' | 'attachment';
}

/** The byte range a `Range` header asks for, before the file's size is known. */
export type RequestedRange =
  { kind: 'from'; start: number; end: number | null } | { kind: 'suffix'; length: number };

/**
 * A single `bytes=a-b`, `bytes=a-` or `bytes=-n` range. Anything else (several ranges, other
 * units, garbage) is null, and the whole file is sent with 200, as RFC 9110 allows.
 */
export function parseByteRange(header: string | undefined): RequestedRange | null {
  const match = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return null;
  if (match[1] === '') return { kind: 'suffix', length: Number(match[2]) };
  return { kind: 'from', start: Number(match[1]), end: match[2] === '' ? null : Number(match[2]) };
}

/**
 * The inclusive byte span a range covers in a file of `size` bytes, or null when it is not
 * satisfiable (416): a start at or past the end, an end before the start, an empty suffix.
 */
export function resolveByteRange(
  range: RequestedRange,
  size: number,
): { start: number; end: number } | null {
  if (range.kind === 'suffix') {
    if (range.length === 0 || size === 0) return null;
    return { start: Math.max(0, size - range.length), end: size - 1 };
  }
  const end = Math.min(range.end ?? size - 1, size - 1);
  if (range.start >= size || end < range.start) return null;
  return { start: range.start, end };
}

/**
 * RFC 6266: an ASCII fallback (quotes, backslashes, control and non-ASCII characters replaced)
 * and the UTF-8 name, so Arabic names survive and no name can break out of the header.
 */
export function contentDisposition(
  fileName: string,
  disposition: 'inline' | 'attachment' = 'attachment',
): string {
  const cleaned = fileName.replace(/[\r\n]/g, ' ');
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cleaned)}`;
}

/**
 * The one way to answer with a stored file: `Accept-Ranges`, a strong `ETag` (the SHA-256),
 * a safe `Content-Disposition`, and byte ranges — 206 with `Content-Range` for one satisfiable
 * range, 416 with `bytes *\/size` for one that is not, and the whole file (200) when `If-Range`
 * names another version or the header asks for something this does not serve (several ranges).
 * `If-None-Match` with the same ETag is a 304.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFileAnswer,
): Promise<void> {
  const size = file.bytes ? file.bytes.length : file.stored.size;
  const etag = `"${file.sha256}"`;
  reply
    .header('Content-Type', file.mediaType)
    .header('Content-Disposition', contentDisposition(file.fileName, file.disposition))
    .header('Accept-Ranges', 'bytes')
    .header('ETag', etag)
    .header('X-Content-Type-Options', 'nosniff');
  if (matchesEtag(request.headers['if-none-match'], etag)) {
    await reply.code(304).send();
    return;
  }
  const range = rangeToServe(request, etag);
  if (range) {
    const span = resolveByteRange(range, size);
    if (!span) {
      await reply.code(416).header('Content-Range', `bytes */${size}`).send();
      return;
    }
    const body = await bytesOf(file, span.start, span.end);
    await reply
      .code(206)
      .header('Content-Range', `bytes ${span.start}-${span.end}/${size}`)
      .header('Content-Length', String(span.end - span.start + 1))
      .send(body);
    return;
  }
  const body = size === 0 ? Buffer.alloc(0) : await bytesOf(file, 0, size - 1);
  await reply.code(200).header('Content-Length', String(size)).send(body);
}

/** The bytes `start`–`end` (inclusive): a slice of those in memory, or a ranged read of the storage. */
function bytesOf(file: StoredFileAnswer, start: number, end: number): Promise<Buffer | Readable> {
  if (file.bytes) return Promise.resolve(file.bytes.subarray(start, end + 1));
  return file.stored.storage.readRange(file.stored.key, start, end);
}

/** The range to honour: none when `If-Range` names another version (then the whole file). */
function rangeToServe(request: FastifyRequest, etag: string): RequestedRange | null {
  const range = parseByteRange(request.headers.range);
  if (!range) return null;
  const ifRange = request.headers['if-range'];
  if (ifRange !== undefined && String(ifRange).trim() !== etag) return null;
  return range;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
