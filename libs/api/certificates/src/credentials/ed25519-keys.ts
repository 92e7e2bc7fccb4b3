import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** The multicodec prefix of an Ed25519 public key (0xed, as a varint) in a Multikey. */
const ED25519_PUB_MULTICODEC = [0xed, 0x01];
/** DER of PKCS #8 and SPKI around a raw Ed25519 key (RFC 8410): the key's 32 bytes follow. */
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** base58btc (Bitcoin alphabet) to bytes; null when a character is not in the alphabet. */
function base58Decode(text: string): Buffer | null {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58_ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  let zeros = 0;
  while (zeros < text.length && text[zeros] === '1') zeros += 1;
  return Buffer.from([...new Array<number>(zeros).fill(0), ...bytes]);
}

/**
 * The Node key object of an Ed25519 `publicKeyMultibase` (`z6Mk…`: base58btc of the multicodec
 * prefix and the 32 bytes), as in the DID document; null for anything else.
 */
export function ed25519PublicKeyFromMultibase(publicKeyMultibase: string): KeyObject | null {
  if (!publicKeyMultibase.startsWith('z')) return null;
  const bytes = base58Decode(publicKeyMultibase.slice(1));
  if (
    !bytes ||
    bytes.length !== 34 ||
    bytes[0] !== ED25519_PUB_MULTICODEC[0] ||
    bytes[1] !== ED25519_PUB_MULTICODEC[1]
  ) {
    return null;
  }
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, bytes.subarray(2)]),
    format: 'der',
    type: 'spki',
  });
}

/** The Node key object of an Ed25519 private key given by its 32-byte seed (RFC 8032). */
export function ed25519PrivateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new RangeError('An Ed25519 seed is 32 bytes');
  return createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}
