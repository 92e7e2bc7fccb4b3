import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * Entries per Bitstring Status List: the specification's minimum (16 KiB), which hides which
 * certificate a verifier asks about among 131,072. Certificate n is at position n % SIZE of list
 * n / SIZE + 1.
 */
export const STATUS_LIST_SIZE = 131_072;

export const statusListOf = (index: number) => Math.floor(index / STATUS_LIST_SIZE) + 1;

/** The credential's `credentialStatus`: a revocation entry in a W3C Bitstring Status List. */
export function statusEntry(index: number, listUrl: (list: number) => string) {
  const url = listUrl(statusListOf(index));
  return {
    id: `${url}#${index % STATUS_LIST_SIZE}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index % STATUS_LIST_SIZE),
    statusListCredential: url,
  };
}

/**
 * `encodedList` of a list whose given positions are set: the bits (position 0 the most
 * significant bit of the first byte), GZIP-compressed, base64url, with the multibase prefix `u`.
 * GZIP's header holds no time here (node writes MTIME 0), so the same set gives the same text.
 */
export function encodeStatusList(setPositions: Iterable<number>, size = STATUS_LIST_SIZE): string {
  const bits = Buffer.alloc(size / 8);
  for (const position of setPositions) {
    if (!Number.isInteger(position) || position < 0 || position >= size) {
      throw new RangeError(`Status list position ${position} is outside 0..${size - 1}`);
    }
    bits[position >> 3] |= 0x80 >> (position & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** Whether a position is set in an `encodedList`; throws on a malformed list. */
export function isSetInStatusList(encodedList: string, position: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (position < 0 || position >= bits.length * 8) {
    throw new RangeError(`Status list position ${position} is outside the list`);
  }
  return (bits[position >> 3] & (0x80 >> (position & 7))) !== 0;
}
