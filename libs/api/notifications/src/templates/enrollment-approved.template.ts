import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent when a trainer approves a pending request and a seat is free. */
export const enrollmentApprovedTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'sessionTitle', 'startsOn', 'endsOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Demande acceptée : ${p.courseTitle}`,
      preheader: 'Votre inscription est validée et votre place réservée.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Bonne nouvelle : votre demande d’inscription est acceptée. Une place vous est réservée dans la session « ${p.sessionTitle} » de la formation « ${p.courseTitle} », du ${calendarDay(p.startsOn, 'fr')} au ${calendarDay(p.endsOn, 'fr')}.`,
        'Vous pouvez dès maintenant suivre les modules en ligne.',
      ],
      action: { label: 'Accéder à mes formations', url: `${webUrl}/learning` },
      signature: ['À bientôt,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `تم قبول طلبك: ${p.courseTitle}`,
      preheader: 'تمت المصادقة على تسجيلك وحجز مقعدك.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `خبر سار: تم قبول طلب تسجيلك. لك مقعد محجوز في دورة «${p.sessionTitle}» من تكوين «${p.courseTitle}»، من ${calendarDay(p.startsOn, 'ar')} إلى ${calendarDay(p.endsOn, 'ar')}.`,
        'يمكنك الآن متابعة الوحدات عبر الإنترنت.',
      ],
      action: { label: 'الولوج إلى تكويناتي', url: `${webUrl}/learning` },
      signature: ['إلى اللقاء قريبًا،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Request approved: ${p.courseTitle}`,
      preheader: 'Your enrollment is approved and your seat booked.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `Good news: your enrollment request is approved. You have a seat in the session “${p.sessionTitle}” of “${p.courseTitle}”, from ${calendarDay(p.startsOn, 'en')} to ${calendarDay(p.endsOn, 'en')}.`,
        'You can start the online modules now.',
      ],
      action: { label: 'Go to my learning', url: `${webUrl}/learning` },
      signature: ['See you soon,', 'The ORIS Academy team'],
    }),
  },
});
