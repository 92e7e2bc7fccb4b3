import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent when the session is full and the trainee joins its waitlist. */
export const enrollmentWaitlistedTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'sessionTitle', 'startsOn', 'position'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Liste d’attente (position ${p.position}) : ${p.courseTitle}`,
      preheader: 'La session est complète ; nous vous écrirons dès qu’une place se libère.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `La session « ${p.sessionTitle} » de la formation « ${p.courseTitle} », qui commence le ${calendarDay(p.startsOn, 'fr')}, est complète. Vous êtes inscrit·e sur sa liste d’attente, en position ${p.position}.`,
        'Dès qu’une place se libère, elle revient à la première personne de la liste, qui reçoit aussitôt un message de confirmation.',
      ],
      action: { label: 'Suivre mon inscription', url: `${webUrl}/learning` },
      signature: ['Cordialement,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `لائحة الانتظار (الرتبة ${p.position}): ${p.courseTitle}`,
      preheader: 'الدورة مكتملة؛ سنراسلك فور توفّر مقعد.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `دورة «${p.sessionTitle}» من تكوين «${p.courseTitle}»، التي تبدأ يوم ${calendarDay(p.startsOn, 'ar')}، مكتملة. تم تسجيلك في لائحة الانتظار في الرتبة ${p.position}.`,
        'عند توفّر أي مقعد، يُمنح لأول شخص في اللائحة، ويتوصّل فورًا برسالة تأكيد.',
      ],
      action: { label: 'متابعة تسجيلي', url: `${webUrl}/learning` },
      signature: ['مع أطيب التحيات،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Waitlisted (position ${p.position}): ${p.courseTitle}`,
      preheader: 'The session is full; we will write as soon as a seat frees up.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `The session “${p.sessionTitle}” of “${p.courseTitle}”, starting ${calendarDay(p.startsOn, 'en')}, is full. You are on its waitlist, in position ${p.position}.`,
        'When a seat frees up, it goes to the first person on the list, who is emailed a confirmation straight away.',
      ],
      action: { label: 'Follow my enrollment', url: `${webUrl}/learning` },
      signature: ['Best regards,', 'The ORIS Academy team'],
    }),
  },
});
