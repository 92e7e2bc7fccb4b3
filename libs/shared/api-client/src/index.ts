export { createOrisApiClient } from './lib/create-oris-api-client';
export type { OrisApiClient, OrisApiClientOptions } from './lib/create-oris-api-client';
export { ApiError, toApiError, unwrap } from './lib/api-error';
export type { ApiErrorKind, FieldError } from './lib/api-error';
export type { Middleware } from 'openapi-fetch';
export type * from './lib/api-types';
export type { paths, components } from './generated/schema';
