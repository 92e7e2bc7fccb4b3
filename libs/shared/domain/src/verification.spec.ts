import {
  comparableName,
  formatVerificationCode,
  READABLE_CODE,
  serialFrom,
  verificationCodeCandidates,
  westernDigits,
} from './verification';

const READABLE = 'K7M2XH9QRT4WPZ3N8CVA6YDEJ5FGBS';
const EARLIER = 'q3Z-7wXkP9rT2vYb_4mN8sLd';

describe('verificationCodeCandidates', () => {
  it('keeps an earlier base64url code exactly as typed: its case matters', () => {
    expect(verificationCodeCandidates(`  ${EARLIER} `)).toEqual([EARLIER]);
  });

  it('reads a readable code whatever the case, the spaces and the dashes', () => {
    expect(READABLE_CODE.test(READABLE)).toBe(true);
    expect(verificationCodeCandidates('k7m2x h9qrt-4wpz3 n8cva—6ydej 5fgbs')).toEqual([READABLE]);
    // As printed, in dashed groups: the exact text is tried first (it could be an earlier code).
    const printed = formatVerificationCode(READABLE);
    expect(verificationCodeCandidates(printed)).toEqual([printed, READABLE]);
  });

  it('reads Arabic-Indic digits as the digits printed', () => {
    const arabic = READABLE.replace(/[0-9]/g, (d) => String.fromCharCode(0x660 + Number(d)));
    expect(verificationCodeCandidates(arabic)).toEqual([READABLE]);
  });

  it('tries the exact text first when it could be either kind', () => {
    const lower = READABLE.toLowerCase();
    expect(verificationCodeCandidates(lower)).toEqual([lower, READABLE]);
    expect(verificationCodeCandidates(READABLE)).toEqual([READABLE]);
  });

  it.each(['', '  ', 'abc', 'K7M2X-H9QRT', `${READABLE}<script>`, 'abcdefgh/../../admin'])(
    'finds no code in %p',
    (typed) => expect(verificationCodeCandidates(typed)).toEqual([]),
  );
});

describe('formatVerificationCode', () => {
  it('prints a readable code in groups of five', () => {
    expect(formatVerificationCode(READABLE)).toBe('K7M2X-H9QRT-4WPZ3-N8CVA-6YDEJ-5FGBS');
  });

  it('leaves an earlier code as it is', () => {
    expect(formatVerificationCode(EARLIER)).toBe(EARLIER);
  });
});

describe('serialFrom', () => {
  it.each([
    ['ORIS-2026-000001', 'ORIS-2026-000001'],
    [' oris-2026-000001 ', 'ORIS-2026-000001'],
    ['ORIS 2026 1', 'ORIS-2026-000001'],
    ['ORIS–2026–000042', 'ORIS-2026-000042'],
    ['ORIS-٢٠٢٦-٠٠٠٠٠١', 'ORIS-2026-000001'],
    ['ORIS-2026-1234567', 'ORIS-2026-1234567'],
  ])('reads %p as %p', (typed, serial) => expect(serialFrom(typed)).toBe(serial));

  it.each(['', 'ORIS', '2026-000001', 'ORIS-26-000001', 'XORIS-2026-000001', EARLIER])(
    'finds no serial in %p',
    (typed) => expect(serialFrom(typed)).toBeNull(),
  );
});

describe('comparableName', () => {
  it('ignores case, accents, punctuation, spacing and word order', () => {
    expect(comparableName('  Benali,  AMÉLIE ')).toBe(comparableName('amelie benali'));
    expect(comparableName('Aït-Hssaine Saïd')).toBe(comparableName('said ait hssaine'));
  });

  it('ignores Arabic diacritics, tatweel and alef forms', () => {
    expect(comparableName('أمِينة بنعـلي')).toBe(comparableName('امينة بنعلي'));
  });

  it('does not take part of a name for the whole', () => {
    expect(comparableName('Amina')).not.toBe(comparableName('Amina Benali'));
  });
});

describe('westernDigits', () => {
  it('turns both Arabic-Indic digit sets into ASCII digits', () => {
    expect(westernDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});
