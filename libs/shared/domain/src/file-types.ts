/**
 * What a file's own bytes say it is, whatever name or media type the client gave it: the one
 * content sniffer of the platform (module material, assignment files, practice attachments), each
 * feature then accepting the types it takes. Recognised: PDF; office documents (DOCX, XLSX,
 * PPTX, ODT, ODP); images (PNG, JPEG, GIF, WebP — never SVG, which can carry script); audio (MP3,
 * M4A, Ogg, WAV, FLAC); video (MP4, WebM); and UTF-8 plain text. Null for anything else, so a
 * renamed executable is refused rather than stored and served back. Isomorphic (no Buffer).
 */
export interface SniffedType {
  mediaType: string;
  extension: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const OPEN_DOCUMENTS: Readonly<Record<string, string>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

/** Whether the ASCII `text` occurs anywhere in the bytes (a ZIP's entry names are in clear). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  for (let at = bytes.indexOf(first); at !== -1; at = bytes.indexOf(first, at + 1)) {
    let index = 1;
    while (index < text.length && bytes[at + index] === text.charCodeAt(index)) index++;
    if (index === text.length) return true;
  }
  return false;
}

/** ISO base media (MP4, M4A): `ftyp` at offset 4, then the major brand. */
function isoBrand(bytes: Uint8Array): string | null {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  return ascii(bytes, 8, 12);
}

/** An office document inside a ZIP; any other ZIP is not recognised. */
function sniffZip(bytes: Uint8Array): SniffedType | null {
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the media type.
  if (ascii(bytes, 30, 38) === 'mimetype') {
    for (const [mediaType, extension] of Object.entries(OPEN_DOCUMENTS)) {
      if (ascii(bytes, 38, 38 + mediaType.length) === mediaType) return { mediaType, extension };
    }
    return null;
  }
  // OOXML: the parts' names tell a Word document from a workbook or a presentation.
  if (!containsAscii(bytes, '[Content_Types].xml')) return null;
  if (containsAscii(bytes, 'word/document.xml')) return { mediaType: DOCX, extension: 'docx' };
  if (containsAscii(bytes, 'xl/workbook.xml')) return { mediaType: XLSX, extension: 'xlsx' };
  if (containsAscii(bytes, 'ppt/presentation.xml')) return { mediaType: PPTX, extension: 'pptx' };
  return null;
}

/** UTF-8 text without NUL or control characters other than tab, line feed, form feed, CR. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    return !/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
  } catch {
    return false;
  }
}

/** The binary formats, by their signatures; null when none matches. */
function sniffBinary(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { mediaType: 'application/pdf', extension: 'pdf' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mediaType: 'image/png', extension: 'png' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  if (bytes.length < 4) return null;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') {
    return { mediaType: 'image/gif', extension: 'gif' };
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && bytes.length >= 12) {
    const form = ascii(bytes, 8, 12);
    if (form === 'WEBP') return { mediaType: 'image/webp', extension: 'webp' };
    if (form === 'WAVE') return { mediaType: 'audio/wav', extension: 'wav' };
    return null;
  }
  if (ascii(bytes, 0, 4) === 'OggS') return { mediaType: 'audio/ogg', extension: 'ogg' };
  if (ascii(bytes, 0, 4) === 'fLaC') return { mediaType: 'audio/flac', extension: 'flac' };
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && (bytes[1] & 0xe6) === 0xe2)) {
    // An ID3 tag, or an MPEG audio frame sync with layer III.
    return { mediaType: 'audio/mpeg', extension: 'mp3' };
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    return { mediaType: 'video/webm', extension: 'webm' };
  }
  const brand = isoBrand(bytes);
  if (brand === 'M4A ' || brand === 'M4B ') return { mediaType: 'audio/mp4', extension: 'm4a' };
  if (brand !== null && /^(isom|iso[2-9]|mp41|mp42|avc1|M4V |dash|mmp4)$/.test(brand)) {
    return { mediaType: 'video/mp4', extension: 'mp4' };
  }
  return null;
}

/** The type of a file from its content (see the top of this file), or null. */
export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  const binary = sniffBinary(bytes);
  if (binary) return binary;
  return isPlainText(bytes) ? { mediaType: 'text/plain', extension: 'txt' } : null;
}
