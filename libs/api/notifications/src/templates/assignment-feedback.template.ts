import { defineTemplate } from './email-template';

/**
 * To a trainee when a trainer publishes the feedback on their assignment, or returns it for
 * resubmission (`returned` is 'yes' then). The grade is already worded (`grade`, e.g. "15 / 20
 * (75 %)"), empty when returned. The link opens the module, where the feedback is read.
 */
export const assignmentFeedbackTemplate = defineTemplate({
  params: ['fullName', 'courseTitle', 'assignmentTitle', 'grade', 'returned', 'path'],
  copy: {
    fr: (p, { webUrl }) => ({
      subject:
        p.returned === 'yes'
          ? `Devoir à reprendre : « ${p.assignmentTitle} »`
          : `Votre devoir est corrigé : « ${p.assignmentTitle} »`,
      preheader:
        p.returned === 'yes'
          ? 'Votre formateur vous invite à reprendre votre devoir.'
          : `Note : ${p.grade}.`,
      greeting: `Bonjour ${p.fullName},`,
      paragraphs: [
        p.returned === 'yes'
          ? `Votre devoir « ${p.assignmentTitle} » de la formation « ${p.courseTitle} » vous est renvoyé avec des commentaires : vous pouvez le modifier et le soumettre à nouveau.`
          : `Votre devoir « ${p.assignmentTitle} » de la formation « ${p.courseTitle} » est corrigé. Note : ${p.grade}.`,
      ],
      action: { label: 'Lire les commentaires', url: `${webUrl}${p.path}` },
      signature: ['Bonne continuation,', 'L’équipe ORIS Academy'],
    }),
    ar: (p, { webUrl }) => ({
      subject:
        p.returned === 'yes'
          ? `واجب للمراجعة: «${p.assignmentTitle}»`
          : `تم تصحيح واجبك: «${p.assignmentTitle}»`,
      preheader: p.returned === 'yes' ? 'يدعوك المكوّن إلى مراجعة واجبك.' : `النقطة: ${p.grade}.`,
      greeting: `مرحبًا ${p.fullName}،`,
      paragraphs: [
        p.returned === 'yes'
          ? `أُعيد إليك واجبك «${p.assignmentTitle}» في تكوين «${p.courseTitle}» مع ملاحظات: يمكنك تعديله وتقديمه من جديد.`
          : `تم تصحيح واجبك «${p.assignmentTitle}» في تكوين «${p.courseTitle}». النقطة: ${p.grade}.`,
      ],
      action: { label: 'قراءة الملاحظات', url: `${webUrl}${p.path}` },
      signature: ['بالتوفيق،', 'فريق أكاديمية ORIS'],
    }),
    en: (p, { webUrl }) => ({
      subject:
        p.returned === 'yes'
          ? `Assignment to revise: “${p.assignmentTitle}”`
          : `Your assignment is graded: “${p.assignmentTitle}”`,
      preheader:
        p.returned === 'yes'
          ? 'Your trainer asks you to revise your assignment.'
          : `Grade: ${p.grade}.`,
      greeting: `Hello ${p.fullName},`,
      paragraphs: [
        p.returned === 'yes'
          ? `Your assignment “${p.assignmentTitle}” of the course “${p.courseTitle}” was returned with feedback: you may change it and submit it again.`
          : `Your assignment “${p.assignmentTitle}” of the course “${p.courseTitle}” is graded. Grade: ${p.grade}.`,
      ],
      action: { label: 'Read the feedback', url: `${webUrl}${p.path}` },
      signature: ['All the best,', 'The ORIS Academy team'],
    }),
  },
});
