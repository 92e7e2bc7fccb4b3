/** `ORIS-2026-000123.pdf`: the serial is what people file certificates under. */
export function certificateFilename(serial: string): string {
  return `${serial.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}
