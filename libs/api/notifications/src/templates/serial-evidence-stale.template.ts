import { defineTemplate } from './email-template';

/**
 * Sent to each observatory editor when serials' coverage evidence was last checked more than a
 * year ago (the yearly evidence check; each serial is in one such email per year at most).
 */
export const serialEvidenceStaleTemplate = defineTemplate({
  params: ['fullName', 'count', 'titles'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Couverture des revues à revérifier (${p.count})`,
      preheader: 'La preuve de couverture de ces revues a plus d’un an.',
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Revues dont la couverture par les index a été vérifiée il y a plus d’un an : ${p.count}. Vérifiez-la de nouveau et enregistrez la preuve (lien ou fichier) :`,
        ...p.titles.split('\n'),
      ],
      action: {
        label: 'Voir les revues à revérifier',
        url: `${webUrl}/observatory/serials?stale=true`,
      },
      signature: ['Merci,', 'L’observatoire ORIS'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `تغطية مجلات تحتاج إلى تحقق جديد (${p.count})`,
      preheader: 'مضى أكثر من سنة على آخر تحقق من دليل تغطية هذه المجلات.',
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `عدد المجلات التي مضى أكثر من سنة على آخر تحقق من تغطيتها من طرف الفهارس: ${p.count}. يرجى التحقق منها من جديد وتسجيل الدليل (رابط أو ملف):`,
        ...p.titles.split('\n'),
      ],
      action: {
        label: 'عرض المجلات المطلوب التحقق منها',
        url: `${webUrl}/observatory/serials?stale=true`,
      },
      signature: ['شكرًا،', 'مرصد ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Serials' coverage to check again (${p.count})`,
      preheader: 'The coverage evidence of these serials is more than a year old.',
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `Serials whose index coverage was last checked more than a year ago: ${p.count}. Please check it again and record the evidence (a link or a file):`,
        ...p.titles.split('\n'),
      ],
      action: {
        label: 'See the serials to check',
        url: `${webUrl}/observatory/serials?stale=true`,
      },
      signature: ['Thank you,', 'The ORIS observatory'],
    }),
  },
});
