import { Transform } from 'class-transformer';
import { Matches } from 'class-validator';

/** Trims text; an empty string becomes null, so a blank optional field means "none". */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Names end up in exports, emails and PDFs: no control characters. */
export const HasNoControlCharacters = () =>
  Matches(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, {
    message: '$property must not contain control characters',
  });

/** A note may span lines, but carries no other control character. */
export const NoteText = () =>
  // eslint-disable-next-line no-control-regex
  Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cf}]*$/u, {
    message: '$property must not contain control characters',
  });
