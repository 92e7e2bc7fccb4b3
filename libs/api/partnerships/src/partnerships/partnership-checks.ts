import { Injectable } from '@nestjs/common';
import { FAMILY_HEAD_KINDS, FAMILY_MEMBER_KINDS, type PartnershipKind } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import { ContributionInputDto, PartyInputDto } from '../dto/partnership-input.dto';
import { PartnershipErrorCode, PartnershipException } from '../partnership.exception';
import type { PartnershipRecord } from './partnership-records';

const fail = (code: PartnershipErrorCode, detail?: string) =>
  new PartnershipException(code, detail);

/** The terms a change leaves, checked together. */
export interface PartnershipTerms {
  title: string;
  kind: PartnershipKind;
  parentId: string | null;
  startsOn: string;
  endsOn: string | null;
  renewalMode: PartnershipRecord['renewalMode'];
  noticeDays: number;
  renewalMonths: number | null;
}

/**
 * The checks a partnership's terms and parties pass before `PartnershipWriter` writes them,
 * reading what they depend on in the writer's transaction.
 */
@Injectable()
export class PartnershipChecks {
  /**
   * A family member names a head (framework agreement, convention or MoU) that is not itself a
   * member, so a family is one level deep and no cycle can form; a head names none, and one
   * that has members stays a head.
   */
  async terms(manager: EntityManager, id: string | null, terms: PartnershipTerms) {
    if (terms.endsOn !== null && terms.endsOn < terms.startsOn) {
      throw fail(PartnershipErrorCode.InvalidDates, `${terms.endsOn} is before ${terms.startsOn}.`);
    }
    if ((terms.renewalMode === 'tacit') !== (terms.renewalMonths !== null)) {
      throw fail(PartnershipErrorCode.InvalidRenewal);
    }
    const isMember = FAMILY_MEMBER_KINDS.includes(terms.kind);
    if (!isMember) {
      if (terms.parentId !== null) {
        throw fail(PartnershipErrorCode.InvalidParent, `A ${terms.kind} heads its own family.`);
      }
    } else {
      if (terms.parentId === null || terms.parentId === id) {
        throw fail(PartnershipErrorCode.InvalidParent, `A ${terms.kind} needs its family's head.`);
      }
      const [parent]: { kind: PartnershipKind }[] = await manager.query(
        `SELECT kind FROM partnership WHERE id = $1 FOR SHARE`,
        [terms.parentId],
      );
      if (!parent || !FAMILY_HEAD_KINDS.includes(parent.kind)) {
        throw fail(
          PartnershipErrorCode.InvalidParent,
          parent
            ? `The parent is a ${parent.kind}, itself a member of a family.`
            : `No partnership ${terms.parentId}.`,
        );
      }
    }
    if (id !== null && isMember) {
      const [{ members }]: { members: number }[] = await manager.query(
        `SELECT count(*)::int AS members FROM partnership WHERE parent_id = $1`,
        [id],
      );
      if (members > 0) throw fail(PartnershipErrorCode.HasMembers);
    }
  }

  async parties(
    manager: EntityManager,
    parties: readonly Pick<PartyInputDto, 'organisationId'>[],
    contributions: readonly Pick<ContributionInputDto, 'organisationId'>[],
  ) {
    const ids = parties.map((party) => party.organisationId);
    if (new Set(ids).size !== ids.length) throw fail(PartnershipErrorCode.DuplicateParty);
    const found: { id: string }[] = await manager.query(
      `SELECT id FROM organisation WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const known = new Set(found.map((row) => row.id));
    const unknown = ids.filter((organisationId) => !known.has(organisationId));
    if (unknown.length > 0) {
      throw fail(
        PartnershipErrorCode.UnknownOrganisation,
        `No organisation ${unknown.join(', ')}.`,
      );
    }
    for (const contribution of contributions) {
      if (!ids.includes(contribution.organisationId)) {
        throw fail(PartnershipErrorCode.ContributionParty);
      }
    }
  }
}
