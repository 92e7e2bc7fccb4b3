import { renderEmail } from './render-email';

const context = { webUrl: 'https://academy.oris.example' };
const params = {
  fullName: 'Imane Alaoui',
  authorName: 'Youssef El Amrani',
  courseTitle: 'Gestion de projet',
  sessionTitle: 'Cohorte printemps — Fès',
  title: 'Changement de salle',
  body: 'La séance de jeudi aura lieu en **salle 3**.\n\n<b>Apportez</b> votre ordinateur.',
  sessionId: '6f1c2f5e-0000-4000-8000-000000000001',
  unsubscribeToken: 'A'.repeat(43),
};

describe('session announcement email', () => {
  it('frames the announcement in the recipient’s language and keeps the trainer’s words', () => {
    const fr = renderEmail('session_announcement', 'fr', params, context);
    const ar = renderEmail('session_announcement', 'ar', params, context);
    const en = renderEmail('session_announcement', 'en', params, context);
    expect(fr.subject).toBe('Annonce : Changement de salle (« Cohorte printemps — Fès »)');
    expect(ar.subject).toBe('إعلان: Changement de salle («Cohorte printemps — Fès»)');
    expect(en.subject).toBe('Announcement: Changement de salle (“Cohorte printemps — Fès”)');
    for (const email of [fr, ar, en]) {
      expect(email.text).toContain('La séance de jeudi aura lieu en **salle 3**.');
      expect(email.text).toContain('<b>Apportez</b> votre ordinateur.');
      // The trainer's text is text in the HTML part, never markup.
      expect(email.html).toContain('&lt;b&gt;Apportez&lt;/b&gt;');
      expect(email.text).toContain(
        'https://academy.oris.example/learning/sessions/6f1c2f5e-0000-4000-8000-000000000001/announcements',
      );
      expect(email.text).toContain(
        `https://academy.oris.example/unsubscribe?token=${'A'.repeat(43)}`,
      );
    }
    expect(ar.html).toContain('dir="rtl"');
    expect(fr.text).toContain('Bonjour Imane Alaoui,');
    expect(en.text).toContain('Youssef El Amrani posted an announcement');
  });

  it('keeps a title on one line in the subject', () => {
    const email = renderEmail(
      'session_announcement',
      'en',
      { ...params, title: 'Room\r\nBcc: someone@example.org' },
      context,
    );
    expect(email.subject).not.toMatch(/[\r\n]/);
  });
});
