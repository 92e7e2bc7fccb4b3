import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/**
 * To each partnership officer, once the current end of a partnership minus its notice period has
 * come: renew, let it renew tacitly or give notice. `tacit` is 'yes' for a tacit renewal, else
 * empty; `partnershipId` opens its page.
 */
export const partnershipRenewalDueTemplate = defineTemplate({
  params: ['fullName', 'title', 'endsOn', 'noticeFrom', 'tacit', 'partnershipId'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Renouvellement à décider : « ${p.title} »`,
      preheader: `Fin le ${calendarDay(p.endsOn, 'fr')}.`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Le partenariat « ${p.title} » prend fin le ${calendarDay(p.endsOn, 'fr')} ; son préavis court depuis le ${calendarDay(p.noticeFrom, 'fr')}.`,
        p.tacit
          ? 'Sans dénonciation avant cette date, il sera reconduit tacitement.'
          : 'Pour le poursuivre, préparez son renouvellement avec les partenaires.',
      ],
      action: {
        label: 'Voir le partenariat',
        url: `${webUrl}/observatory/partnerships/${p.partnershipId}`,
      },
      signature: ['Cordialement,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `تجديد يجب البتّ فيه: «${p.title}»`,
      preheader: `ينتهي في ${calendarDay(p.endsOn, 'ar')}.`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `تنتهي الشراكة «${p.title}» في ${calendarDay(p.endsOn, 'ar')}؛ وقد بدأت مهلة الإشعار منذ ${calendarDay(p.noticeFrom, 'ar')}.`,
        p.tacit
          ? 'ما لم يتمّ الإشعار بإنهائها قبل هذا التاريخ، ستُجدَّد ضمنيًا.'
          : 'لمواصلتها، حضّروا تجديدها مع الشركاء.',
      ],
      action: {
        label: 'عرض الشراكة',
        url: `${webUrl}/observatory/partnerships/${p.partnershipId}`,
      },
      signature: ['مع التحية،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Renewal to decide: “${p.title}”`,
      preheader: `Ends on ${calendarDay(p.endsOn, 'en')}.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `The partnership “${p.title}” ends on ${calendarDay(p.endsOn, 'en')}; its notice period started on ${calendarDay(p.noticeFrom, 'en')}.`,
        p.tacit
          ? 'Unless notice is given before that day, it renews tacitly.'
          : 'To continue it, prepare its renewal with the partners.',
      ],
      action: {
        label: 'See the partnership',
        url: `${webUrl}/observatory/partnerships/${p.partnershipId}`,
      },
      signature: ['Kind regards,', 'The ORIS Academy team'],
    }),
  },
});
