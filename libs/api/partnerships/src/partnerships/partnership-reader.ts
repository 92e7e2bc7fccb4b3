import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, pageOf } from '@oris/api/platform';
import {
  FAMILY_HEAD_KINDS,
  normalizeForSearch,
  partnershipStatus,
  type PartnershipStatusResult,
  todayInMorocco,
} from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { PartnershipListQuery } from '../dto/partnership-list.query';
import {
  FamilyMemberDto,
  PartnershipDto,
  PartnershipSummaryDto,
  PartyDto,
} from '../dto/partnership.dto';
import { partnershipNotFound } from '../partnership.exception';
import {
  factsOf,
  familiesOf,
  type PartnershipRecord,
  PartnershipRecords,
  type PartyRecord,
} from './partnership-records';

/** An agreement's status on `asOf`: a head's is its family's, a member's its own. */
export function statusOf(
  record: PartnershipRecord,
  membersOf: Map<string, PartnershipRecord[]>,
  asOf: string,
): PartnershipStatusResult {
  return partnershipStatus(factsOf(record, membersOf.get(record.id) ?? []), asOf);
}

const iso = (value: Date | string) => new Date(value).toISOString();

function summaryOf(record: PartnershipRecord, status: PartnershipStatusResult, asOf: string) {
  const required = record.parties.filter((party) => party.signatureRequired);
  const summary: PartnershipSummaryDto = {
    id: record.id,
    title: record.title,
    kind: record.kind,
    parentId: record.parentId,
    startsOn: record.startsOn,
    endsOn: record.endsOn,
    renewalMode: record.renewalMode,
    noticeDays: record.noticeDays,
    renewalMonths: record.renewalMonths,
    terminatedOn: record.terminatedOn,
    ...status,
    partyCount: record.parties.length,
    signatureCount: required.filter((party) => party.signedOn !== null).length,
    requiredSignatureCount: required.length,
    partyNames: record.parties.map((party) => party.organisationName),
    asOf,
  };
  return summary;
}

const partyOf = (party: PartyRecord): PartyDto => ({
  id: party.id,
  organisationId: party.organisationId,
  organisationName: party.organisationName,
  stakeholderGroup: party.stakeholderGroup,
  role: party.role,
  signatureRequired: party.signatureRequired,
  signedOn: party.signedOn,
  signedRecordedAt: party.signedRecordedAt ? iso(party.signedRecordedAt) : null,
  recordedAt: iso(party.recordedAt),
});

/** The registry of partnerships, read with their computed status. */
@Injectable()
export class PartnershipReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PartnershipRecords,
  ) {}

  /**
   * Filters on the stored terms, then on the status computed on `asOf` (which needs each
   * head's family), paged in memory: the registry holds hundreds of agreements, not millions.
   */
  async list(query: PartnershipListQuery): Promise<Page<PartnershipSummaryDto>> {
    const asOf = query.asOf ?? todayInMorocco();
    const all = await this.records.load(this.dataSource.manager);
    const { membersOf } = familiesOf(all);
    const terms = query.q ? normalizeForSearch(query.q) : '';
    const selected = all
      .filter((record) => !query.kind || record.kind === query.kind)
      .filter((record) => !terms || normalizeForSearch(record.title).includes(terms))
      .filter(
        (record) =>
          !query.organisation ||
          record.parties.some((party) => party.organisationId === query.organisation),
      )
      .filter(
        (record) =>
          !query.stakeholderGroup ||
          record.parties.some((party) => party.stakeholderGroup === query.stakeholderGroup),
      )
      .filter(
        (record) => !query.family || record.id === query.family || record.parentId === query.family,
      )
      .map((record) => summaryOf(record, statusOf(record, membersOf, asOf), asOf))
      .filter((summary) => !query.status || summary.status === query.status)
      .sort(
        (a, b) =>
          b.startsOn.localeCompare(a.startsOn) ||
          a.title.localeCompare(b.title) ||
          a.id.localeCompare(b.id),
      );
    return pageOf(selected.slice(query.skip, query.skip + query.pageSize), selected.length, query);
  }

  /** One agreement with its family, parties, contributions and computed status. */
  async get(
    id: string,
    asOf: string = todayInMorocco(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PartnershipDto> {
    const [record] = await this.records.load(manager, { ids: [id] });
    if (!record) throw partnershipNotFound(id);
    const headId = record.parentId ?? record.id;
    const familyIds: { id: string }[] = await manager.query(
      `SELECT id FROM partnership WHERE id = $1 OR parent_id = $1`,
      [headId],
    );
    const family = await this.records.load(manager, { ids: familyIds.map((row) => row.id) });
    const { membersOf } = familiesOf(family);
    const head = family.find((agreement) => agreement.id === headId);
    const tree: FamilyMemberDto[] = [
      ...(head && FAMILY_HEAD_KINDS.includes(head.kind) ? [head] : []),
      ...(membersOf.get(headId) ?? []),
    ].map((agreement) => {
      const own = partnershipStatus(factsOf(agreement), asOf);
      return {
        id: agreement.id,
        title: agreement.title,
        kind: agreement.kind,
        startsOn: agreement.startsOn,
        endsOn: agreement.endsOn,
        status: own.status,
        signedOn: own.signedOn,
      };
    });
    const contributions = await this.records.contributions(manager, [id]);
    return {
      ...summaryOf(record, statusOf(record, membersOf, asOf), asOf),
      familyHeadId: headId,
      family: tree,
      parties: record.parties.map(partyOf),
      contributions: contributions.map(({ partnershipId: _id, ...contribution }) => contribution),
      document:
        record.documentSha256 && record.documentName
          ? {
              name: record.documentName,
              sha256: record.documentSha256,
              size: record.documentSize ?? 0,
            }
          : null,
      terminationReason: record.terminationReason,
      createdAt: iso(record.createdAt),
      updatedAt: iso(record.updatedAt),
    };
  }
}
