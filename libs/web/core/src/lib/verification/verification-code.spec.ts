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

  it('takes a readable code typed from paper, whatever the case, spaces and digits', () => {
    expect(codeFrom('k7m2x h9qrt 4wpz3 n8cva 6ydej 5fgbs')).toBe('K7M2XH9QRT4WPZ3N8CVA6YDEJ5FGBS');
    expect(codeFrom('K٧M٢X-H٩QRT-4WPZ3-N8CVA-6YDEJ-5FGBS')).toBe('K7M2XH9QRT4WPZ3N8CVA6YDEJ5FGBS');
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
