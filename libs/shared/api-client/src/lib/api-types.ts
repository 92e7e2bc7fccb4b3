import type { components, paths } from '../generated/schema';

type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type JsonRequest<T> = T extends { requestBody?: infer Body } ? JsonBody<NonNullable<Body>> : never;

/** An account as staff routes answer it. */
export type UserDto = components['schemas']['UserDto'];
/** The signed-in person (`GET /me`, sign-in answers): the account and where it stands with consent. */
export type MeDto = JsonBody<paths['/api/v1/me']['get']['responses'][200]>;
export type AuthResponseDto = JsonBody<paths['/api/v1/auth/login']['post']['responses'][200]>;
export type RegionDto = JsonBody<paths['/api/v1/regions']['get']['responses'][200]>[number];
export type UserPageDto = JsonBody<paths['/api/v1/users']['get']['responses'][200]>;
export type UsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;

export type LoginRequest = JsonRequest<paths['/api/v1/auth/login']['post']>;
export type RegisterRequest = JsonRequest<paths['/api/v1/auth/register']['post']>;
export type ForgotPasswordRequest = JsonRequest<paths['/api/v1/auth/password/forgot']['post']>;
export type ResetPasswordRequest = JsonRequest<paths['/api/v1/auth/password/reset']['post']>;
export type UpdateProfileRequest = JsonRequest<paths['/api/v1/me']['patch']>;
export type ChangePasswordRequest = JsonRequest<paths['/api/v1/me/password']['post']>;

/** An `application/problem+json` body (RFC 9457), as every API error is answered. */
export type ProblemDetails = components['schemas']['ProblemDetails'];

export type ConsentOverviewDto = JsonBody<paths['/api/v1/me/consents']['get']['responses'][200]>;
export type ConsentStatusDto = components['schemas']['ConsentStatusDto'];
export type ConsentRecordDto = components['schemas']['ConsentRecordDto'];
export type RecordConsentRequest = JsonRequest<paths['/api/v1/me/consents']['post']>;
export type RectificationRequestDto = components['schemas']['RectificationRequestDto'];
export type CreateRectificationRequest = JsonRequest<
  paths['/api/v1/me/rectification-requests']['post']
>;
export type RectificationRequestPageDto = JsonBody<
  paths['/api/v1/rectification-requests']['get']['responses'][200]
>;
