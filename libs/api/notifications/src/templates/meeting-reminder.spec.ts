import { renderEmail } from './render-email';

const context = { webUrl: 'https://academy.oris.example' };
const params = {
  fullName: 'Salma Idrissi',
  courseTitle: 'Gestion de projet',
  sessionTitle: 'Cohorte Fès',
  day: '2026-03-10',
  startsAt: '09:00',
  endsAt: '12:30',
  place: 'Maison des associations, Fès',
  onlineUrl: '',
};

describe('meeting reminder email', () => {
  it('says when and where in the reader’s language', () => {
    const fr = renderEmail('meeting_reminder', 'fr', params, context);
    expect(fr.subject).toBe('Demain, 09:00 : « Gestion de projet »');
    expect(fr.text).toContain('demain, 10 mars 2026, de 09:00 à 12:30');
    expect(fr.text).toContain('Lieu : Maison des associations, Fès.');
    expect(fr.text).not.toContain('en ligne');
    expect(renderEmail('meeting_reminder', 'ar', params, context).text).toContain('10 مارس 2026');
    expect(renderEmail('meeting_reminder', 'en', params, context).text).toContain(
      'from 09:00 to 12:30 (Morocco time)',
    );
  });

  it('gives the online link when the session has one, and no place line without a venue', () => {
    const online = { ...params, place: '', onlineUrl: 'https://meet.example.org/oris-fes' };
    const email = renderEmail('meeting_reminder', 'en', online, context);
    expect(email.text).toContain('Online meeting link: https://meet.example.org/oris-fes');
    expect(email.text).not.toContain('Place:');
  });
});
