import { defineTemplate } from './email-template';

/** Sent when someone asks to reset a password; `resetUrl` carries the single-use token. */
export const passwordResetTemplate = defineTemplate({
  params: ['fullName', 'resetUrl'],
  copy: {
    fr: ({ fullName, resetUrl }) => ({
      subject: 'Réinitialisation de votre mot de passe ORIS Academy',
      preheader: 'Choisissez un nouveau mot de passe avec ce lien à usage unique.',
      greeting: `Bonjour ${fullName},`,
      paragraphs: [
        'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte ORIS Academy. Pour choisir un nouveau mot de passe, cliquez sur le bouton ci-dessous.',
      ],
      action: { label: 'Choisir un nouveau mot de passe', url: resetUrl },
      closing: [
        'Ce lien vous est personnel\u00a0: il ne sert qu’une seule fois et expire au bout de peu de temps.',
        'Si vous n’avez pas fait cette demande, ignorez ce message\u00a0: votre mot de passe actuel reste inchangé.',
      ],
      signature: ['Cordialement,', 'L’équipe ORIS Academy'],
    }),
    ar: ({ fullName, resetUrl }) => ({
      subject: 'إعادة تعيين كلمة المرور لحسابك في أكاديمية ORIS',
      preheader: 'اختر كلمة مرور جديدة عبر هذا الرابط الصالح لمرة واحدة.',
      greeting: `مرحبًا ${fullName}،`,
      paragraphs: [
        'توصّلنا بطلب لإعادة تعيين كلمة المرور الخاصة بحسابك في أكاديمية ORIS. لاختيار كلمة مرور جديدة، انقر على الزر أدناه.',
      ],
      action: { label: 'اختيار كلمة مرور جديدة', url: resetUrl },
      closing: [
        'هذا الرابط خاص بك: لا يُستعمل إلا مرة واحدة، وتنتهي صلاحيته بعد مدة قصيرة.',
        'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة؛ ستبقى كلمة المرور الحالية دون تغيير.',
      ],
      signature: ['مع أطيب التحيات،', 'فريق أكاديمية ORIS'],
    }),
    en: ({ fullName, resetUrl }) => ({
      subject: 'Reset your ORIS Academy password',
      preheader: 'Choose a new password with this single-use link.',
      greeting: `Hello ${fullName},`,
      paragraphs: [
        'We received a request to reset the password of your ORIS Academy account. To choose a new password, click the button below.',
      ],
      action: { label: 'Choose a new password', url: resetUrl },
      closing: [
        'This link is personal: it works only once and expires shortly.',
        'If you did not ask for this, ignore this email: your current password stays unchanged.',
      ],
      signature: ['Best regards,', 'The ORIS Academy team'],
    }),
  },
});
