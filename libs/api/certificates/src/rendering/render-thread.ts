// The program of one render thread of `RenderThreadPool`: parses the fonts once, then draws the
// certificates it is sent, one at a time, and hands each PDF back without copying it. It imports
// the renderer and nothing else of the application (no database, no queue), so a thread starts
// light. In a worker build it is the bundle's second entry, `render-thread.js` beside `main.js`
// (apps/worker/webpack.config.js); from the sources the pool runs this file through @swc-node.
import { parentPort } from 'node:worker_threads';
import { CertificateRenderer } from './certificate-renderer';
import type {
  RenderFailure,
  RenderReply,
  RenderRequest,
  RenderThreadMessage,
} from './render-thread.protocol';

const port = parentPort;
if (!port) {
  throw new Error('render-thread is the program of a RenderThreadPool thread, not a script to run');
}

const renderer = new CertificateRenderer();

/**
 * The PDF's own ArrayBuffer, so that it can be transferred. `Buffer.concat` gives a PDF (tens of
 * KiB) a buffer of its own; a small one could sit in Node's shared pool, and is then copied out.
 */
function ownArrayBuffer(pdf: Buffer): ArrayBuffer {
  if (
    pdf.buffer instanceof ArrayBuffer &&
    pdf.byteOffset === 0 &&
    pdf.byteLength === pdf.buffer.byteLength
  ) {
    return pdf.buffer;
  }
  const copy = new ArrayBuffer(pdf.byteLength);
  new Uint8Array(copy).set(pdf);
  return copy;
}

function failure(error: unknown): RenderFailure {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack }
    : { name: 'Error', message: String(error) };
}

// async: a renderer that throws before its first await still answers with a rejection.
const draw = async (document: RenderRequest['document']) => renderer.render(document);

const reply = (message: RenderThreadMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

port.on('message', ({ id, document }: RenderRequest) => {
  // A failed render answers its request and keeps the thread: only this certificate is at fault.
  draw(document).then(
    (pdf) => {
      const bytes = ownArrayBuffer(pdf);
      reply({ id, pdf: bytes } satisfies RenderReply, [bytes]);
    },
    (error: unknown) => reply({ id, error: failure(error) } satisfies RenderReply),
  );
});

reply({ ready: true });
