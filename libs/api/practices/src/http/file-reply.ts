import type { FastifyReply } from 'fastify';

export interface ServedFile {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
  sha256: string;
}

/** A single `bytes=a-b` or `bytes=a-` range; anything else (several ranges, suffixes) is the whole file. */
function parseRange(header: string | undefined): { start: number; end: number | null } | null {
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(header?.trim() ?? '');
  if (!match) return null;
  return { start: Number(match[1]), end: match[2] ? Number(match[2]) : null };
}

/** RFC 6266: an ASCII fallback and the UTF-8 name (Arabic names survive). */
function contentDisposition(fileName: string, inline: boolean): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Sends a stored file as the knowledge tools' downloads do: `Range` support (206 for `bytes=a-b`,
 * 416 outside the file), its SHA-256 as ETag, no sniffing. Images are shown inline.
 */
export async function sendFile(
  reply: FastifyReply,
  rangeHeader: string | undefined,
  file: ServedFile,
  cacheControl: string,
): Promise<void> {
  const size = file.bytes.length;
  reply
    .header('Content-Type', file.mediaType)
    .header(
      'Content-Disposition',
      contentDisposition(file.fileName, file.mediaType.startsWith('image/')),
    )
    .header('Accept-Ranges', 'bytes')
    .header('ETag', `"${file.sha256}"`)
    .header('Cache-Control', cacheControl)
    .header('X-Content-Type-Options', 'nosniff');
  const range = parseRange(rangeHeader);
  if (range) {
    const end = Math.min(range.end ?? size - 1, size - 1);
    if (range.start >= size || end < range.start) {
      await reply.code(416).header('Content-Range', `bytes */${size}`).send();
      return;
    }
    await reply
      .code(206)
      .header('Content-Range', `bytes ${range.start}-${end}/${size}`)
      .send(file.bytes.subarray(range.start, end + 1));
    return;
  }
  await reply.code(200).send(file.bytes);
}
