import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { CredentialSigner } from './credential-signer';
import { VC_V2_CONTEXT } from './document-loader';
import { IssuerIdentity } from './issuer-identity';
import { dateTimeStamp } from './open-badge-credential';
import { encodeStatusList, STATUS_LIST_SIZE } from './status-list';
import { VerificationCache } from '../verification/verification-cache';
import { RevocationCache } from './revocation-cache';
import type { JsonObject } from './vc-libraries';

/** `validFrom` of a list that has never had a revocation: when ORIS began publishing them. */
export const STATUS_LISTS_SINCE = new Date('2026-12-01T00:00:00Z');

interface SignedList {
  revoked: string;
  credential: JsonObject;
}

/**
 * The revocation status lists (W3C Bitstring Status List), published by the API as signed
 * `BitstringStatusListCredential`s and derived from the certificates' status each time they are
 * asked for: a revocation shows in the next answer of every API process, with nothing to update
 * or to forget. Signing is the costly part, so each process keeps the last signed list per number
 * and signs again only when its set of revoked positions changed.
 */
@Injectable()
export class CredentialStatusLists {
  private readonly signed = new Map<number, SignedList>();
  private readonly revocations?: RevocationCache;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly issuer: IssuerIdentity,
    private readonly signer: CredentialSigner,
    // In the API, revocation reads are cached as fresh as verification answers (without: read each time).
    @Optional() verificationCache?: VerificationCache,
  ) {
    if (verificationCache) this.revocations = new RevocationCache(verificationCache);
  }

  /** The signed list `list` (1, 2, …); 404 for a list no certificate is in. */
  async listCredential(list: number): Promise<JsonObject> {
    const first = (list - 1) * STATUS_LIST_SIZE;
    const [row]: { certificates: number; revoked: number[] | null; changed: Date | null }[] =
      Number.isSafeInteger(list) && list >= 1
        ? await this.dataSource.query(
            `SELECT count(*)::int AS certificates,
                    array_agg(credential_status_index - $1 ORDER BY credential_status_index)
                      FILTER (WHERE status = 'revoked') AS revoked,
                    max(revoked_at) AS changed
               FROM certificate
              WHERE credential_status_index >= $1 AND credential_status_index < $2`,
            [first, first + STATUS_LIST_SIZE],
          )
        : [{ certificates: 0, revoked: null, changed: null }];
    if (row.certificates === 0 && list !== 1) {
      throw new CertificateException(
        CertificateErrorCode.StatusListNotFound,
        `No status list number ${list}.`,
      );
    }
    const positions = row.revoked ?? [];
    const revoked = positions.join(',');
    const cached = this.signed.get(list);
    if (cached?.revoked === revoked) return cached.credential;

    const url = this.issuer.statusListUrl(list);
    const changed = row.changed ?? STATUS_LISTS_SINCE;
    const credential = await this.signer.sign(
      {
        '@context': [VC_V2_CONTEXT],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.issuer.did,
        validFrom: dateTimeStamp(changed),
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: encodeStatusList(positions),
        },
      },
      changed,
    );
    this.signed.set(list, { revoked, credential });
    return credential;
  }

  /**
   * Whether a credential's entry is set in the published list, read from the certificate the
   * list is derived from (the bit is 1 exactly when that certificate is revoked): one indexed read,
   * remembered until a revocation or an erasure is announced (`RevocationCache`), so a revocation
   * counts from the moment it committed, in every API process.
   */
  isRevoked(list: number, position: number): boolean | Promise<boolean> {
    const index = (list - 1) * STATUS_LIST_SIZE + position;
    const load = async () => {
      const [row]: { revoked: boolean; code?: string }[] = await this.dataSource.query(
        `SELECT status = 'revoked' AS revoked, verification_code AS code
           FROM certificate WHERE credential_status_index = $1`,
        [index],
      );
      return { revoked: row?.revoked === true, code: row?.code ?? null };
    };
    return this.revocations
      ? this.revocations.isRevoked(index, load)
      : load().then((s) => s.revoked);
  }
}
