import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import type { CredentialBody } from './verify/credential-input';
import type {
  AdminCourse,
  BatchJob,
  Certificate,
  CertificateQuery,
  CredentialVerification,
  Enrollment,
  FileMatch,
  PageOf,
  RevokeCertificate,
  Session,
  Verification,
} from './shared/certificate-types';

/** A course runs a handful of cohorts a year: its sessions fit on one page. */
const SESSIONS_PAGE_SIZE = 100;
/** The largest page the API serves; a cohort's completers fit in it. */
const COMPLETERS_PAGE_SIZE = 100;

/** Certificates: public verification, the holder's own, and the administrators' work. */
@Injectable({ providedIn: 'root' })
export class CertificatesApi {
  private readonly api = inject(ORIS_API);

  verify(code: string): Promise<Verification> {
    return unwrap(this.api.GET('/api/v1/verify/{code}', { params: { path: { code } } }));
  }

  /** By the printed serial and the holder's name: the serial alone says nothing. */
  verifyBySerial(serial: string, holderName: string): Promise<Verification> {
    return unwrap(this.api.POST('/api/v1/verify/serial', { body: { serial, holderName } }));
  }

  /** The certificate a PDF was issued as, from the file alone (no code). */
  async verifyFile(file: Blob): Promise<Verification> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return unwrap(
      this.api.POST('/api/v1/verify/file', {
        body: bytes as unknown as string,
        bodySerializer: (body: unknown) => body as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Type': 'application/pdf' },
      }),
    );
  }

  /** Sends the file's bytes as the body: the API hashes exactly what it receives. */
  async matchFile(code: string, file: Blob): Promise<FileMatch> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return unwrap(
      this.api.POST('/api/v1/verify/{code}/file', {
        params: { path: { code } },
        // The generated type says `string` for a binary body; the bytes go through untouched.
        body: bytes as unknown as string,
        bodySerializer: (body: unknown) => body as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Type': 'application/pdf' },
      }),
    );
  }

  /** Checks an Open Badges credential: `{ jwt }` for a VC-JWT, or the credential's JSON. */
  verifyCredential(body: CredentialBody): Promise<CredentialVerification> {
    return unwrap(this.api.POST('/api/v1/verify/credential', { body }));
  }

  mine(): Promise<Certificate[]> {
    return unwrap(this.api.GET('/api/v1/me/certificates'));
  }

  list(query: CertificateQuery): Promise<PageOf<Certificate>> {
    return unwrap(this.api.GET('/api/v1/certificates', { params: { query } }));
  }

  /**
   * The PDF, through the client so the in-memory bearer token goes with it (a plain link would
   * not carry it).
   */
  pdf(id: string): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/certificates/{id}/pdf', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }

  /** The signed Open Badges credential (JSON), as a file to save. */
  credential(id: string): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/certificates/{id}/credential', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }

  revoke(id: string, revocation: RevokeCertificate): Promise<Certificate> {
    return unwrap(
      this.api.POST('/api/v1/certificates/{id}/revoke', {
        params: { path: { id } },
        body: revocation,
      }),
    );
  }

  /** A new certificate in place of `id` (after a correction); `id` is revoked as replaced. */
  reissue(id: string, idempotencyKey: string): Promise<Certificate> {
    return unwrap(
      this.api.POST('/api/v1/certificates/{id}/reissue', {
        params: { path: { id } },
        body: {},
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    );
  }

  issue(enrollmentId: string): Promise<Certificate> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/certificate', {
        params: { path: { id: enrollmentId } },
      }),
    );
  }

  issueForSession(sessionId: string): Promise<{ jobId: string }> {
    return unwrap(
      this.api.POST('/api/v1/sessions/{id}/certificates', {
        params: { path: { id: sessionId } },
      }),
    );
  }

  job(id: string): Promise<BatchJob> {
    return unwrap(this.api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }));
  }

  courses(q: string): Promise<PageOf<AdminCourse>> {
    return unwrap(
      this.api.GET('/api/v1/admin/courses', {
        params: { query: { page: 1, pageSize: 100, ...(q ? { q } : {}) } },
      }),
    );
  }

  async sessions(courseId: string): Promise<Session[]> {
    const page = await unwrap(
      this.api.GET('/api/v1/courses/{courseId}/sessions', {
        params: { path: { courseId }, query: { page: 1, pageSize: SESSIONS_PAGE_SIZE } },
      }),
    );
    return page.items;
  }

  completers(sessionId: string): Promise<PageOf<Enrollment>> {
    return unwrap(
      this.api.GET('/api/v1/sessions/{id}/enrollments', {
        params: {
          path: { id: sessionId },
          query: { page: 1, pageSize: COMPLETERS_PAGE_SIZE, status: 'completed' },
        },
      }),
    );
  }
}
