import { Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import {
  cleanText,
  dayInstant,
  loadPdfFonts,
  ORIS_NAME_FR,
  registerPdfFonts,
  type PdfFonts,
} from '@oris/api/pdf';
import type { CertificateDocument } from './certificate-document';
import { CertificateLayout } from './certificate-layout';

export { ORIS_NAME_AR, ORIS_NAME_FR } from '@oris/api/pdf';

/** Fixed document metadata: nothing here may come from the clock or randomness. */
export const CERTIFICATE_PDF_PRODUCER = 'ORIS Academy certificate renderer 1';
export const CERTIFICATE_PDF_CREATOR = 'ORIS Academy';

/** The name of the credential attached to a certificate's PDF (JSON, Data Integrity proof). */
export const credentialAttachmentName = (serial: string) => `${serial}.credential.json`;
/** The name of the same credential as a VC-JWT, attached beside it. */
export const credentialJwtAttachmentName = (serial: string) => `${serial}.credential.jwt`;

const CREDENTIAL_FORMS = {
  json: {
    name: credentialAttachmentName,
    type: 'application/json',
    description: 'Open Badges 3.0 verifiable credential (W3C VC, eddsa-rdfc-2022)',
  },
  jwt: {
    name: credentialJwtAttachmentName,
    type: 'application/vc+jwt',
    description: 'Open Badges 3.0 verifiable credential (W3C VC, VC-JWT, EdDSA)',
  },
};

/**
 * Embeds the signed credential as a file (an associated file of the document, listed in its
 * attachments). Its dates are the issue instant, not the clock, so the bytes stay deterministic.
 */
function attachCredential(
  doc: PDFKit.PDFDocument,
  form: keyof typeof CREDENTIAL_FORMS,
  serial: string,
  text: string,
  at: Date,
): void {
  const { name, type, description } = CREDENTIAL_FORMS[form];
  // pdfkit's `relationship` (the file's /AFRelationship) is missing from @types/pdfkit.
  const options = {
    name: name(serial),
    type,
    description,
    relationship: 'Supplement',
    creationDate: at,
    modifiedDate: at,
  };
  doc.file(Buffer.from(text, 'utf8'), options);
}

/**
 * Renders ORIS certificates (A4 landscape, French and Arabic) as PDF files with pdfkit: the
 * document (metadata, fonts, the page `CertificateLayout` draws, the attached credential). Fonts are parsed once
 * per instance and shared by every document (see `loadPdfFonts` in @oris/api/pdf for what that takes).
 * Output is deterministic: same input, same bytes, in any process — metadata dates come from
 * `issuedOn`, pdfkit's file id is an MD5 of that metadata (which includes the serial), font
 * subset tags come from the order fonts are first used, and no clock, locale or time zone is read.
 */
@Injectable()
export class CertificateRenderer {
  private readonly fonts: PdfFonts = loadPdfFonts();
  private readonly layout = new CertificateLayout(this.fonts);

  render(certificate: CertificateDocument): Promise<Buffer> {
    const issuedAt = dayInstant(certificate.issuedOn);
    const serial = cleanText(certificate.serial);
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 0,
      // No default Helvetica: only the embedded fonts end up in the file.
      font: null as unknown as string,
      lang: 'fr-MA',
      displayTitle: true,
      info: {
        Title: `Certificat ${serial}`,
        Author: `${ORIS_NAME_FR} (ORIS)`,
        Subject: 'Certificat de formation ORIS Academy',
        Creator: CERTIFICATE_PDF_CREATOR,
        Producer: CERTIFICATE_PDF_PRODUCER,
        CreationDate: issuedAt,
        ModDate: issuedAt,
      },
    });
    registerPdfFonts(doc, this.fonts);
    const done = new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    try {
      this.layout.draw(doc, certificate, serial);
      if (certificate.credentialJson)
        attachCredential(doc, 'json', serial, certificate.credentialJson, issuedAt);
      if (certificate.credentialJwt)
        attachCredential(doc, 'jwt', serial, certificate.credentialJwt, issuedAt);
      doc.end();
    } catch (error) {
      doc.destroy();
      return Promise.reject(error);
    }
    return done;
  }
}
