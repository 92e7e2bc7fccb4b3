import type { CertificateDocument } from './certificate-document';

/** Main thread → render thread: one certificate to draw. A thread is sent one at a time. */
export interface RenderRequest {
  id: number;
  document: CertificateDocument;
}

/** Sent once by a render thread when its fonts are parsed and it can take requests. */
export interface ThreadReady {
  ready: true;
}

/** A render's failure, as plain data (an Error does not cross threads with its class). */
export interface RenderFailure {
  name: string;
  message: string;
  stack?: string;
}

/**
 * Render thread → main thread: the PDF's bytes, their ArrayBuffer transferred (moved, not
 * copied), or why it could not be drawn.
 */
export type RenderReply =
  | { id: number; pdf: ArrayBuffer; error?: undefined }
  | { id: number; pdf?: undefined; error: RenderFailure };

export type RenderThreadMessage = ThreadReady | RenderReply;
