/**
 * Everything printed on a (French–Arabic) certificate, already resolved to display values. The renderer draws
 * these strings as text (never markup) and derives nothing from the clock or randomness, so the
 * same input always yields the same bytes (its SHA-256 is recorded and checked by verifiers).
 */
export interface CertificateDocument {
  /** `ORIS-YYYY-NNNNNN`. */
  serial: string;
  /** Full public verification URL encoded in the QR code and printed under it. */
  verificationUrl: string;
  /** Verification code printed in text for people who cannot scan. */
  verificationCode: string;
  holderName: string;
  /** The holder's name in Arabic script, when they gave one. */
  holderNameAr: string | null;
  courseTitle: string;
  hours: number;
  /** ISO dates (YYYY-MM-DD). */
  sessionStartsOn: string;
  sessionEndsOn: string;
  completedOn: string;
  issuedOn: string;
  /** Region names as printed (French and Arabic). */
  regionName: string;
  regionNameAr: string;
  /**
   * The signed Open Badges 3.0 credential (JSON text), attached to the PDF as
   * `<serial>.credential.json`; absent for a PDF without one (tests, benchmarks of the drawing).
   */
  credentialJson?: string | null;
  /** The same credential as a VC-JWT, attached as `<serial>.credential.jwt`; absent likewise. */
  credentialJwt?: string | null;
}
