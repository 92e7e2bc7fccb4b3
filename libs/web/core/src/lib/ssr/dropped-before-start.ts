/**
 * Files dropped on a server-rendered page's file drop zones before the app started. Angular's
 * event replay covers clicks, keys and typing, not drag and drop: without this, a certificate PDF
 * dropped on the verification page while the app is still loading would be opened by the browser
 * in place of the page. The page's early script (scheduleAppStart) records such drops under
 * this global; each FileDropZone takes the last file dropped on it once it runs.
 */
export const FILES_DROPPED_BEFORE_START = '__orisFilesDroppedBeforeStart';

/** The class of a drop zone's element (FileDropZone's host), as the early script finds it. */
export const FILE_DROP_ZONE_CLASS = 'oris-file-drop-zone';

interface DroppedFile {
  zone: Element;
  file: File;
}

/**
 * The last file dropped on this zone before the app started, or null; taken once (the records for
 * the zone are removed). Server side, and on pages without the early script, always null.
 */
export function takeFileDroppedBeforeStart(zone: Element): File | null {
  const dropped = (globalThis as Record<string, unknown>)[FILES_DROPPED_BEFORE_START];
  if (!Array.isArray(dropped)) return null;
  let file: File | null = null;
  for (let index = dropped.length - 1; index >= 0; index -= 1) {
    const record = dropped[index] as DroppedFile;
    if (record.zone !== zone) continue;
    file ??= record.file;
    dropped.splice(index, 1);
  }
  return file;
}
