/** `ORIS-2026-000123.pdf`: the serial is what people file certificates under. */
export function certificateFilename(serial: string): string {
  return `${serial.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

/** `ORIS-2026-000123.credential.json`: the name the PDF's attachment has too. */
export function credentialFilename(serial: string): string {
  return `${serial.replace(/[^A-Za-z0-9-]/g, '_')}.credential.json`;
}
