import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser } from '@oris/api/platform';
import { todayInMorocco } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import {
  ContributionInputDto,
  CreatePartnershipDto,
  PartyInputDto,
  SignatureDto,
  TerminationDto,
  UpdatePartnershipDto,
} from '../dto/partnership-input.dto';
import { PartnershipDto } from '../dto/partnership.dto';
import {
  PartnershipErrorCode,
  PartnershipException,
  partnershipNotFound,
} from '../partnership.exception';
import { PartnershipChecks, type PartnershipTerms } from './partnership-checks';
import { PartnershipReader } from './partnership-reader';
import {
  historyText,
  type PartnershipRecord,
  PartnershipRecords,
  TRACKED_FIELDS,
  type TrackedColumn,
} from './partnership-records';

const fail = (code: PartnershipErrorCode, detail?: string) =>
  new PartnershipException(code, detail);

/**
 * Records partnerships, their parties, signatures and termination. Every change is one
 * transaction with its audit event; each change of a dated fact (dates, renewal settings,
 * signatures, termination, parties) writes the value it replaces to `partnership_history`, so
 * figures known at an earlier instant can be reproduced.
 */
@Injectable()
export class PartnershipWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PartnershipRecords,
    private readonly check: PartnershipChecks,
    private readonly reader: PartnershipReader,
    private readonly audit: AuditLog,
  ) {}

  async create(user: AuthenticatedUser, dto: CreatePartnershipDto): Promise<PartnershipDto> {
    return this.dataSource.transaction(async (manager) => {
      const terms: PartnershipTerms = {
        title: dto.title,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        startsOn: dto.startsOn,
        endsOn: dto.endsOn ?? null,
        renewalMode: dto.renewalMode,
        noticeDays: dto.noticeDays,
        renewalMonths: dto.renewalMonths ?? null,
      };
      await this.check.terms(manager, null, terms);
      await this.check.parties(manager, dto.parties, dto.contributions ?? []);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO partnership (title, kind, parent_id, starts_on, ends_on, renewal_mode,
                                  notice_days, renewal_months, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          terms.title,
          terms.kind,
          terms.parentId,
          terms.startsOn,
          terms.endsOn,
          terms.renewalMode,
          terms.noticeDays,
          terms.renewalMonths,
          user.id,
        ],
      );
      for (const party of dto.parties) await this.insertParty(manager, id, party);
      await this.replaceContributions(manager, id, dto.contributions ?? []);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'partnership.created',
        subjectType: 'partnership',
        subjectId: id,
        data: { kind: terms.kind, parentId: terms.parentId, parties: dto.parties.length },
      });
      return this.reader.get(id, todayInMorocco(), manager);
    });
  }

  async update(
    user: AuthenticatedUser,
    id: string,
    dto: UpdatePartnershipDto,
  ): Promise<PartnershipDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, id);
      const renewalMode = dto.renewalMode ?? before.renewalMode;
      const terms: PartnershipTerms = {
        title: dto.title ?? before.title,
        kind: dto.kind ?? before.kind,
        parentId: dto.parentId !== undefined ? dto.parentId : before.parentId,
        startsOn: dto.startsOn ?? before.startsOn,
        endsOn: dto.endsOn !== undefined ? dto.endsOn : before.endsOn,
        renewalMode,
        noticeDays: dto.noticeDays ?? before.noticeDays,
        // Leaving tacit renewal clears its period unless one is sent (then refused).
        renewalMonths:
          dto.renewalMonths !== undefined
            ? dto.renewalMonths
            : renewalMode === 'tacit'
              ? before.renewalMonths
              : null,
      };
      await this.check.terms(manager, id, terms);
      const changed = (Object.keys(TRACKED_FIELDS) as TrackedColumn[]).filter(
        (column) =>
          column !== 'terminated_on' &&
          terms[TRACKED_FIELDS[column] as keyof PartnershipTerms] !==
            before[TRACKED_FIELDS[column] as keyof PartnershipTerms],
      );
      if (changed.length > 0) {
        for (const column of changed) {
          const field = TRACKED_FIELDS[column] as keyof PartnershipTerms;
          await this.history(manager, user, id, null, column, before[field], terms[field]);
        }
        await manager.query(
          `UPDATE partnership SET title = $2, kind = $3, parent_id = $4, starts_on = $5,
                  ends_on = $6, renewal_mode = $7, notice_days = $8, renewal_months = $9,
                  updated_at = now()
            WHERE id = $1`,
          [
            id,
            terms.title,
            terms.kind,
            terms.parentId,
            terms.startsOn,
            terms.endsOn,
            terms.renewalMode,
            terms.noticeDays,
            terms.renewalMonths,
          ],
        );
      }
      const parties = dto.parties ?? before.parties;
      // Contributions not sent stay, but those of a removed party go with it.
      if (dto.parties || dto.contributions) {
        await this.check.parties(manager, parties, dto.contributions ?? []);
      }
      const partyChanges = dto.parties
        ? await this.replaceParties(manager, user, before, dto.parties)
        : 0;
      if (dto.contributions) await this.replaceContributions(manager, id, dto.contributions);
      if (changed.length > 0 || partyChanges > 0 || dto.contributions) {
        await manager.query(`UPDATE partnership SET updated_at = now() WHERE id = $1`, [id]);
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'partnership.changed',
          subjectType: 'partnership',
          subjectId: id,
          data: {
            changes: [
              ...changed.map((column) => TRACKED_FIELDS[column]),
              ...(partyChanges > 0 ? ['parties'] : []),
              ...(dto.contributions ? ['contributions'] : []),
            ].join(','),
          },
        });
      }
      return this.reader.get(id, todayInMorocco(), manager);
    });
  }

  /**
   * Records a party's signature (409 if it signed already), or corrects its date with
   * `correction` (the earlier date stays known as it was until then). Not in the future.
   */
  async sign(user: AuthenticatedUser, id: string, dto: SignatureDto): Promise<PartnershipDto> {
    if (dto.signedOn > todayInMorocco()) {
      throw fail(PartnershipErrorCode.SignatureInFuture, `${dto.signedOn} is after today.`);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, id);
      const [party]: { signedOn: string | null }[] = await manager.query(
        `SELECT to_char(signed_on, 'YYYY-MM-DD') AS "signedOn" FROM partnership_party
          WHERE id = $1 AND partnership_id = $2 FOR UPDATE`,
        [dto.partyId, id],
      );
      if (!party) throw fail(PartnershipErrorCode.PartyNotFound, `No party ${dto.partyId} here.`);
      if (party.signedOn !== null && !dto.correction) {
        throw fail(PartnershipErrorCode.AlreadySigned, `It signed on ${party.signedOn}.`);
      }
      if (party.signedOn === null && dto.correction) throw fail(PartnershipErrorCode.NotSigned);
      if (party.signedOn === dto.signedOn) return this.reader.get(id, todayInMorocco(), manager);
      await manager.query(
        `UPDATE partnership_party SET signed_on = $2, signed_recorded_at = now(), signed_by = $3
          WHERE id = $1`,
        [dto.partyId, dto.signedOn, user.id],
      );
      await this.history(manager, user, id, dto.partyId, 'signed_on', party.signedOn, dto.signedOn);
      await manager.query(`UPDATE partnership SET updated_at = now() WHERE id = $1`, [id]);
      await this.audit.record(manager, {
        actorId: user.id,
        action: dto.correction ? 'partnership.signature_corrected' : 'partnership.signed',
        subjectType: 'partnership',
        subjectId: id,
        data: { partyId: dto.partyId, signedOn: dto.signedOn, before: party.signedOn },
      });
      return this.reader.get(id, todayInMorocco(), manager);
    });
  }

  /** Ends a partnership early (its family, for a head): 409 if it is already terminated. */
  async terminate(
    user: AuthenticatedUser,
    id: string,
    dto: TerminationDto,
  ): Promise<PartnershipDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, id);
      if (before.terminatedOn !== null) {
        throw fail(PartnershipErrorCode.AlreadyTerminated, `On ${before.terminatedOn}.`);
      }
      if (dto.terminatedOn < before.startsOn) {
        throw fail(PartnershipErrorCode.InvalidDates, 'It cannot end before it starts.');
      }
      await manager.query(
        `UPDATE partnership SET terminated_on = $2, termination_reason = $3,
                terminated_recorded_at = now(), updated_at = now()
          WHERE id = $1`,
        [id, dto.terminatedOn, dto.reason || null],
      );
      await this.history(manager, user, id, null, 'terminated_on', null, dto.terminatedOn);
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'partnership.terminated',
        subjectType: 'partnership',
        subjectId: id,
        data: { terminatedOn: dto.terminatedOn },
      });
      return this.reader.get(id, todayInMorocco(), manager);
    });
  }

  /** The agreement as stored, its row locked for the change. */
  async lock(manager: EntityManager, id: string): Promise<PartnershipRecord> {
    const locked: { id: string }[] = await manager.query(
      `SELECT id FROM partnership WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (locked.length === 0) throw partnershipNotFound(id);
    const [record] = await this.records.load(manager, { ids: [id] });
    return record;
  }

  async history(
    manager: EntityManager,
    user: AuthenticatedUser | null,
    partnershipId: string,
    partyId: string | null,
    field: string,
    before: string | number | boolean | null,
    after: string | number | boolean | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO partnership_history (partnership_id, party_id, field, old_value, new_value, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [partnershipId, partyId, field, historyText(before), historyText(after), user?.id ?? null],
    );
  }

  private async insertParty(manager: EntityManager, partnershipId: string, party: PartyInputDto) {
    await manager.query(
      `INSERT INTO partnership_party (partnership_id, organisation_id, role, signature_required)
       VALUES ($1, $2, $3, $4)`,
      [partnershipId, party.organisationId, party.role, party.signatureRequired],
    );
  }

  /** Adds, changes and removes parties (one that signed cannot go); how many changed. */
  private async replaceParties(
    manager: EntityManager,
    user: AuthenticatedUser,
    before: PartnershipRecord,
    parties: readonly PartyInputDto[],
  ): Promise<number> {
    let changes = 0;
    const wanted = new Map(parties.map((party) => [party.organisationId, party]));
    for (const party of before.parties) {
      const next = wanted.get(party.organisationId);
      if (next) continue;
      if (party.signedOn !== null) {
        throw fail(PartnershipErrorCode.SignedPartyRemoved, `${party.organisationName} signed.`);
      }
      // Contributions of a removed party go with it (their foreign key cascades).
      await manager.query(`DELETE FROM partnership_party WHERE id = $1`, [party.id]);
      const removed = {
        id: party.id,
        partnershipId: party.partnershipId,
        organisationId: party.organisationId,
        role: party.role,
        signatureRequired: party.signatureRequired,
        signedOn: null,
        signedRecordedAt: null,
        recordedAt: new Date(party.recordedAt).toISOString(),
      };
      await this.history(
        manager,
        user,
        before.id,
        null,
        'party_removed',
        JSON.stringify(removed),
        null,
      );
      changes += 1;
    }
    for (const next of parties) {
      const party = before.parties.find((p) => p.organisationId === next.organisationId);
      if (!party) {
        await this.insertParty(manager, before.id, next);
        changes += 1;
        continue;
      }
      if (party.role === next.role && party.signatureRequired === next.signatureRequired) continue;
      if (party.role !== next.role) {
        await this.history(manager, user, before.id, party.id, 'role', party.role, next.role);
      }
      if (party.signatureRequired !== next.signatureRequired) {
        await this.history(
          manager,
          user,
          before.id,
          party.id,
          'signature_required',
          party.signatureRequired,
          next.signatureRequired,
        );
      }
      await manager.query(
        `UPDATE partnership_party SET role = $2, signature_required = $3 WHERE id = $1`,
        [party.id, next.role, next.signatureRequired],
      );
      changes += 1;
    }
    return changes;
  }

  private async replaceContributions(
    manager: EntityManager,
    partnershipId: string,
    contributions: readonly ContributionInputDto[],
  ) {
    await manager.query(`DELETE FROM partnership_contribution WHERE partnership_id = $1`, [
      partnershipId,
    ]);
    for (const [position, contribution] of contributions.entries()) {
      await manager.query(
        `INSERT INTO partnership_contribution
           (partnership_id, organisation_id, kind, amount_mad, description, position)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          partnershipId,
          contribution.organisationId,
          contribution.kind,
          contribution.amountMad ?? null,
          contribution.description ?? '',
          position,
        ],
      );
    }
  }
}
