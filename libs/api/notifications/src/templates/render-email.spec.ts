import { LOCALES } from '@oris/shared/domain';
import { EMAIL_TEMPLATES, type EmailTemplate } from './index';
import { renderEmail } from './render-email';

const context = { webUrl: 'https://academy.oris.example/' };
const enrollment = {
  fullName: 'Amina El Idrissi',
  courseTitle: 'Entrepreneuriat social',
  sessionTitle: 'Cohorte printemps — Fès',
  startsOn: '2026-03-02',
};
const followup = {
  fullName: 'Amina El Idrissi',
  courseTitle: 'Entrepreneuriat social',
  months: '9',
  surveyToken: 'q3Vx9_Zt-8kLm2NpR4sT6uWyq3Vx9_Zt-8kLm2NpR4s',
  expiresOn: '2026-12-26',
};
const params: Record<EmailTemplate, Record<string, string>> = {
  welcome: { confirmUrl: 'https://academy.oris.example/confirm-email?token=abc' },
  email_confirmation: { confirmUrl: 'https://academy.oris.example/confirm-email?token=abc' },
  password_reset: {
    fullName: 'Amina El Idrissi',
    resetUrl: 'https://academy.oris.example/reset?token=abc&x=1',
  },
  enrollment_confirmed: { ...enrollment, endsOn: '2026-03-06' },
  enrollment_waitlisted: { ...enrollment, position: '3' },
  enrollment_pending: enrollment,
  enrollment_approved: { ...enrollment, endsOn: '2026-03-06' },
  enrollment_promoted: { ...enrollment, endsOn: '2026-03-06' },
  session_cancelled: enrollment,
  certificate_issued: {
    fullName: 'Amina El Idrissi',
    courseTitle: 'Entrepreneuriat social',
    serial: 'ORIS-2026-000007',
    completedOn: '2026-03-06',
    verificationCode: 'q3Vx9_Zt-8kLm2NpR4sT6uWy',
  },
  followup_due: followup,
  followup_reminder: followup,
  meeting_reminder: {
    fullName: 'Amina El Idrissi',
    courseTitle: 'Entrepreneuriat social',
    sessionTitle: 'Cohorte printemps — Fès',
    day: '2026-03-03',
    startsAt: '09:00',
    endsAt: '12:00',
    place: 'Maison des associations, Fès',
    onlineUrl: '',
  },
  serial_evidence_stale: {
    fullName: 'Amina El Idrissi',
    count: '2',
    titles: 'Revue marocaine de santé publique\nJournal of Open Research Software',
  },
  partnership_renewal_due: {
    fullName: 'Amina El Idrissi',
    title: 'Convention Université Ibn Zohr',
    endsOn: '2026-12-31',
    noticeFrom: '2026-11-01',
    tacit: '',
    partnershipId: '6f1c2f5e-0000-4000-8000-000000000001',
  },
  session_announcement: {
    fullName: 'Amina El Idrissi',
    authorName: 'Youssef El Amrani',
    courseTitle: 'Gestion de projet',
    sessionTitle: 'Cohorte printemps — Fès',
    title: 'Changement de salle',
    body: 'Jeudi en salle 3.',
    sessionId: '6f1c2f5e-0000-4000-8000-000000000002',
    unsubscribeToken: 'A'.repeat(43),
  },
  assignment_feedback: {
    fullName: 'Amina El Idrissi',
    courseTitle: 'Entrepreneuriat social',
    assignmentTitle: 'Étude de cas',
    grade: '15 / 20 (75 %)',
    returned: '',
    path: '/learning/6f1c2f5e-0000-4000-8000-000000000001/modules/6f1c2f5e-0000-4000-8000-000000000002/assignment',
  },
};

describe('renderEmail', () => {
  const cases = (Object.keys(EMAIL_TEMPLATES) as EmailTemplate[]).flatMap((template) =>
    LOCALES.map((locale) => [template, locale] as const),
  );

  it.each(cases)(
    'renders %s in %s with a subject, an HTML part and a text part',
    (template, locale) => {
      const email = renderEmail(template, locale, params[template], context);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.html).toContain(
        `<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`,
      );
      // Every email names its recipient, except those to an address not yet proven (see below).
      const named = template !== 'welcome' && template !== 'email_confirmation';
      expect(email.html.includes('Amina El Idrissi')).toBe(named);
      expect(email.text.includes('Amina El Idrissi')).toBe(named);
      expect(email.text).toContain('ORIS Academy');
      expect(email.text).not.toMatch(/<[a-z]/i);
    },
  );

  it('writes each language in its own words', () => {
    const subjects = LOCALES.map(
      (locale) => renderEmail('welcome', locale, params.welcome, context).subject,
    );
    expect(new Set(subjects).size).toBe(3);
    expect(subjects[0]).toContain('Bienvenue');
    expect(subjects[1]).toMatch(/[\u0600-\u06FF]/);
    expect(subjects[2]).toContain('Welcome');
  });

  it('lays Arabic out right to left', () => {
    const email = renderEmail('password_reset', 'ar', params.password_reset, context);
    expect(email.html).toContain('<body dir="rtl"');
    expect(email.html).toContain('text-align:right');
  });

  it('puts the reset link in both parts, escaped in the HTML', () => {
    const email = renderEmail('password_reset', 'fr', params.password_reset, context);
    expect(email.text).toContain('https://academy.oris.example/reset?token=abc&x=1');
    expect(email.html).toContain('href="https://academy.oris.example/reset?token=abc&amp;x=1"');
    expect(email.html).not.toContain('token=abc&x=1');
  });

  it('puts the confirmation link in the welcome email', () => {
    const email = renderEmail('welcome', 'en', params.welcome, context);
    expect(email.text).toContain('https://academy.oris.example/confirm-email?token=abc');
    expect(email.html).toContain('href="https://academy.oris.example/confirm-email?token=abc"');
  });

  it.each(['welcome', 'email_confirmation'] as const)(
    'carries nothing the registrant typed in the %s email, whatever it is given',
    (template) => {
      const email = renderEmail(
        template,
        'fr',
        { ...params[template], fullName: 'Gagnez 1000 € sur evil.example' },
        context,
      );
      expect(email.subject + email.text + email.html).not.toContain('evil.example');
    },
  );

  it('escapes every user-supplied value in the HTML part', () => {
    const fullName = `<script>alert("x")</script> & <img src=x onerror='y'>`;
    const email = renderEmail(
      'password_reset',
      'fr',
      { ...params.password_reset, fullName },
      context,
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=&#39;y&#39;&gt;',
    );
    expect(email.text).toContain(fullName);
  });

  it('keeps the subject on one line whatever the parameters hold', () => {
    const email = renderEmail(
      'enrollment_confirmed',
      'en',
      { ...params.enrollment_confirmed, courseTitle: 'Eve\r\nBcc: victim@example.com\n\u2028X' },
      context,
    );
    expect(email.subject).toBe('Enrollment confirmed: Eve Bcc: victim@example.com X');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() =>
      renderEmail(
        'password_reset',
        'en',
        { fullName: 'A', resetUrl: 'javascript:alert(1)' },
        context,
      ),
    ).toThrow(/http/);
  });

  it('refuses a missing parameter, an unknown template or an unknown locale', () => {
    expect(() => renderEmail('password_reset', 'en', { fullName: 'A' }, context)).toThrow(
      /resetUrl/,
    );
    expect(() => renderEmail('nope', 'en', {}, context)).toThrow(/Unknown email template/);
    expect(() => renderEmail('welcome', 'de' as never, params.welcome, context)).toThrow(/locale/);
  });
});
