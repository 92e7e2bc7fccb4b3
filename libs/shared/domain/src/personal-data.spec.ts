import { consentPromptReason, PERSONAL_DATA_NOTICE_VERSION } from './personal-data';

describe('consentPromptReason', () => {
  it('asks a person who never consented', () => {
    expect(consentPromptReason(null)).toBe('missing');
  });

  it('asks again when the notice is newer than the one consented to', () => {
    expect(
      consentPromptReason({ noticeVersion: '2026-11-01', method: 'registration' }, '2027-01-15'),
    ).toBe('notice_updated');
  });

  it('asks a person to confirm what staff recorded for them, and only once', () => {
    const current = PERSONAL_DATA_NOTICE_VERSION;
    expect(consentPromptReason({ noticeVersion: current, method: 'staff_recorded' })).toBe(
      'staff_recorded',
    );
    expect(consentPromptReason({ noticeVersion: current, method: 'sign_in_prompt' })).toBeNull();
  });

  it('does not ask when the consent is to the current notice, or to a later one', () => {
    expect(
      consentPromptReason({ noticeVersion: '2026-11-01', method: 'profile' }, '2026-11-01'),
    ).toBeNull();
    expect(
      consentPromptReason({ noticeVersion: '2027-01-15', method: 'registration' }, '2026-11-01'),
    ).toBeNull();
  });
});
