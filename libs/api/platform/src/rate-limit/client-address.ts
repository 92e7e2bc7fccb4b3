import { isIPv4, isIPv6 } from 'node:net';

/**
 * What a per-address budget counts against. An IPv4 address is one client; IPv6 hands each
 * subscriber a whole /64, so counting single IPv6 addresses would give one person 2^64 budgets:
 * they are counted by their /64. IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as its IPv4 address.
 */
export function rateLimitAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.split('%')[0].toLowerCase().split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  // `::` stands for however many zero groups make eight (an IPv4 tail is two groups).
  const right = tail.includes('.') ? [...groups(tail).slice(0, -1), '0', '0'] : groups(tail);
  const full = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${full
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
