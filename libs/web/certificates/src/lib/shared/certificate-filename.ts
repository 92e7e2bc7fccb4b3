/** `ORIS-2026-000123.pdf`: the serial is what people file certificates under. */
export function certificateFilename(serial: string): string {
  return `${serial.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

/** `ORIS-2026-000123.credential.json`: the Data Integrity form's file name (PDFs rendered before 2026-12-06 attach it too). */
export function credentialFilename(serial: string): string {
  return `${serial.replace(/[^A-Za-z0-9-]/g, '_')}.credential.json`;
}
