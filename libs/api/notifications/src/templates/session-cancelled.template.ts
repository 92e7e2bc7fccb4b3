import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent to every active enrollee when a session is cancelled. */
export const sessionCancelledTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'sessionTitle', 'startsOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Session annulée : ${p.courseTitle}`,
      preheader: `La session du ${calendarDay(p.startsOn, 'fr')} n’aura pas lieu.`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Nous sommes au regret de vous informer que la session « ${p.sessionTitle} » de la formation « ${p.courseTitle} », prévue à partir du ${calendarDay(p.startsOn, 'fr')}, est annulée. Votre inscription à cette session est donc close.`,
        'Les autres sessions de cette formation et du catalogue restent ouvertes à l’inscription.',
      ],
      action: { label: 'Voir les formations', url: `${webUrl}/courses` },
      signature: ['Avec nos excuses,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `إلغاء الدورة: ${p.courseTitle}`,
      preheader: `لن تُعقد الدورة المقرّرة يوم ${calendarDay(p.startsOn, 'ar')}.`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `يؤسفنا إخبارك بإلغاء دورة «${p.sessionTitle}» من تكوين «${p.courseTitle}»، التي كانت مقرّرة ابتداءً من ${calendarDay(p.startsOn, 'ar')}. وبذلك أُغلق تسجيلك في هذه الدورة.`,
        'تبقى الدورات الأخرى لهذا التكوين وباقي التكوينات مفتوحة للتسجيل.',
      ],
      action: { label: 'تصفّح التكوينات', url: `${webUrl}/courses` },
      signature: ['مع اعتذارنا،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Session cancelled: ${p.courseTitle}`,
      preheader: `The session starting ${calendarDay(p.startsOn, 'en')} will not take place.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `We are sorry to let you know that the session “${p.sessionTitle}” of “${p.courseTitle}”, planned from ${calendarDay(p.startsOn, 'en')}, is cancelled. Your enrollment in it is therefore closed.`,
        'The other sessions of this course and the rest of the catalogue remain open for enrollment.',
      ],
      action: { label: 'Browse the courses', url: `${webUrl}/courses` },
      signature: ['With our apologies,', 'The ORIS Academy team'],
    }),
  },
});
