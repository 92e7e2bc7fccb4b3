import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/**
 * The day before a meeting, to each trainee holding a seat: when and where, and the online link
 * if the session has one. `place` and `onlineUrl` may be empty; times are Moroccan ('HH:mm').
 */
export const meetingReminderTemplate = defineTemplate({
  params: [
    'fullName',
    'courseTitle',
    'sessionTitle',
    'day',
    'startsAt',
    'endsAt',
    'place',
    'onlineUrl',
  ],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Demain, ${p.startsAt} : « ${p.courseTitle} »`,
      preheader: `Séance du ${calendarDay(p.day, 'fr')}, de ${p.startsAt} à ${p.endsAt}.`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Nous vous rappelons la séance de demain, ${calendarDay(p.day, 'fr')}, de ${p.startsAt} à ${p.endsAt} (heure du Maroc), de la session « ${p.sessionTitle} ».`,
        ...(p.place ? [`Lieu : ${p.place}.`] : []),
        ...(p.onlineUrl ? [`Lien de la séance en ligne : ${p.onlineUrl}`] : []),
      ],
      action: { label: 'Voir mes formations', url: `${webUrl}/learning` },
      closing: ['Si vous ne pouvez pas venir, prévenez votre formateur ou votre formatrice.'],
      signature: ['À demain,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `غدًا، ${p.startsAt}: «${p.courseTitle}»`,
      preheader: `حصة ${calendarDay(p.day, 'ar')}، من ${p.startsAt} إلى ${p.endsAt}.`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `نذكّرك بحصة الغد، ${calendarDay(p.day, 'ar')}، من ${p.startsAt} إلى ${p.endsAt} (بتوقيت المغرب)، ضمن دورة «${p.sessionTitle}».`,
        ...(p.place ? [`المكان: ${p.place}.`] : []),
        ...(p.onlineUrl ? [`رابط الحصة عن بُعد: ${p.onlineUrl}`] : []),
      ],
      action: { label: 'عرض تكويناتي', url: `${webUrl}/learning` },
      closing: ['إذا تعذّر عليك الحضور، فالمرجو إخبار المكوّن أو المكوّنة.'],
      signature: ['إلى الغد،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Tomorrow, ${p.startsAt}: “${p.courseTitle}”`,
      preheader: `Meeting on ${calendarDay(p.day, 'en')}, ${p.startsAt} to ${p.endsAt}.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `A reminder of tomorrow’s meeting, ${calendarDay(p.day, 'en')}, from ${p.startsAt} to ${p.endsAt} (Morocco time), of the session “${p.sessionTitle}”.`,
        ...(p.place ? [`Place: ${p.place}.`] : []),
        ...(p.onlineUrl ? [`Online meeting link: ${p.onlineUrl}`] : []),
      ],
      action: { label: 'See my learning', url: `${webUrl}/learning` },
      closing: ['If you cannot come, please tell your trainer.'],
      signature: ['See you tomorrow,', 'The ORIS Academy team'],
    }),
  },
});
