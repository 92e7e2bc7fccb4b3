import { randomBytes } from 'node:crypto';

/** A small PDF whose bytes differ on every call (content-addressed storage must not mix tests). */
export const uniquePdf = () =>
  Buffer.from(
    `%PDF-1.4\n% ${randomBytes(8).toString('hex')}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n` +
      '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
