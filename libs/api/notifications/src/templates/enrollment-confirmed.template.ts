import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent when a trainee gets a seat at enrollment. */
export const enrollmentConfirmedTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'sessionTitle', 'startsOn', 'endsOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Inscription confirmée : ${p.courseTitle}`,
      preheader: `Votre place est réservée pour la session du ${calendarDay(p.startsOn, 'fr')}.`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Votre inscription à la formation « ${p.courseTitle} » est confirmée : une place vous est réservée dans la session « ${p.sessionTitle} », du ${calendarDay(p.startsOn, 'fr')} au ${calendarDay(p.endsOn, 'fr')}.`,
        'Vous pouvez dès maintenant suivre les modules en ligne et voir votre progression.',
      ],
      action: { label: 'Accéder à mes formations', url: `${webUrl}/learning` },
      closing: ['Si vous ne pouvez plus participer, désinscrivez-vous pour libérer votre place.'],
      signature: ['À bientôt,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `تأكيد التسجيل: ${p.courseTitle}`,
      preheader: `مقعدك محجوز في الدورة التي تبدأ يوم ${calendarDay(p.startsOn, 'ar')}.`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `تم تأكيد تسجيلك في تكوين «${p.courseTitle}»: لك مقعد محجوز في دورة «${p.sessionTitle}»، من ${calendarDay(p.startsOn, 'ar')} إلى ${calendarDay(p.endsOn, 'ar')}.`,
        'يمكنك الآن متابعة الوحدات عبر الإنترنت والاطلاع على تقدّمك.',
      ],
      action: { label: 'الولوج إلى تكويناتي', url: `${webUrl}/learning` },
      closing: ['إذا تعذّرت عليك المشاركة، ألغِ تسجيلك لإتاحة مقعدك لشخص آخر.'],
      signature: ['إلى اللقاء قريبًا،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Enrollment confirmed: ${p.courseTitle}`,
      preheader: `Your seat is booked for the session starting ${calendarDay(p.startsOn, 'en')}.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `Your enrollment in “${p.courseTitle}” is confirmed: you have a seat in the session “${p.sessionTitle}”, from ${calendarDay(p.startsOn, 'en')} to ${calendarDay(p.endsOn, 'en')}.`,
        'You can start the online modules now and follow your progress.',
      ],
      action: { label: 'Go to my learning', url: `${webUrl}/learning` },
      closing: [
        'If you can no longer take part, please withdraw to free your seat for someone else.',
      ],
      signature: ['See you soon,', 'The ORIS Academy team'],
    }),
  },
});
