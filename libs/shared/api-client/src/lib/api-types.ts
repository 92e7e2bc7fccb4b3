import type { components, paths } from '../generated/schema';

type JsonBody<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type JsonRequest<T> = T extends { requestBody?: infer Body } ? JsonBody<NonNullable<Body>> : never;

export type UserDto = JsonBody<paths['/api/v1/me']['get']['responses'][200]>;
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
