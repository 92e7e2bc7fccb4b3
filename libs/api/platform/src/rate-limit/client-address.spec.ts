import { rateLimitAddress } from './client-address';

describe('rateLimitAddress', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(rateLimitAddress('203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(rateLimitAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts every address of one IPv6 /64 as one client, however it is written', () => {
    const key = rateLimitAddress('2001:db8:0:1:aaaa:bbbb:cccc:dddd');
    expect(key).toBe('2001:db8:0:1::/64');
    expect(rateLimitAddress('2001:DB8:0000:0001::1')).toBe(key);
    expect(rateLimitAddress('2001:db8:0:1::ffff:1.2.3.4')).toBe(key);
    expect(rateLimitAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('tells two /64 apart', () => {
    expect(rateLimitAddress('2001:db8:0:2::1')).not.toBe(rateLimitAddress('2001:db8:0:1::1'));
    expect(rateLimitAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitAddress('::1')).toBe('0:0:0:0::/64');
  });
});
