import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum PartnershipErrorCode {
  PartnershipNotFound = 'partnership_not_found',
  PartyNotFound = 'partnership_party_not_found',
  UnknownOrganisation = 'partnership_unknown_organisation',
  DuplicateParty = 'partnership_duplicate_party',
  InvalidParent = 'partnership_invalid_parent',
  HasMembers = 'partnership_has_members',
  InvalidDates = 'partnership_invalid_dates',
  InvalidRenewal = 'partnership_invalid_renewal',
  ContributionParty = 'partnership_contribution_party',
  SignedPartyRemoved = 'partnership_signed_party_removed',
  SignatureInFuture = 'partnership_signature_in_future',
  AlreadySigned = 'partnership_already_signed',
  NotSigned = 'partnership_not_signed',
  AlreadyTerminated = 'partnership_already_terminated',
  NoDocument = 'partnership_no_document',
  InvalidDocument = 'partnership_invalid_document',
}

/** The one place where partnership codes get their HTTP status and title. */
const PROBLEMS: Record<PartnershipErrorCode, { status: HttpStatus; title: string }> = {
  [PartnershipErrorCode.PartnershipNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Partnership not found',
  },
  [PartnershipErrorCode.PartyNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'This party is not a party to this partnership',
  },
  [PartnershipErrorCode.UnknownOrganisation]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'No organisation with this id',
  },
  [PartnershipErrorCode.DuplicateParty]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'An organisation is a party only once',
  },
  [PartnershipErrorCode.InvalidParent]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title:
      'An amendment, renewal or implementing convention belongs to a framework agreement, convention or MoU; the others belong to none',
  },
  [PartnershipErrorCode.HasMembers]: {
    status: HttpStatus.CONFLICT,
    title: 'This agreement heads a family: it stays a framework agreement, convention or MoU',
  },
  [PartnershipErrorCode.InvalidDates]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The end cannot precede the start',
  },
  [PartnershipErrorCode.InvalidRenewal]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'A tacit renewal needs its period in months (and only a tacit one has one)',
  },
  [PartnershipErrorCode.ContributionParty]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'A contribution is brought by a party to the partnership',
  },
  [PartnershipErrorCode.SignedPartyRemoved]: {
    status: HttpStatus.CONFLICT,
    title: 'A party that signed cannot be removed',
  },
  [PartnershipErrorCode.SignatureInFuture]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'A signature cannot be dated in the future',
  },
  [PartnershipErrorCode.AlreadySigned]: {
    status: HttpStatus.CONFLICT,
    title: 'This party has already signed',
  },
  [PartnershipErrorCode.NotSigned]: {
    status: HttpStatus.CONFLICT,
    title: 'This party has not signed: there is no signature to correct',
  },
  [PartnershipErrorCode.AlreadyTerminated]: {
    status: HttpStatus.CONFLICT,
    title: 'This partnership is already terminated',
  },
  [PartnershipErrorCode.NoDocument]: {
    status: HttpStatus.NOT_FOUND,
    title: 'No signed document for this partnership',
  },
  [PartnershipErrorCode.InvalidDocument]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The signed document must be a PDF',
  },
};

export class PartnershipException extends DomainException {
  constructor(code: PartnershipErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const partnershipNotFound = (id: string) =>
  new PartnershipException(PartnershipErrorCode.PartnershipNotFound, `No partnership ${id}.`);
