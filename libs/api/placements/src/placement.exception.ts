import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum PlacementErrorCode {
  PlacementNotFound = 'placement_not_found',
  OrganisationNotFound = 'organisation_not_found',
  PersonNotFound = 'person_not_found',
  OrganisationNameTaken = 'organisation_name_taken',
  UnknownPerson = 'unknown_person',
  PersonNotTrained = 'person_not_trained',
  UnknownOrganisation = 'unknown_organisation',
  EnrollmentMismatch = 'enrollment_mismatch',
  RectificationNotFound = 'rectification_request_not_found',
  RectificationResolved = 'rectification_request_resolved',
}

/** The one place where placement codes get their HTTP status and title. */
const PROBLEMS: Record<PlacementErrorCode, { status: HttpStatus; title: string }> = {
  [PlacementErrorCode.PlacementNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Placement not found',
  },
  [PlacementErrorCode.OrganisationNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Organisation not found',
  },
  [PlacementErrorCode.PersonNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Person not found' },
  [PlacementErrorCode.OrganisationNameTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'An organisation of this name already exists in this region',
  },
  [PlacementErrorCode.UnknownPerson]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'No person with this id',
  },
  [PlacementErrorCode.PersonNotTrained]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'This person has never completed a training',
  },
  [PlacementErrorCode.UnknownOrganisation]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'No organisation with this id',
  },
  [PlacementErrorCode.EnrollmentMismatch]: {
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    title: 'The enrollment is not a completed enrollment of this person',
  },
  [PlacementErrorCode.RectificationNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Rectification request not found',
  },
  [PlacementErrorCode.RectificationResolved]: {
    status: HttpStatus.CONFLICT,
    title: 'This rectification request is already resolved',
  },
};

export class PlacementException extends DomainException {
  constructor(code: PlacementErrorCode, detail?: string) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail);
  }
}

export const placementNotFound = (id: string) =>
  new PlacementException(PlacementErrorCode.PlacementNotFound, `No placement with id ${id}.`);

export const organisationNotFound = (id: string) =>
  new PlacementException(PlacementErrorCode.OrganisationNotFound, `No organisation with id ${id}.`);

export const rectificationNotFound = (id: string) =>
  new PlacementException(
    PlacementErrorCode.RectificationNotFound,
    `No rectification request with id ${id}.`,
  );
