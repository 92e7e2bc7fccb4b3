import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** "6 أشهر", "9 أشهر", "12 شهرًا": Arabic counts 3–10 take the plural, 11 and more the singular. */
export function arabicMonths(months: string): string {
  const count = Number(months);
  return count >= 3 && count <= 10 ? `${months} أشهر` : `${months} شهرًا`;
}

/**
 * Sent when a follow-up falls due (6, 9 or 12 months after completion): a personal link to the
 * short survey. `surveyToken` is single-use and expires on `expiresOn`.
 */
export const followupDueTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'months', 'surveyToken', 'expiresOn'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Où en êtes-vous, ${p.months} mois après « ${p.courseTitle} » ?`,
      preheader: 'Deux minutes pour nous dire ce que vous faites aujourd’hui.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Il y a ${p.months} mois, vous avez achevé la formation « ${p.courseTitle} ». Nous aimerions savoir ce que vous êtes devenu(e) : emploi, activité à votre compte, entreprise ou coopérative créée, stage, études, ou recherche d’emploi.`,
        'Le questionnaire est court (deux minutes) et ne demande pas de vous connecter. Vos réponses nous aident à améliorer les formations et à mieux accompagner les prochaines promotions.',
      ],
      action: { label: 'Répondre au questionnaire', url: `${webUrl}/survey/${p.surveyToken}` },
      closing: [
        `Ce lien vous est personnel : il ne sert qu’une seule fois et reste valable jusqu’au ${calendarDay(p.expiresOn, 'fr')}. Ne le transférez pas.`,
      ],
      signature: ['Merci d’avance,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `أين وصلت بعد ${arabicMonths(p.months)} من تكوين «${p.courseTitle}»؟`,
      preheader: 'دقيقتان لتخبرنا بما تقوم به اليوم.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `قبل ${arabicMonths(p.months)}، أتممت تكوين «${p.courseTitle}». نودّ أن نعرف وضعك الحالي: عمل مأجور، أو نشاط لحسابك الخاص، أو مقاولة أو تعاونية أنشأتها، أو تدريب، أو متابعة الدراسة، أو البحث عن عمل.`,
        'الاستبيان قصير (دقيقتان) ولا يتطلب تسجيل الدخول. تساعدنا إجاباتك على تحسين التكوينات ومواكبة الأفواج القادمة بشكل أفضل.',
      ],
      action: { label: 'الإجابة عن الاستبيان', url: `${webUrl}/survey/${p.surveyToken}` },
      closing: [
        `هذا الرابط خاص بك: لا يُستعمل إلا مرة واحدة ويظل صالحًا حتى ${calendarDay(p.expiresOn, 'ar')}. يُرجى عدم مشاركته.`,
      ],
      signature: ['شكرًا مسبقًا،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Where are you now, ${p.months} months after “${p.courseTitle}”?`,
      preheader: 'Two minutes to tell us what you are doing today.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `${p.months} months ago you completed “${p.courseTitle}”. We would like to know what you are doing now: a job, work on your own account, an enterprise or cooperative you created, an internship, further studies, or looking for work.`,
        'The survey is short (two minutes) and needs no sign-in. Your answers help us improve the courses and better support the next cohorts.',
      ],
      action: { label: 'Answer the survey', url: `${webUrl}/survey/${p.surveyToken}` },
      closing: [
        `This link is personal: it works only once and stays valid until ${calendarDay(p.expiresOn, 'en')}. Please do not forward it.`,
      ],
      signature: ['Thank you in advance,', 'The ORIS Academy team'],
    }),
  },
});
