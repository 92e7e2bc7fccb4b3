import { AssignmentErrorCode, AssignmentException } from '../assignment.exception';
import { RAW_UPLOAD_CONTENT_TYPE } from '@oris/api/platform';

/** The uploaded file, or 400 when the body was not sent as a file. */
export function fileBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body)) {
    throw new AssignmentException(
      AssignmentErrorCode.FileEmpty,
      `Send the file as the request body with Content-Type: ${RAW_UPLOAD_CONTENT_TYPE}.`,
    );
  }
  return body;
}
