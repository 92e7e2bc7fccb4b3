import type { ProblemDetails } from './api-types';

export type ApiErrorKind =
  | 'network'
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'server';

export interface FieldError {
  field: string;
  message: string;
}

/** A failed API call, whatever the transport said: the problem+json body when there was one. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  /** The API's stable machine-readable code for the problem, when it gave one. */
  readonly code: string | undefined;
  readonly fieldErrors: readonly FieldError[];

  constructor(
    readonly status: number,
    problem: Partial<ProblemDetails> = {},
    options?: ErrorOptions,
  ) {
    super(problem.title ?? (status === 0 ? 'Network error' : `HTTP ${status}`), options);
    this.name = 'ApiError';
    this.kind = kindOf(status, problem);
    this.title = nonEmpty(problem.title);
    this.detail = nonEmpty(problem.detail);
    this.code = nonEmpty(problem.code);
    this.fieldErrors = (problem.errors ?? []).filter(isFieldError);
  }

  /** Any thrown value as an `ApiError`; what is not one already is treated as a transport failure. */
  static from(thrown: unknown): ApiError {
    return thrown instanceof ApiError ? thrown : new ApiError(0, {}, { cause: thrown });
  }

  /** The messages for one field, in the order the API gave them. */
  messagesFor(field: string): string[] {
    return this.fieldErrors.filter((e) => e.field === field).map((e) => e.message);
  }
}

/** Maps an error response (status and parsed body, JSON or text) to an `ApiError`. */
export function toApiError(status: number, body: unknown): ApiError {
  return new ApiError(status, isProblem(body) ? body : {});
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an `ApiError`
 * (status 0 when the request never reached the API).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (thrown) {
    throw ApiError.from(thrown);
  }
  if (!result.response.ok) {
    throw toApiError(result.response.status, result.error);
  }
  return result.data as T;
}

function kindOf(status: number, problem: Partial<ProblemDetails>): ApiErrorKind {
  switch (status) {
    case 0:
      return 'network';
    case 400:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate-limited';
    default:
      return problem.errors?.length ? 'validation' : 'server';
  }
}

function isProblem(body: unknown): body is Partial<ProblemDetails> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

function nonEmpty(text: unknown): string | undefined {
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}
