// Codes are base64url (≥ 128 random bits); the verification link ends with one.
const CODE = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * The code in what a person typed or pasted: the code itself, or the whole verification link
 * (from the QR code or the email). Null when it cannot be a code.
 */
export function codeFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const match = /\/verify\/([^/?#\s]+)/.exec(text);
  const candidate = match ? decodeURIComponent(match[1]) : text;
  return CODE.test(candidate) ? candidate : null;
}
