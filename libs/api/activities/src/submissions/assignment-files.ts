import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuthenticatedUser,
  FILE_STORAGE,
  type FileStorage,
  type StoredFileAnswer,
} from '@oris/api/platform';
import {
  ASSIGNMENT_LIMITS,
  checkSubmissionFile,
  SUBMISSION_FILE_KINDS,
  type SubmissionFileKind,
} from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentErrorCode, AssignmentException } from '../assignment.exception';
import { AssignmentAccess } from '../common/assignment-access';
import { AssignmentFile, AssignmentFileRole } from '../entities/assignment-file.entity';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { Assignment } from '../entities/assignment.entity';

/** What a file name may keep (it goes into a Content-Disposition header and an export). */
export const safeFileName = (name: string, kind: SubmissionFileKind): string => {
  const { extension } = SUBMISSION_FILE_KINDS[kind];
  const base =
    name
      .normalize('NFC')
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
      .replace(/^[.\s]+/, '')
      .slice(0, 140) || 'file';
  return `${base}.${extension}`;
};

export interface CheckedFile {
  bytes: Buffer;
  kind: SubmissionFileKind;
  sha256: string;
}

/**
 * The files of submissions and of their feedback, kept in the file storage under their SHA-256
 * (`assignments/<assignment>/<submission>/<sha256>.<ext>`). The kind is the one recognised from
 * the bytes (never the name or the declared type), and only the assignment's kinds are taken.
 */
@Injectable()
export class AssignmentFiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly access: AssignmentAccess,
  ) {}

  /** Checks a trainee's file against the assignment's kinds and size limit. */
  checkSubmissionFile(assignment: Assignment, bytes: Buffer): CheckedFile {
    if (!assignment.acceptsFiles) {
      throw new AssignmentException(AssignmentErrorCode.FilesNotAccepted);
    }
    return checked(bytes, assignment.fileKinds, assignment.maxFileBytes);
  }

  /** A trainer's feedback file: any of the kinds, up to the largest size an assignment allows. */
  checkFeedbackFile(bytes: Buffer): CheckedFile {
    return checked(
      bytes,
      Object.keys(SUBMISSION_FILE_KINDS) as SubmissionFileKind[],
      ASSIGNMENT_LIMITS.maxFileBytes,
    );
  }

  /**
   * Stores the bytes (before the row: a row never names a file that is not there; a stray file
   * from a rolled-back transaction is harmless) and records the file in the caller's transaction.
   */
  async record(
    manager: EntityManager,
    submission: AssignmentSubmission,
    role: AssignmentFileRole,
    name: string,
    file: CheckedFile,
    uploadedBy: string,
  ): Promise<AssignmentFile> {
    const { extension } = SUBMISSION_FILE_KINDS[file.kind];
    const storageKey = `assignments/${submission.assignmentId}/${submission.id}/${file.sha256}.${extension}`;
    await this.storage.put(storageKey, file.bytes);
    return manager.save(
      manager.create(AssignmentFile, {
        submissionId: submission.id,
        role,
        name: safeFileName(name, file.kind),
        kind: file.kind,
        size: file.bytes.length,
        sha256: file.sha256,
        storageKey,
        uploadedBy,
      }),
    );
  }

  /**
   * A file for download: its trainee (feedback files once returned or graded) or the course's
   * graders; 404 for everyone else.
   */
  async download(user: AuthenticatedUser, fileId: string): Promise<StoredFileAnswer> {
    const manager = this.dataSource.manager;
    const file = await manager.findOne(AssignmentFile, { where: { id: fileId } });
    const submission =
      file && (await manager.findOne(AssignmentSubmission, { where: { id: file.submissionId } }));
    if (!file || !submission) throw fileNotFound(fileId);
    const ownsIt =
      submission.userId === user.id &&
      (file.role === 'submission' ||
        submission.status === 'returned' ||
        submission.status === 'graded');
    if (!ownsIt) {
      await this.access.submissionForGrader(manager, user, submission.id).catch(() => {
        throw fileNotFound(fileId);
      });
    }
    return {
      stored: { storage: this.storage, key: file.storageKey, size: file.size },
      fileName: file.name,
      mediaType: SUBMISSION_FILE_KINDS[file.kind].mediaType,
      sha256: file.sha256,
    };
  }
}

function checked(
  bytes: Buffer,
  kinds: readonly SubmissionFileKind[],
  maxBytes: number,
): CheckedFile {
  const verdict = checkSubmissionFile(bytes, kinds, maxBytes);
  if ('refused' in verdict) {
    if (verdict.refused === 'empty') throw new AssignmentException(AssignmentErrorCode.FileEmpty);
    if (verdict.refused === 'too_large') {
      throw new AssignmentException(
        AssignmentErrorCode.FileTooLarge,
        `At most ${maxBytes} bytes per file.`,
      );
    }
    throw new AssignmentException(
      AssignmentErrorCode.FileTypeNotAllowed,
      `Accepted here: ${kinds.join(', ')}.`,
    );
  }
  return {
    bytes,
    kind: verdict.kind,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

export const fileNotFound = (id: string) =>
  new AssignmentException(AssignmentErrorCode.FileNotFound, `No file with id ${id}.`);
