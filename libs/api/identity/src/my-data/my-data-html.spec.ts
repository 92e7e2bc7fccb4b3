import { escapeHtml, renderMyDataHtml } from './my-data-html';
import type { MyData } from './my-data';
import { actorOf } from './my-data.service';

const data = (fullName: string): MyData => ({
  format: 'oris-my-data/1',
  exportedAt: '2026-12-06T10:00:00.000Z',
  profile: {
    id: 'p1',
    email: 'nora@example.ma',
    phone: '+212612345678',
    fullName,
    fullNameAr: null,
    gender: null,
    birthYear: null,
    regionCode: null,
    locale: 'fr',
    roles: ['trainee'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    calendarFeedCreatedAt: null,
  },
  consents: [],
  rectificationRequests: [],
  enrollments: [],
  certificates: [],
  placements: [],
  followUps: [],
  quizAttempts: [],
  assignmentSubmissions: [
    {
      id: 's1',
      courseTitle: 'ESS',
      assignmentTitle: 'Étude de cas',
      status: 'graded',
      text: '<b>mon texte</b>',
      submissionCount: 1,
      submittedAt: '2026-12-01T10:00:00.000Z',
      late: false,
      rubricResults: [{ criterion: 'Analyse', level: 'Correcte', points: 5 }],
      feedback: 'Bien.',
      points: 5,
      maxPoints: 10,
      percent: 50,
      gradedAt: '2026-12-02T10:00:00.000Z',
      files: [
        {
          role: 'submission',
          name: 'rapport.pdf',
          kind: 'pdf',
          size: 300,
          sha256: 'ab'.repeat(32),
          uploadedAt: '2026-12-01T09:00:00.000Z',
        },
      ],
    },
  ],
  notifications: [],
  announcementEmailMutes: [],
  announcementsWritten: [],
  auditEvents: [
    {
      at: '2026-12-06T10:00:00.000Z',
      action: 'personal_data.viewed',
      subjectType: 'user',
      subjectId: 'p1',
      actor: 'placement_officer',
      data: { note: '"><img src=x onerror=alert(1)>' },
    },
  ],
});

describe('the HTML export', () => {
  it('escapes the five characters that can break out of text or attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every value, nested ones included', () => {
    const html = renderMyDataHtml(data('<script>alert(1)</script>'), 'fr');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('is written in the person’s language and direction, actors by role', () => {
    expect(renderMyDataHtml(data('Nora'), 'ar')).toContain('<html lang="ar" dir="rtl">');
    const french = renderMyDataHtml(data('Nora'), 'fr');
    expect(french).toContain('<html lang="fr" dir="ltr">');
    expect(french).toContain('un chargé d’insertion');
    expect(renderMyDataHtml(data('Nora'), 'en')).toContain('Actions about you');
  });

  it('shows the learning activities with labels in each language', () => {
    const french = renderMyDataHtml(data('Nora'), 'fr');
    expect(french).toContain('Devoirs remis et retours reçus');
    expect(french).toContain('Empreinte SHA-256');
    expect(french).toContain('&lt;b&gt;mon texte&lt;/b&gt;');
    expect(renderMyDataHtml(data('Nora'), 'ar')).toContain('شبكة التقييم');
    expect(renderMyDataHtml(data('Nora'), 'en')).toContain('Quiz attempts');
  });
});

describe('actorOf', () => {
  it('names the person, the platform, or another person’s strongest staff role only', () => {
    expect(actorOf('me', ['trainee'], 'me')).toBe('you');
    expect(actorOf(null, null, 'me')).toBe('system');
    expect(actorOf('x', ['trainer', 'admin'], 'me')).toBe('admin');
    expect(actorOf('x', ['trainee'], 'me')).toBe('staff');
    expect(actorOf('x', null, 'me')).toBe('staff');
  });
});
