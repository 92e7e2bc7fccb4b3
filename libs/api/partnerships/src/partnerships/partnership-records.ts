import { Injectable } from '@nestjs/common';
import {
  FAMILY_HEAD_KINDS,
  type ContributionKind,
  type PartnershipFacts,
  type PartnershipKind,
  type PartyRole,
  type RenewalMode,
  type StakeholderGroup,
} from '@oris/shared/domain';
import { EntityManager } from 'typeorm';

/** One party as stored (or as known at an instant). */
export interface PartyRecord {
  id: string;
  partnershipId: string;
  organisationId: string;
  organisationName: string;
  stakeholderGroup: StakeholderGroup;
  role: PartyRole;
  signatureRequired: boolean;
  signedOn: string | null;
  signedRecordedAt: Date | null;
  recordedAt: Date;
}

/** One agreement as stored (or as known at an instant), with its parties. */
export interface PartnershipRecord {
  id: string;
  title: string;
  kind: PartnershipKind;
  parentId: string | null;
  startsOn: string;
  endsOn: string | null;
  renewalMode: RenewalMode;
  noticeDays: number;
  renewalMonths: number | null;
  terminatedOn: string | null;
  terminationReason: string | null;
  documentName: string | null;
  documentSha256: string | null;
  documentSize: number | null;
  documentKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  parties: PartyRecord[];
}

export interface ContributionRecord {
  partnershipId: string;
  organisationId: string;
  organisationName: string;
  kind: ContributionKind;
  amountMad: number | null;
  description: string;
}

/** The partnership's fields whose earlier values `partnership_history` keeps (column → field). */
export const TRACKED_FIELDS = {
  title: 'title',
  kind: 'kind',
  parent_id: 'parentId',
  starts_on: 'startsOn',
  ends_on: 'endsOn',
  renewal_mode: 'renewalMode',
  notice_days: 'noticeDays',
  renewal_months: 'renewalMonths',
  terminated_on: 'terminatedOn',
} as const satisfies Record<string, keyof PartnershipRecord>;
export type TrackedColumn = keyof typeof TRACKED_FIELDS;

/** The party's fields whose earlier values the history keeps. */
export const TRACKED_PARTY_FIELDS = {
  signed_on: 'signedOn',
  signature_required: 'signatureRequired',
  role: 'role',
} as const satisfies Record<string, keyof PartyRecord>;
export type TrackedPartyColumn = keyof typeof TRACKED_PARTY_FIELDS;

/** The history's text form of a value, and back. */
export const historyText = (value: string | number | boolean | null): string | null =>
  value === null ? null : String(value);

const INTEGER_FIELDS = new Set(['notice_days', 'renewal_months']);
function fromHistory(column: string, text: string | null): string | number | boolean | null {
  if (text === null) return null;
  if (INTEGER_FIELDS.has(column)) return Number(text);
  if (column === 'signature_required') return text === 'true';
  return text;
}

interface HistoryRow {
  partnershipId: string;
  partyId: string | null;
  field: string;
  oldValue: string | null;
}

const PARTNERSHIP_COLUMNS = `
  p.id, p.title, p.kind, p.parent_id AS "parentId", to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn", p.renewal_mode AS "renewalMode",
  p.notice_days AS "noticeDays", p.renewal_months AS "renewalMonths",
  to_char(p.terminated_on, 'YYYY-MM-DD') AS "terminatedOn", p.termination_reason AS "terminationReason",
  p.document_name AS "documentName", p.document_sha256 AS "documentSha256",
  p.document_size AS "documentSize", p.document_key AS "documentKey",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const PARTY_COLUMNS = `
  pp.id, pp.partnership_id AS "partnershipId", pp.organisation_id AS "organisationId",
  o.name AS "organisationName", o.stakeholder_group AS "stakeholderGroup", pp.role,
  pp.signature_required AS "signatureRequired", to_char(pp.signed_on, 'YYYY-MM-DD') AS "signedOn",
  pp.signed_recorded_at AS "signedRecordedAt", pp.recorded_at AS "recordedAt"`;

/**
 * Reads agreements with their parties, as they are now or as they were known at an instant:
 * rows recorded after `knownAt` are left out, and every field changed since then takes back the
 * value `partnership_history` kept (the old value of its first change after `knownAt`); a party
 * removed since then comes back from its removal row. An organisation's name and stakeholder
 * group are today's.
 */
@Injectable()
export class PartnershipRecords {
  async load(
    manager: EntityManager,
    options: { ids?: readonly string[]; knownAt?: Date } = {},
  ): Promise<PartnershipRecord[]> {
    const { ids, knownAt } = options;
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (ids) where.push(`p.id = ANY($${params.push(ids)}::uuid[])`);
    if (knownAt) where.push(`p.created_at <= $${params.push(knownAt)}`);
    const records: PartnershipRecord[] = await manager.query(
      `SELECT ${PARTNERSHIP_COLUMNS} FROM partnership p WHERE ${where.join(' AND ')}
        ORDER BY p.starts_on, p.created_at, p.id`,
      params,
    );
    if (records.length === 0) return [];
    const partnershipIds = records.map((record) => record.id);
    const parties: PartyRecord[] = await manager.query(
      `SELECT ${PARTY_COLUMNS} FROM partnership_party pp JOIN organisation o ON o.id = pp.organisation_id
        WHERE pp.partnership_id = ANY($1::uuid[]) ${knownAt ? 'AND pp.recorded_at <= $2' : ''}
        ORDER BY pp.recorded_at, lower(o.name), pp.id`,
      knownAt ? [partnershipIds, knownAt] : [partnershipIds],
    );
    if (knownAt) parties.push(...(await this.removedSince(manager, partnershipIds, knownAt)));
    const byPartnership = new Map(records.map((record) => [record.id, record]));
    for (const record of records) record.parties = [];
    for (const party of parties) byPartnership.get(party.partnershipId)?.parties.push(party);
    if (knownAt) await this.rewind(manager, records, knownAt);
    return records;
  }

  /** The contributions of some agreements, in their order. */
  async contributions(
    manager: EntityManager,
    partnershipIds: readonly string[],
  ): Promise<ContributionRecord[]> {
    const rows: (Omit<ContributionRecord, 'amountMad'> & { amountMad: string | null })[] =
      await manager.query(
        `SELECT c.partnership_id AS "partnershipId", c.organisation_id AS "organisationId",
                o.name AS "organisationName", c.kind, c.amount_mad AS "amountMad", c.description
           FROM partnership_contribution c JOIN organisation o ON o.id = c.organisation_id
          WHERE c.partnership_id = ANY($1::uuid[])
          ORDER BY c.partnership_id, c.position`,
        [partnershipIds],
      );
    return rows.map((row) => ({
      ...row,
      amountMad: row.amountMad === null ? null : Number(row.amountMad),
    }));
  }

  /** Parties removed after `knownAt` that were recorded by then, as they were when removed. */
  private async removedSince(
    manager: EntityManager,
    partnershipIds: string[],
    knownAt: Date,
  ): Promise<PartyRecord[]> {
    const rows: { partnershipId: string; oldValue: string }[] = await manager.query(
      `SELECT partnership_id AS "partnershipId", old_value AS "oldValue" FROM partnership_history
        WHERE partnership_id = ANY($1::uuid[]) AND field = 'party_removed' AND changed_at > $2`,
      [partnershipIds, knownAt],
    );
    const removed = rows
      .map(
        (row) =>
          JSON.parse(row.oldValue) as Omit<PartyRecord, 'organisationName' | 'stakeholderGroup'>,
      )
      .filter((party) => new Date(party.recordedAt) <= knownAt);
    if (removed.length === 0) return [];
    const organisations: { id: string; name: string; stakeholderGroup: StakeholderGroup }[] =
      await manager.query(
        `SELECT id, name, stakeholder_group AS "stakeholderGroup" FROM organisation WHERE id = ANY($1::uuid[])`,
        [removed.map((party) => party.organisationId)],
      );
    const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
    return removed.map((party) => ({
      ...party,
      recordedAt: new Date(party.recordedAt),
      signedRecordedAt: party.signedRecordedAt ? new Date(party.signedRecordedAt) : null,
      organisationName: byId.get(party.organisationId)?.name ?? '',
      stakeholderGroup: byId.get(party.organisationId)?.stakeholderGroup ?? 'other',
    }));
  }

  /** Gives each field changed after `knownAt` the value it had then. */
  private async rewind(
    manager: EntityManager,
    records: PartnershipRecord[],
    knownAt: Date,
  ): Promise<void> {
    const rows: HistoryRow[] = await manager.query(
      `SELECT DISTINCT ON (partnership_id, party_id, field)
              partnership_id AS "partnershipId", party_id AS "partyId", field, old_value AS "oldValue"
         FROM partnership_history
        WHERE partnership_id = ANY($1::uuid[]) AND changed_at > $2 AND field <> 'party_removed'
        ORDER BY partnership_id, party_id, field, changed_at, id`,
      [records.map((record) => record.id), knownAt],
    );
    const byId = new Map(records.map((record) => [record.id, record]));
    for (const row of rows) {
      const record = byId.get(row.partnershipId);
      if (!record) continue;
      const value = fromHistory(row.field, row.oldValue);
      if (row.partyId === null) {
        const field = TRACKED_FIELDS[row.field as TrackedColumn];
        if (field) (record as unknown as Record<string, unknown>)[field] = value;
        continue;
      }
      const party = record.parties.find((candidate) => candidate.id === row.partyId);
      const field = TRACKED_PARTY_FIELDS[row.field as TrackedPartyColumn];
      if (party && field) (party as unknown as Record<string, unknown>)[field] = value;
    }
  }
}

/** The facts the status rules read, for an agreement and (for a head) its family's members. */
export function factsOf(
  record: PartnershipRecord,
  members: readonly PartnershipRecord[] = [],
): PartnershipFacts {
  const own = (agreement: PartnershipRecord): PartnershipFacts => ({
    kind: agreement.kind,
    startsOn: agreement.startsOn,
    endsOn: agreement.endsOn,
    renewalMode: agreement.renewalMode,
    noticeDays: agreement.noticeDays,
    renewalMonths: agreement.renewalMonths,
    terminatedOn: agreement.terminatedOn,
    parties: agreement.parties,
  });
  return { ...own(record), members: members.map(own) };
}

/** Heads and their members: members grouped by their head's id. */
export function familiesOf(records: readonly PartnershipRecord[]): {
  heads: PartnershipRecord[];
  membersOf: Map<string, PartnershipRecord[]>;
} {
  const heads = records.filter((record) => FAMILY_HEAD_KINDS.includes(record.kind));
  const membersOf = new Map<string, PartnershipRecord[]>(heads.map((head) => [head.id, []]));
  for (const record of records) {
    if (record.parentId !== null) membersOf.get(record.parentId)?.push(record);
  }
  return { heads, membersOf };
}
