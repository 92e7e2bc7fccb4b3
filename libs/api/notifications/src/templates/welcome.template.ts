import { defineTemplate } from './email-template';

/**
 * Sent once an account is created, with the link that confirms the address (`confirmUrl`, a
 * single-use token). It carries nothing the registrant typed, not even their name in the
 * greeting: anyone may register with someone else's address, and the platform must not carry a
 * stranger's words to that inbox (a "name" can be any sentence). Hence the neutral greeting.
 */
export const welcomeTemplate = defineTemplate({
  params: ['confirmUrl'],
  copy: {
    fr: ({ confirmUrl }) => ({
      subject: 'Bienvenue sur ORIS Academy',
      preheader: 'Confirmez votre adresse e-mail pour vous inscrire aux formations.',
      greeting: 'Bonjour,',
      paragraphs: [
        'Votre compte ORIS Academy est créé. Bienvenue dans la communauté des professionnels de l’innovation sociale de la région\u00a0!',
        'Pour vous inscrire à une session et recevoir vos certificats, confirmez d’abord que cette adresse e-mail est bien la vôtre en cliquant sur le bouton ci-dessous.',
      ],
      action: { label: 'Confirmer mon adresse e-mail', url: confirmUrl },
      closing: [
        'Ce lien ne sert qu’une seule fois et expire au bout de quelques jours\u00a0; depuis votre compte, vous pouvez en demander un nouveau.',
        'Si vous n’avez pas créé ce compte, ignorez simplement ce message.',
      ],
      signature: ['À très bientôt,', 'L’équipe ORIS Academy'],
    }),
    ar: ({ confirmUrl }) => ({
      subject: 'مرحبًا بك في أكاديمية ORIS',
      preheader: 'أكّد عنوان بريدك الإلكتروني لتتمكّن من التسجيل في التكوينات.',
      greeting: 'مرحبًا،',
      paragraphs: [
        'تم إنشاء حسابك في أكاديمية ORIS. يسعدنا انضمامك إلى مجتمع مهنيي الابتكار الاجتماعي في الجهة!',
        'للتسجيل في إحدى الدورات والحصول على شهاداتك، أكّد أولًا أن عنوان البريد الإلكتروني هذا يخصّك بالنقر على الزر أدناه.',
      ],
      action: { label: 'تأكيد عنوان بريدي الإلكتروني', url: confirmUrl },
      closing: [
        'لا يُستعمل هذا الرابط إلا مرة واحدة وتنتهي صلاحيته بعد بضعة أيام؛ ويمكنك طلب رابط جديد من حسابك.',
        'إذا لم تقم بإنشاء هذا الحساب، يمكنك تجاهل هذه الرسالة.',
      ],
      signature: ['إلى اللقاء قريبًا،', 'فريق أكاديمية ORIS'],
    }),
    en: ({ confirmUrl }) => ({
      subject: 'Welcome to ORIS Academy',
      preheader: 'Confirm your email address to enrol in courses.',
      greeting: 'Hello,',
      paragraphs: [
        "Your ORIS Academy account is ready. Welcome to the region's community of social-innovation professionals!",
        'To enrol in a session and receive your certificates, first confirm that this email address is yours by clicking the button below.',
      ],
      action: { label: 'Confirm my email address', url: confirmUrl },
      closing: [
        'This link works only once and expires after a few days; you can ask for a new one from your account.',
        'If you did not create this account, you can simply ignore this email.',
      ],
      signature: ['See you soon,', 'The ORIS Academy team'],
    }),
  },
});
