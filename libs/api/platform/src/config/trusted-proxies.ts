import { isIP } from 'node:net';
import { propertyValidator } from '../validation/validation';

/** Named ranges that proxy-addr (Fastify's X-Forwarded-For resolver) understands. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY split into the entries Fastify compiles into its trust function. `false` (or
 * `none`): no proxy, the socket address is the client. Each entry is an address, a CIDR network
 * or a named range; Fastify then walks X-Forwarded-For from the right and stops at the first
 * address that is not a listed proxy, so a client can prepend whatever it likes without effect.
 */
export function parseTrustedProxies(value: string): string[] | false {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'false' || trimmed === 'none') return false;
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Why an entry cannot describe a proxy, or undefined when it can. */
function entryProblem(entry: string): string | undefined {
  const lower = entry.toLowerCase();
  if (NAMED_RANGES.has(lower)) return undefined;
  if (lower === 'true')
    return '`true` would trust every address, so any client could choose its own: list the proxies';
  if (/^\d+$/.test(entry))
    return `"${entry}" is a hop count; a count cannot tell a proxy from a client that connects directly: list the proxies' addresses`;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return `"${entry}" is not an IP address or CIDR network`;
  if (prefix === undefined) return undefined;
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  const maxBits = family === 4 ? 32 : 128;
  if (!(bits >= 0 && bits <= maxBits)) return `"${entry}" has a prefix length outside 0–${maxBits}`;
  if (bits === 0) return `"${entry}" is every address: list the proxies' own network`;
  return undefined;
}

/** Every problem of a TRUST_PROXY value; empty when it is valid. */
export function trustedProxiesProblems(value: string): string[] {
  const proxies = parseTrustedProxies(value);
  if (proxies === false) return [];
  if (proxies.length === 0) return ['list at least one proxy, or `false` when there is none'];
  return proxies.map(entryProblem).filter((problem): problem is string => problem !== undefined);
}

/** Validates TRUST_PROXY: `false`/`none`, or a comma-separated list of addresses, CIDRs, named ranges. */
export const IsTrustedProxyList = (): PropertyDecorator =>
  propertyValidator(
    'isTrustedProxyList',
    (value) => typeof value === 'string' && trustedProxiesProblems(value).length === 0,
    (args) =>
      typeof args.value === 'string'
        ? trustedProxiesProblems(args.value).join('; ')
        : `${args.property} must be a comma-separated list of proxy addresses or networks`,
  );
