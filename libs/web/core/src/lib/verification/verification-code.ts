import { verificationCodeCandidates } from '@oris/shared/domain';

/**
 * The code in what a person typed or pasted: the code itself (typed from paper: case, spaces,
 * dashes and Arabic-Indic digits do not matter), or the whole verification link (from the QR
 * code or the email). Null when it cannot be a code.
 */
export function codeFrom(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  const match = /\/verify\/([^/?#\s]+)/.exec(text);
  const candidate = match ? safeDecode(match[1]) : text;
  return verificationCodeCandidates(candidate)[0] ?? null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
