import { renderEmail } from './render-email';

const context = { webUrl: 'https://academy.oris.example' };
const params = {
  fullName: 'Karim Alaoui',
  title: 'Convention Université Ibn Zohr',
  endsOn: '2026-12-31',
  noticeFrom: '2026-11-01',
  tacit: '',
  partnershipId: '6f1c2f5e-0000-4000-8000-000000000001',
};

describe('partnership renewal email', () => {
  it('says when it ends and links the partnership, in each language', () => {
    const fr = renderEmail('partnership_renewal_due', 'fr', params, context);
    expect(fr.subject).toBe('Renouvellement à décider : « Convention Université Ibn Zohr »');
    expect(fr.text).toContain('prend fin le 31 décembre 2026');
    expect(fr.text).toContain(
      'https://academy.oris.example/observatory/partnerships/6f1c2f5e-0000-4000-8000-000000000001',
    );
    expect(renderEmail('partnership_renewal_due', 'ar', params, context).text).toContain(
      '31 دجنبر 2026',
    );
    expect(renderEmail('partnership_renewal_due', 'en', params, context).text).toContain(
      'prepare its renewal',
    );
  });

  it('says a tacit renewal happens unless notice is given', () => {
    const email = renderEmail(
      'partnership_renewal_due',
      'en',
      { ...params, tacit: 'yes' },
      context,
    );
    expect(email.text).toContain('Unless notice is given before that day, it renews tacitly.');
  });
});
