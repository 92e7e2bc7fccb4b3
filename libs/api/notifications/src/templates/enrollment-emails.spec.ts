import { renderEmail } from './render-email';

const context = { webUrl: 'https://academy.oris.example' };
const base = {
  fullName: 'Youssef El Amrani',
  courseTitle: 'Mesure d’impact social',
  sessionTitle: 'Cohorte Rabat',
  startsOn: '2026-03-02',
  endsOn: '2026-03-06',
};

describe('enrollment emails', () => {
  it('writes the session dates in the reader’s language', () => {
    expect(renderEmail('enrollment_confirmed', 'fr', base, context).text).toContain(
      'du 2 mars 2026 au 6 mars 2026',
    );
    expect(renderEmail('enrollment_confirmed', 'en', base, context).text).toContain(
      'from 2 March 2026 to 6 March 2026',
    );
    expect(renderEmail('enrollment_confirmed', 'ar', base, context).text).toContain('2 مارس 2026');
  });

  it('gives the waitlist position in the subject and the body', () => {
    const email = renderEmail('enrollment_waitlisted', 'fr', { ...base, position: '7' }, context);
    expect(email.subject).toContain('position 7');
    expect(email.text).toContain('en position 7');
  });

  it('links the trainee to their learning page and the cancelled session to the catalogue', () => {
    expect(renderEmail('enrollment_promoted', 'en', base, context).text).toContain(
      'https://academy.oris.example/learning',
    );
    expect(renderEmail('session_cancelled', 'ar', base, context).text).toContain(
      'https://academy.oris.example/courses',
    );
  });
});
