/**
 * Hands a downloaded file to the browser under a name. Files behind the API are fetched with the
 * bearer token (kept in memory only), so they are saved from a blob URL rather than linked to.
 */
export function saveFile(blob: Blob, filename: string, document: Document): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
