import { codeFrom } from './verification-code';

describe('codeFrom', () => {
  it('takes a code typed on its own, trimmed', () => {
    expect(codeFrom('  q3Z-7wXkP9rT2vYb_4mN8sLd ')).toBe('q3Z-7wXkP9rT2vYb_4mN8sLd');
  });

  it('takes the code at the end of a pasted verification link', () => {
    expect(codeFrom('https://academy.oris.ma/verify/q3Z-7wXkP9rT2vYb_4mN8sLd?utm=mail')).toBe(
      'q3Z-7wXkP9rT2vYb_4mN8sLd',
    );
  });

  it.each(['', '   ', 'abc', 'not a code at all', 'https://academy.oris.ma/verify/'])(
    'refuses %p',
    (text) => {
      expect(codeFrom(text)).toBeNull();
    },
  );

  it('refuses characters a code never has, so nothing odd reaches the address', () => {
    expect(codeFrom('abcdefgh/../../admin')).toBeNull();
    expect(codeFrom('abcdefgh<script>')).toBeNull();
  });
});
