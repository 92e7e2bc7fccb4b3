import { defineTemplate } from './email-template';

/**
 * Sent when a signed-in person asks for a new confirmation link (`confirmUrl`, single-use). Like
 * the welcome email it carries nothing the registrant typed, not even their name: the address
 * is not proven yet, so the inbox may belong to someone else.
 */
export const emailConfirmationTemplate = defineTemplate({
  params: ['confirmUrl'],
  copy: {
    fr: ({ confirmUrl }) => ({
      subject: 'Confirmez votre adresse e-mail ORIS Academy',
      preheader: 'Un nouveau lien pour confirmer votre adresse e-mail.',
      greeting: 'Bonjour,',
      paragraphs: [
        'Vous avez demandé un nouveau lien pour confirmer l’adresse e-mail de votre compte ORIS Academy. Cliquez sur le bouton ci-dessous pour la confirmer.',
      ],
      action: { label: 'Confirmer mon adresse e-mail', url: confirmUrl },
      closing: [
        'Ce lien ne sert qu’une seule fois et expire au bout de quelques jours.',
        'Si vous n’avez pas fait cette demande, ignorez ce message.',
      ],
      signature: ['Cordialement,', 'L’équipe ORIS Academy'],
    }),
    ar: ({ confirmUrl }) => ({
      subject: 'أكّد عنوان بريدك الإلكتروني في أكاديمية ORIS',
      preheader: 'رابط جديد لتأكيد عنوان بريدك الإلكتروني.',
      greeting: 'مرحبًا،',
      paragraphs: [
        'طلبت رابطًا جديدًا لتأكيد عنوان البريد الإلكتروني لحسابك في أكاديمية ORIS. انقر على الزر أدناه لتأكيده.',
      ],
      action: { label: 'تأكيد عنوان بريدي الإلكتروني', url: confirmUrl },
      closing: [
        'لا يُستعمل هذا الرابط إلا مرة واحدة وتنتهي صلاحيته بعد بضعة أيام.',
        'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.',
      ],
      signature: ['مع أطيب التحيات،', 'فريق أكاديمية ORIS'],
    }),
    en: ({ confirmUrl }) => ({
      subject: 'Confirm your ORIS Academy email address',
      preheader: 'A new link to confirm your email address.',
      greeting: 'Hello,',
      paragraphs: [
        'You asked for a new link to confirm the email address of your ORIS Academy account. Click the button below to confirm it.',
      ],
      action: { label: 'Confirm my email address', url: confirmUrl },
      closing: [
        'This link works only once and expires after a few days.',
        'If you did not ask for this, ignore this email.',
      ],
      signature: ['Best regards,', 'The ORIS Academy team'],
    }),
  },
});
