import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent to the first waitlisted person when a seat frees up and becomes theirs. */
export const enrollmentPromotedTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'sessionTitle', 'startsOn', 'endsOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Une place s’est libérée : ${p.courseTitle}`,
      preheader: 'Vous quittez la liste d’attente : votre inscription est confirmée.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Une place s’est libérée dans la session « ${p.sessionTitle} » de la formation « ${p.courseTitle} » et elle vous revient : votre inscription est confirmée, du ${calendarDay(p.startsOn, 'fr')} au ${calendarDay(p.endsOn, 'fr')}.`,
        'Vous pouvez dès maintenant suivre les modules en ligne.',
      ],
      action: { label: 'Accéder à mes formations', url: `${webUrl}/learning` },
      closing: [
        'Si vous ne pouvez plus participer, désinscrivez-vous pour que la place profite à la personne suivante.',
      ],
      signature: ['À bientôt,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `توفّر مقعد: ${p.courseTitle}`,
      preheader: 'خرجت من لائحة الانتظار: تم تأكيد تسجيلك.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `توفّر مقعد في دورة «${p.sessionTitle}» من تكوين «${p.courseTitle}» وأصبح من نصيبك: تم تأكيد تسجيلك، من ${calendarDay(p.startsOn, 'ar')} إلى ${calendarDay(p.endsOn, 'ar')}.`,
        'يمكنك الآن متابعة الوحدات عبر الإنترنت.',
      ],
      action: { label: 'الولوج إلى تكويناتي', url: `${webUrl}/learning` },
      closing: ['إذا تعذّرت عليك المشاركة، ألغِ تسجيلك ليستفيد من المقعد الشخص الموالي.'],
      signature: ['إلى اللقاء قريبًا،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `A seat is yours: ${p.courseTitle}`,
      preheader: 'You are off the waitlist: your enrollment is confirmed.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `A seat has freed up in the session “${p.sessionTitle}” of “${p.courseTitle}” and it is yours: your enrollment is confirmed, from ${calendarDay(p.startsOn, 'en')} to ${calendarDay(p.endsOn, 'en')}.`,
        'You can start the online modules now.',
      ],
      action: { label: 'Go to my learning', url: `${webUrl}/learning` },
      closing: [
        'If you can no longer take part, please withdraw so that the next person gets the seat.',
      ],
      signature: ['See you soon,', 'The ORIS Academy team'],
    }),
  },
});
