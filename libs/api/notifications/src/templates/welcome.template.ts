import { defineTemplate } from './email-template';

/**
 * Sent once an account is created. It carries nothing the registrant typed: anyone may register
 * with someone else's address, and the platform must not carry their words to that inbox.
 */
export const welcomeTemplate = defineTemplate({
  params: [],
  copy: {
    fr: (_params, { webUrl }) => ({
      subject: 'Bienvenue sur ORIS Academy',
      preheader:
        'Votre compte est prêt : découvrez les formations et inscrivez-vous à une session.',
      greeting: 'Bonjour,',
      paragraphs: [
        'Votre compte ORIS Academy est créé. Bienvenue dans la communauté des professionnels de l’innovation sociale de la région\u00a0!',
        'Vous pouvez dès maintenant parcourir le catalogue des formations, vous inscrire à une session et suivre votre progression module par module. Chaque formation réussie vous donne un certificat que chacun peut vérifier en ligne.',
      ],
      action: { label: 'Découvrir les formations', url: `${webUrl}/` },
      closing: ['Si vous n’avez pas créé ce compte, ignorez simplement ce message.'],
      signature: ['À très bientôt,', 'L’équipe ORIS Academy'],
    }),
    ar: (_params, { webUrl }) => ({
      subject: 'مرحبًا بك في أكاديمية ORIS',
      preheader: 'حسابك جاهز: اكتشف التكوينات وسجّل في إحدى الدورات.',
      greeting: 'مرحبًا،',
      paragraphs: [
        'تم إنشاء حسابك في أكاديمية ORIS. يسعدنا انضمامك إلى مجتمع مهنيي الابتكار الاجتماعي في الجهة!',
        'يمكنك الآن تصفّح دليل التكوينات، والتسجيل في إحدى الدورات، ومتابعة تقدّمك وحدةً بعد وحدة. وعند إتمام كل تكوين بنجاح، تحصل على شهادة يمكن لأي شخص التحقق منها عبر الإنترنت.',
      ],
      action: { label: 'اكتشف التكوينات', url: `${webUrl}/` },
      closing: ['إذا لم تقم بإنشاء هذا الحساب، يمكنك تجاهل هذه الرسالة.'],
      signature: ['إلى اللقاء قريبًا،', 'فريق أكاديمية ORIS'],
    }),
    en: (_params, { webUrl }) => ({
      subject: 'Welcome to ORIS Academy',
      preheader: 'Your account is ready: explore the courses and enrol in a session.',
      greeting: 'Hello,',
      paragraphs: [
        "Your ORIS Academy account is ready. Welcome to the region's community of social-innovation professionals!",
        'You can now browse the course catalogue, enrol in a session and follow your progress module by module. Every course you complete earns you a certificate that anyone can verify online.',
      ],
      action: { label: 'Explore the courses', url: `${webUrl}/` },
      closing: ['If you did not create this account, you can simply ignore this email.'],
      signature: ['See you soon,', 'The ORIS Academy team'],
    }),
  },
});
