import type { FastifyInstance } from 'fastify';

/**
 * Deepest nesting of objects and arrays a JSON body may have. The deepest DTO of the API is a few
 * levels; class-transformer and class-validator walk a body recursively, so a body nested a few
 * thousand levels deep (a 30 KB string) overflowed the stack and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

/** A body refused before any handler runs; the problem filter answers it as a 400 problem. */
export class InvalidJsonBodyError extends Error {
  // The FST_ prefix is how the problem filter recognises Fastify's own client errors.
  readonly code = 'FST_ERR_CTP_INVALID_JSON_BODY';
  readonly statusCode = 400;
}

/**
 * Whether the JSON text nests objects or arrays deeper than `limit`, scanned without recursion
 * (brackets inside strings do not count).
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      if (++depth > limit) return true;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
  return false;
}

/**
 * Whether a string (value or key) of a parsed body is one no field of the API can hold: a lone
 * UTF-16 surrogate (only a `\uD800`-style escape makes one; class-validator's `IsEmail` throws
 * on it, through `encodeURI`) or a NUL character (PostgreSQL text cannot store it). Called on
 * bodies already bounded in depth.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasUnstorableString(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasUnstorableString);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(
      ([key, item]) => hasUnstorableString(key) || hasUnstorableString(item),
    );
  }
  return false;
}

/**
 * The API's only JSON parser: Fastify's own (which refuses `__proto__` and `constructor` keys),
 * after a depth check on the raw text, followed by a check of escaped strings. Every refusal is a
 * 400 before validation runs. Registered instead of Nest's parser (the app is created with
 * `bodyParser: false`).
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  if (fastify.hasContentTypeParser('application/json'))
    fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    const raw = text as string;
    if (jsonDepthExceeds(raw, MAX_JSON_DEPTH)) {
      done(
        new InvalidJsonBodyError(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`),
        undefined,
      );
      return;
    }
    parseJson(request, raw, (error, body) => {
      // Only an escape sequence can produce a lone surrogate or a NUL, so most bodies skip the walk.
      if (!error && raw.includes('\\u') && hasUnstorableString(body)) {
        done(
          new InvalidJsonBodyError(
            'The JSON body contains a NUL character or an unpaired UTF-16 surrogate.',
          ),
          undefined,
        );
        return;
      }
      done(error, body);
    });
  });
}
