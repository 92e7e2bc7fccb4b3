import { defineTemplate } from './email-template';

/** The trainer's text as written, one paragraph per block separated by a blank line. */
const blocksOf = (body: string): string[] =>
  body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);

/**
 * An announcement of a session's staff, to each of its trainees who did not mute the session's
 * emails: the frame in the trainee's language, the announcement as its author wrote it. The
 * closing line carries the one-click unsubscribe link (`unsubscribeToken`, single use).
 */
export const sessionAnnouncementTemplate = defineTemplate({
  params: [
    'fullName',
    'authorName',
    'courseTitle',
    'sessionTitle',
    'title',
    'body',
    'sessionId',
    'unsubscribeToken',
  ],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Annonce : ${p.title} (« ${p.sessionTitle} »)`,
      preheader: `${p.authorName} écrit aux participants de « ${p.sessionTitle} ».`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `${p.authorName} a publié une annonce pour la session « ${p.sessionTitle} » de la formation « ${p.courseTitle} » :`,
        p.title,
        ...blocksOf(p.body),
      ],
      action: {
        label: 'Lire dans ORIS Academy',
        url: `${webUrl}/learning/sessions/${p.sessionId}/announcements`,
      },
      closing: [
        `Pour ne plus recevoir par email les annonces de cette session (elles resteront dans votre espace) : ${webUrl}/unsubscribe?token=${p.unsubscribeToken}`,
      ],
      signature: ['Cordialement,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `إعلان: ${p.title} («${p.sessionTitle}»)`,
      preheader: `${p.authorName} يكتب إلى المشاركين في «${p.sessionTitle}».`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `نشر ${p.authorName} إعلانًا لدورة «${p.sessionTitle}» من التكوين «${p.courseTitle}»:`,
        p.title,
        ...blocksOf(p.body),
      ],
      action: {
        label: 'اقرأ في أكاديمية ORIS',
        url: `${webUrl}/learning/sessions/${p.sessionId}/announcements`,
      },
      closing: [
        `لإيقاف تلقي إعلانات هذه الدورة عبر البريد الإلكتروني (ستبقى متاحة في فضائك): ${webUrl}/unsubscribe?token=${p.unsubscribeToken}`,
      ],
      signature: ['مع التحية،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Announcement: ${p.title} (“${p.sessionTitle}”)`,
      preheader: `${p.authorName} writes to the participants of “${p.sessionTitle}”.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `${p.authorName} posted an announcement to the session “${p.sessionTitle}” of the course “${p.courseTitle}”:`,
        p.title,
        ...blocksOf(p.body),
      ],
      action: {
        label: 'Read it in ORIS Academy',
        url: `${webUrl}/learning/sessions/${p.sessionId}/announcements`,
      },
      closing: [
        `To stop receiving this session’s announcements by email (they stay in your space): ${webUrl}/unsubscribe?token=${p.unsubscribeToken}`,
      ],
      signature: ['Kind regards,', 'The ORIS Academy team'],
    }),
  },
});
