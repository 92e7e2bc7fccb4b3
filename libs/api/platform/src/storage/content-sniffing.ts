/** What a file's own bytes say it is. */
export interface SniffedType {
  mediaType: string;
  extension: string;
}

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04] as const;
const OPEN_DOCUMENT_PRESENTATION = 'application/vnd.oasis.opendocument.presentation';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** ISO base media (MP4, M4A): `ftyp` at offset 4, then the major brand. */
function isoBrand(bytes: Uint8Array): string | null {
  if (bytes.length < 12 || ascii(bytes, 4, 8) !== 'ftyp') return null;
  return ascii(bytes, 8, 12);
}

/** An OOXML or OpenDocument presentation inside a ZIP; any other ZIP is not sniffed. */
function sniffZip(bytes: Uint8Array): SniffedType | null {
  // OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the media type.
  if (ascii(bytes, 30, 38) === 'mimetype') {
    const declared = ascii(bytes, 38, 38 + OPEN_DOCUMENT_PRESENTATION.length);
    return declared === OPEN_DOCUMENT_PRESENTATION
      ? { mediaType: OPEN_DOCUMENT_PRESENTATION, extension: 'odp' }
      : null;
  }
  // OOXML: the central directory names the presentation part (the names are never compressed).
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (names.includes('[Content_Types].xml') && names.includes('ppt/presentation.xml')) {
    return { mediaType: PPTX, extension: 'pptx' };
  }
  return null;
}

/**
 * The type of a file from its content, whatever name or media type the client gave it: PDF,
 * presentations (PPTX, ODP), images (PNG, JPEG, GIF, WebP — never SVG, which can carry script),
 * audio (MP3, M4A, Ogg, WAV, FLAC) and video (MP4, WebM). Null for anything else, so a renamed
 * executable or an HTML page is refused rather than served back.
 */
export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  if (bytes.length < 4) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return { mediaType: 'application/pdf', extension: 'pdf' };
  }
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mediaType: 'image/png', extension: 'png' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
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
  if (brand !== null) {
    if (brand === 'M4A ' || brand === 'M4B ') return { mediaType: 'audio/mp4', extension: 'm4a' };
    if (/^(isom|iso[2-9]|mp41|mp42|avc1|M4V |dash|mmp4)$/.test(brand)) {
      return { mediaType: 'video/mp4', extension: 'mp4' };
    }
  }
  return null;
}
