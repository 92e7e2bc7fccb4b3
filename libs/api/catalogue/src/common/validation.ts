import { propertyValidator } from '@oris/api/platform';
import { isDateOnly, isDateTime } from '@oris/shared/domain';

export const IsDateOnly = () =>
  propertyValidator(
    'isDateOnly',
    isDateOnly,
    ({ property }) => `${property} must be a date (YYYY-MM-DD)`,
  );

export const IsDateTime = () =>
  propertyValidator(
    'isDateTime',
    isDateTime,
    ({ property }) => `${property} must be an ISO 8601 date-time with a time zone`,
  );
