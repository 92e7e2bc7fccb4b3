import { addDays, addMonths } from './calendar';
import type { OrganisationKind } from './insertion';
import type { PartnershipKind, RenewalMode, StakeholderGroup } from './observatory';

/**
 * The rules of partnerships (OBSERVATORY.md "Partnerships"), shared by the API, the worker and
 * the web app: a partnership's status is computed from its dates, never stored.
 */

export const PARTNERSHIP_STATUSES = [
  'draft',
  'signed_not_started',
  'in_force',
  'renewal_due',
  'expired',
  'terminated',
] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

export const PARTY_ROLES = ['signatory', 'funder', 'implementer', 'observer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const CONTRIBUTION_KINDS = ['in_kind', 'financial', 'staff'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

/** Kinds that head a family (a member's `parentId` must name one of these). */
export const FAMILY_HEAD_KINDS: readonly PartnershipKind[] = [
  'framework_agreement',
  'convention',
  'mou',
];

/** Members whose end date moves the family's end (an implementing convention never does). */
export const EXTENDING_KINDS: readonly PartnershipKind[] = ['amendment', 'renewal'];

/**
 * The stakeholder group an organisation gets from its kind when none is given (and what the
 * migration gave the organisations that existed before groups). A cooperative is a project
 * holder; associations and incubators support project holders; a company is an employer.
 */
export const STAKEHOLDER_GROUP_OF_KIND: Record<OrganisationKind, StakeholderGroup> = {
  association: 'support_organisation',
  incubator: 'support_organisation',
  university: 'university',
  public_body: 'public_administration',
  funder: 'funder',
  company: 'employer',
  cooperative: 'project_holder',
};

export interface PartyFacts {
  signatureRequired: boolean;
  /** `YYYY-MM-DD`, null while unsigned. */
  signedOn: string | null;
}

/** What the status of one agreement depends on (days are `YYYY-MM-DD`). */
export interface PartnershipFacts {
  kind: PartnershipKind;
  startsOn: string;
  /** null = open-ended */
  endsOn: string | null;
  renewalMode: RenewalMode;
  noticeDays: number;
  /** The period a tacit renewal adds, in months. */
  renewalMonths: number | null;
  terminatedOn: string | null;
  parties: readonly PartyFacts[];
  /**
   * For a family head: its amendments, renewals and implementing conventions. Only the signed
   * amendments and renewals move the family's end.
   */
  members?: readonly PartnershipFacts[];
}

/**
 * The day of the last required signature if every required party signed on or before `asOf`,
 * else null. An agreement with no required signature is never signed: unsigned collaborations
 * never count.
 */
export function lastRequiredSignature(parties: readonly PartyFacts[], asOf: string): string | null {
  const required = parties.filter((party) => party.signatureRequired);
  if (required.length === 0) return null;
  let last = '';
  for (const party of required) {
    if (party.signedOn === null || party.signedOn > asOf) return null;
    if (party.signedOn > last) last = party.signedOn;
  }
  return last;
}

/**
 * The end a tacit renewal has reached on `asOf`: the base end plus as many renewal periods as
 * it takes to reach `asOf` (each computed from the base end, month ends clamped as `addMonths`
 * does), never past a termination. Without a period or tacit mode the base end is kept.
 */
export function tacitEnd(
  end: string,
  renewalMode: RenewalMode,
  renewalMonths: number | null,
  terminatedOn: string | null,
  asOf: string,
): string {
  if (renewalMode !== 'tacit' || !renewalMonths || renewalMonths <= 0) return end;
  const until = terminatedOn !== null && terminatedOn < asOf ? terminatedOn : asOf;
  let periods = 0;
  let current = end;
  while (current < until) {
    periods += 1;
    current = addMonths(end, periods * renewalMonths);
  }
  return current;
}

/**
 * The family's current end on `asOf` (null = open-ended): the latest end among the head and its
 * amendments and renewals signed by `asOf` that carry an end date (one without an end date
 * changes something else and leaves the end as it is); an open-ended head stays open-ended.
 * The agreement that sets this end brings its renewal settings: a tacit renewal extends it by its
 * period while the family is not terminated. A termination ends the family on its day.
 */
export function familyCurrentEnd(head: PartnershipFacts, asOf: string): string | null {
  if (head.endsOn === null) return head.terminatedOn;
  let setter: PartnershipFacts = head;
  let end = head.endsOn;
  for (const member of head.members ?? []) {
    if (!EXTENDING_KINDS.includes(member.kind) || member.endsOn === null) continue;
    if (member.terminatedOn !== null && member.terminatedOn <= asOf) continue;
    if (lastRequiredSignature(member.parties, asOf) === null) continue;
    if (member.endsOn > end) {
      end = member.endsOn;
      setter = member;
    }
  }
  const renewed = tacitEnd(end, setter.renewalMode, setter.renewalMonths, head.terminatedOn, asOf);
  return head.terminatedOn !== null && head.terminatedOn < renewed ? head.terminatedOn : renewed;
}

/** The day from which the renewal is due (current end − notice days), null when open-ended. */
export function renewalNoticeFrom(end: string | null, noticeDays: number): string | null {
  return end === null ? null : addDays(end, -Math.max(0, noticeDays));
}

export interface PartnershipStatusResult {
  status: PartnershipStatus;
  /** The last required signature by `asOf`, null while a required one is missing. */
  signedOn: string | null;
  /** The current end (after renewals; null = open-ended). */
  currentEnd: string | null;
  /** From this day on the renewal is due (null when open-ended or terminated). */
  renewalDueFrom: string | null;
}

/**
 * The status of an agreement on `asOf` (for a family head, its family's): `terminated` from its
 * termination day; `draft` while a required signature is missing (or dated after `asOf`);
 * `signed_not_started` before its start; `expired` after its current end; `renewal_due` from
 * the current end minus the notice days; `in_force` otherwise.
 */
export function partnershipStatus(p: PartnershipFacts, asOf: string): PartnershipStatusResult {
  const signedOn = lastRequiredSignature(p.parties, asOf);
  const currentEnd = familyCurrentEnd(p, asOf);
  // Once a termination is recorded (notice given), no renewal is due any more.
  const renewalDueFrom =
    p.terminatedOn === null ? renewalNoticeFrom(currentEnd, p.noticeDays) : null;
  const result = (status: PartnershipStatus) => ({ status, signedOn, currentEnd, renewalDueFrom });
  if (p.terminatedOn !== null && p.terminatedOn <= asOf) return result('terminated');
  if (signedOn === null) return result('draft');
  if (p.startsOn > asOf) return result('signed_not_started');
  if (currentEnd !== null && currentEnd < asOf) return result('expired');
  if (renewalDueFrom !== null && renewalDueFrom <= asOf) return result('renewal_due');
  return result('in_force');
}

/**
 * Whether a family counts in year Y (OBSERVATORY.md "Partnerships in year Y"): every required
 * party of the head signed on or before `asOf` and 31 December of Y, started on or before
 * 31 December of Y, current end (after renewals, on `asOf`) empty or on or after 1 January of Y,
 * not terminated before 1 January of Y.
 */
export function familyInForceInYear(head: PartnershipFacts, year: number, asOf: string): boolean {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const signedOn = lastRequiredSignature(head.parties, asOf < last ? asOf : last);
  if (signedOn === null) return false;
  if (head.startsOn > last) return false;
  if (head.terminatedOn !== null && head.terminatedOn < first) return false;
  const end = familyCurrentEnd(head, asOf);
  return end === null || end >= first;
}
