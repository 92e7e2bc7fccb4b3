import { calendarDay } from './calendar-day';
import { defineTemplate } from './email-template';

/** Sent once a certificate's PDF is rendered; the PDF is attached. */
export const certificateIssuedTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'serial', 'completedOn', 'verificationCode'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject: `Votre certificat : ${p.courseTitle}`,
      preheader: `Certificat n° ${p.serial}, joint à ce message et vérifiable en ligne.`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        `Félicitations ! Vous avez achevé la formation « ${p.courseTitle} » le ${calendarDay(p.completedOn, 'fr')}. Votre certificat n° ${p.serial} est joint à ce message au format PDF.`,
        'Toute personne à qui vous le présentez — un employeur, un partenaire — peut vérifier son authenticité en ligne, avec le lien ci-dessous ou le code QR imprimé sur le certificat. Vous le retrouverez aussi à tout moment dans « Mes certificats ».',
      ],
      action: {
        label: 'Voir la page de vérification',
        url: `${webUrl}/verify/${p.verificationCode}`,
      },
      closing: ['Conservez le fichier tel quel : une copie modifiée ne serait plus reconnue.'],
      signature: ['Bravo encore,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject: `شهادتك: ${p.courseTitle}`,
      preheader: `الشهادة رقم ${p.serial}، مرفقة بهذه الرسالة ويمكن التحقق منها عبر الإنترنت.`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        `تهانينا! لقد أتممت تكوين «${p.courseTitle}» بتاريخ ${calendarDay(p.completedOn, 'ar')}. تجد شهادتك رقم ${p.serial} مرفقة بهذه الرسالة بصيغة PDF.`,
        'يمكن لكل من تقدّمها إليه — مشغّلًا كان أو شريكًا — التحقق من صحتها عبر الإنترنت، بواسطة الرابط أدناه أو رمز QR المطبوع على الشهادة. كما يمكنك الاطلاع عليها في أي وقت ضمن «شهاداتي».',
      ],
      action: { label: 'عرض صفحة التحقق', url: `${webUrl}/verify/${p.verificationCode}` },
      closing: ['احتفظ بالملف كما هو: أي نسخة معدَّلة لن يُعترف بها.'],
      signature: ['مع أطيب التهاني،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject: `Your certificate: ${p.courseTitle}`,
      preheader: `Certificate ${p.serial}, attached and verifiable online.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        `Congratulations! You completed “${p.courseTitle}” on ${calendarDay(p.completedOn, 'en')}. Your certificate ${p.serial} is attached to this message as a PDF.`,
        'Anyone you show it to — an employer, a partner — can check that it is genuine online, with the link below or the QR code printed on the certificate. You will also find it at any time under “My certificates”.',
      ],
      action: {
        label: 'Open the verification page',
        url: `${webUrl}/verify/${p.verificationCode}`,
      },
      closing: ['Keep the file as it is: a modified copy would no longer be recognised.'],
      signature: ['Well done again,', 'The ORIS Academy team'],
    }),
  },
});
