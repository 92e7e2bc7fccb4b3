import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent when the session requires approval: the request waits for a trainer's decision. */
export const enrollmentPendingTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'sessionTitle', 'startsOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Demande d’inscription reçue : ${p.courseTitle}`,
      preheader: 'Votre demande sera examinée par l’équipe de formation.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Nous avons bien reçu votre demande d’inscription à la session « ${p.sessionTitle} » de la formation « ${p.courseTitle} », qui commence le ${calendarDay(p.startsOn, 'fr')}.`,
        'Les inscriptions à cette session sont validées par l’équipe de formation. Vous recevrez un message dès que votre demande aura été examinée.',
      ],
      action: { label: 'Suivre ma demande', url: `${webUrl}/learning` },
      signature: ['Cordialement,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `توصّلنا بطلب تسجيلك: ${p.courseTitle}`,
      preheader: 'سيدرس فريق التكوين طلبك.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `توصّلنا بطلب تسجيلك في دورة «${p.sessionTitle}» من تكوين «${p.courseTitle}»، التي تبدأ يوم ${calendarDay(p.startsOn, 'ar')}.`,
        'يصادق فريق التكوين على التسجيلات في هذه الدورة. ستتوصّل برسالة بمجرد دراسة طلبك.',
      ],
      action: { label: 'متابعة طلبي', url: `${webUrl}/learning` },
      signature: ['مع أطيب التحيات،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Enrollment request received: ${p.courseTitle}`,
      preheader: 'The training team will review your request.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `We have received your request to join the session “${p.sessionTitle}” of “${p.courseTitle}”, starting ${calendarDay(p.startsOn, 'en')}.`,
        'Enrollments in this session are approved by the training team. You will hear from us as soon as your request has been reviewed.',
      ],
      action: { label: 'Follow my request', url: `${webUrl}/learning` },
      signature: ['Best regards,', 'The ORIS Academy team'],
    }),
  },
});
