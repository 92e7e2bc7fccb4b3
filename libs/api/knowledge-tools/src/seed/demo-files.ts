import PDFDocument from 'pdfkit';

/** A small real PDF (one page of text), made at seed time; byte-identical for the same text. */
export function demoPdf(title: string, lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: title, Author: 'ORIS', CreationDate: new Date('2026-01-01T00:00:00Z') },
    });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.font('Helvetica-Bold').fontSize(18).text(title);
    document.moveDown();
    document.font('Helvetica').fontSize(11);
    for (const line of lines) document.text(line).moveDown(0.5);
    document.end();
  });
}

/** A small CSV (UTF-8, `;`-separated) of rows. */
export function demoCsv(rows: (string | number)[][]): Buffer {
  return Buffer.from(rows.map((row) => row.join(';')).join('\r\n') + '\r\n', 'utf8');
}
