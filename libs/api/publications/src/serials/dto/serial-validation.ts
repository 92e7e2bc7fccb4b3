import { propertyValidator } from '@oris/api/platform';
import { isDateOnly, isDateTime } from '@oris/shared/domain';

export const IsDay = () =>
  propertyValidator(
    'isDay',
    isDateOnly,
    ({ property }) => `${property} must be a date (YYYY-MM-DD)`,
  );

export const IsInstant = () =>
  propertyValidator(
    'isInstant',
    isDateTime,
    ({ property }) => `${property} must be an ISO 8601 date-time with a time zone`,
  );
