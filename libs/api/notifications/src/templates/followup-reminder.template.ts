import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';
import { arabicMonths } from './followup-due.template';

/**
 * A reminder for a follow-up survey not answered yet. It carries a fresh link: the one of the
 * previous email no longer works.
 */
export const followupReminderTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'months', 'surveyToken', 'expiresOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Rappel : votre situation ${p.months} mois après « ${p.courseTitle} »`,
      preheader: 'Votre réponse nous manque encore : deux minutes suffisent.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Nous vous avons écrit récemment pour savoir ce que vous êtes devenu(e) ${p.months} mois après la formation « ${p.courseTitle} ». Nous n’avons pas encore reçu votre réponse.`,
        'Que vous ayez trouvé un emploi, lancé une activité, repris des études ou que vous soyez encore en recherche, chaque réponse compte.',
      ],
      action: { label: 'Répondre au questionnaire', url: `${webUrl}/survey/${p.surveyToken}` },
      closing: [
        `Ce nouveau lien remplace celui du message précédent, qui ne fonctionne plus. Il est personnel, ne sert qu’une fois et reste valable jusqu’au ${calendarDay(p.expiresOn, 'fr')}.`,
      ],
      signature: ['Merci d’avance,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `تذكير: وضعك بعد ${arabicMonths(p.months)} من تكوين «${p.courseTitle}»`,
      preheader: 'لم نتوصل بإجابتك بعد: دقيقتان تكفيان.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `راسلناك مؤخرًا لمعرفة وضعك بعد ${arabicMonths(p.months)} من تكوين «${p.courseTitle}»، ولم نتوصل بإجابتك بعد.`,
        'سواء وجدت عملًا، أو أطلقت نشاطًا، أو استأنفت الدراسة، أو ما زلت تبحث عن عمل، فكل إجابة مهمة.',
      ],
      action: { label: 'الإجابة عن الاستبيان', url: `${webUrl}/survey/${p.surveyToken}` },
      closing: [
        `يحلّ هذا الرابط الجديد محلّ رابط الرسالة السابقة الذي لم يعد صالحًا. وهو خاص بك، لا يُستعمل إلا مرة واحدة ويظل صالحًا حتى ${calendarDay(p.expiresOn, 'ar')}.`,
      ],
      signature: ['شكرًا مسبقًا،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Reminder: your situation ${p.months} months after “${p.courseTitle}”`,
      preheader: 'We have not heard from you yet: two minutes are enough.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `We wrote to you recently to ask what you are doing ${p.months} months after “${p.courseTitle}”, and we have not received your answer yet.`,
        'Whether you found a job, started an activity, went back to studying or are still looking, every answer counts.',
      ],
      action: { label: 'Answer the survey', url: `${webUrl}/survey/${p.surveyToken}` },
      closing: [
        `This new link replaces the one in the previous email, which no longer works. It is personal, works only once and stays valid until ${calendarDay(p.expiresOn, 'en')}.`,
      ],
      signature: ['Thank you in advance,', 'The ORIS Academy team'],
    }),
  },
});
