import type { Locale } from '@oris/shared/domain';
import type { MyData } from './my-data';

/**
 * No script, no remote anything. Sent as a header and repeated in a meta tag, because the file
 * is saved and opened from disk, where response headers no longer apply.
 */
export const MY_DATA_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Words = Record<Locale, string>;

const TEXT = {
  title: {
    fr: 'Mes données — ORIS Academy',
    ar: 'بياناتي — أكاديمية ORIS',
    en: 'My data — ORIS Academy',
  },
  intro: {
    fr: 'Toutes les données que la plateforme détient sur vous, au titre de la loi 09-08.',
    ar: 'جميع البيانات التي تحتفظ بها المنصة عنكم، طبقاً للقانون 09-08.',
    en: 'All the data the platform holds about you, under Moroccan law 09-08.',
  },
  exportedAt: { fr: 'Exporté le', ar: 'تاريخ التصدير', en: 'Exported at' },
  none: { fr: 'Aucune donnée.', ar: 'لا توجد بيانات.', en: 'No data.' },
} satisfies Record<string, Words>;

const SECTIONS = {
  profile: { fr: 'Profil', ar: 'الملف الشخصي', en: 'Profile' },
  consents: { fr: 'Consentements', ar: 'الموافقات', en: 'Consents' },
  enrollments: { fr: 'Inscriptions', ar: 'التسجيلات', en: 'Enrollments' },
  certificates: { fr: 'Attestations', ar: 'الشهادات', en: 'Certificates' },
  placements: {
    fr: 'Situations après la formation',
    ar: 'الوضعيات بعد التكوين',
    en: 'Situations after training',
  },
  followUps: { fr: 'Suivis et réponses', ar: 'المتابعات والأجوبة', en: 'Follow-ups and answers' },
  rectificationRequests: {
    fr: 'Demandes de rectification',
    ar: 'طلبات التصحيح',
    en: 'Rectification requests',
  },
  quizAttempts: { fr: 'Tentatives de quiz', ar: 'محاولات الاختبارات', en: 'Quiz attempts' },
  assignmentSubmissions: {
    fr: 'Devoirs remis et retours reçus',
    ar: 'الواجبات المقدَّمة والملاحظات المتوصَّل بها',
    en: 'Assignments handed in and feedback received',
  },
  notifications: { fr: 'Notifications', ar: 'الإشعارات', en: 'Notifications' },
  announcementEmailMutes: {
    fr: 'Sessions dont vous ne recevez plus les annonces par e-mail',
    ar: 'الدورات التي أوقفتم رسائل إعلاناتها الإلكترونية',
    en: 'Sessions whose announcement emails you turned off',
  },
  announcementsWritten: {
    fr: 'Annonces que vous avez publiées',
    ar: 'الإعلانات التي نشرتموها',
    en: 'Announcements you posted',
  },
  auditEvents: {
    fr: 'Journal des actions vous concernant',
    ar: 'سجل العمليات المتعلقة بكم',
    en: 'Actions about you',
  },
} satisfies Record<string, Words>;

/** Field labels; a field without one shows its JSON name, so nothing is ever left out. */
const FIELDS: Record<string, Words> = {
  id: { fr: 'Identifiant', ar: 'المعرّف', en: 'Identifier' },
  email: { fr: 'Adresse e-mail', ar: 'البريد الإلكتروني', en: 'Email' },
  phone: { fr: 'Téléphone', ar: 'الهاتف', en: 'Phone' },
  fullName: { fr: 'Nom complet', ar: 'الاسم الكامل', en: 'Full name' },
  fullNameAr: { fr: 'Nom en arabe', ar: 'الاسم بالعربية', en: 'Name in Arabic' },
  gender: { fr: 'Genre', ar: 'الجنس', en: 'Gender' },
  birthYear: { fr: 'Année de naissance', ar: 'سنة الميلاد', en: 'Birth year' },
  regionCode: { fr: 'Région', ar: 'الجهة', en: 'Region' },
  locale: { fr: 'Langue', ar: 'اللغة', en: 'Language' },
  roles: { fr: 'Rôles', ar: 'الأدوار', en: 'Roles' },
  createdAt: { fr: 'Créé le', ar: 'تاريخ الإنشاء', en: 'Created at' },
  updatedAt: { fr: 'Modifié le', ar: 'تاريخ التعديل', en: 'Updated at' },
  purpose: { fr: 'Finalité', ar: 'الغرض', en: 'Purpose' },
  method: { fr: 'Mode de recueil', ar: 'طريقة الاستيفاء', en: 'How it was collected' },
  followupTracking: {
    fr: 'Suivi après la formation',
    ar: 'المتابعة بعد التكوين',
    en: 'Follow-up after training',
  },
  recordedBy: { fr: 'Recueilli par', ar: 'استوفاها', en: 'Collected by' },
  message: { fr: 'Message', ar: 'الرسالة', en: 'Message' },
  answer: { fr: 'Réponse', ar: 'الجواب', en: 'Answer' },
  resolvedAt: { fr: 'Traitée le', ar: 'تاريخ المعالجة', en: 'Resolved at' },
  noticeVersion: { fr: 'Version de la notice', ar: 'نسخة الإشعار', en: 'Notice version' },
  givenAt: { fr: 'Donné le', ar: 'تاريخ الموافقة', en: 'Given at' },
  ip: { fr: 'Adresse IP', ar: 'عنوان IP', en: 'IP address' },
  courseCode: { fr: 'Code de la formation', ar: 'رمز التكوين', en: 'Course code' },
  courseTitle: { fr: 'Formation', ar: 'التكوين', en: 'Course' },
  sessionTitle: { fr: 'Session', ar: 'الدورة', en: 'Session' },
  sessionStartsOn: { fr: 'Début', ar: 'البداية', en: 'Starts on' },
  sessionEndsOn: { fr: 'Fin', ar: 'النهاية', en: 'Ends on' },
  status: { fr: 'Statut', ar: 'الحالة', en: 'Status' },
  enrolledAt: { fr: 'Inscrit le', ar: 'تاريخ التسجيل', en: 'Enrolled at' },
  confirmedAt: { fr: 'Confirmé le', ar: 'تاريخ التأكيد', en: 'Confirmed at' },
  approvedAt: { fr: 'Approuvé le', ar: 'تاريخ القبول', en: 'Approved at' },
  withdrawnAt: { fr: 'Retiré le', ar: 'تاريخ الانسحاب', en: 'Withdrawn at' },
  withdrawalReason: { fr: 'Motif du retrait', ar: 'سبب الانسحاب', en: 'Withdrawal reason' },
  completedOn: { fr: 'Achevé le', ar: 'تاريخ الإتمام', en: 'Completed on' },
  validatedAt: { fr: 'Validé le', ar: 'تاريخ المصادقة', en: 'Validated at' },
  calendarFeedCreatedAt: {
    fr: 'Lien d’abonnement au calendrier créé le',
    ar: 'تاريخ إنشاء رابط الاشتراك في التقويم',
    en: 'Calendar subscription link made at',
  },
  earlyCompletionReason: {
    fr: 'Motif d’une validation anticipée',
    ar: 'سبب المصادقة المسبقة',
    en: 'Reason for an early completion',
  },
  baseline: {
    fr: 'Situation déclarée à l’inscription',
    ar: 'الوضعية المصرح بها عند التسجيل',
    en: 'Baseline declared when enrolling',
  },
  situation: { fr: 'Situation', ar: 'الوضعية', en: 'Situation' },
  educationLevel: { fr: 'Niveau d’études', ar: 'المستوى الدراسي', en: 'Education level' },
  moduleProgress: { fr: 'Modules terminés', ar: 'الوحدات المنجزة', en: 'Modules completed' },
  position: { fr: 'Poste / rang', ar: 'المنصب / الترتيب', en: 'Position' },
  moduleTitle: { fr: 'Module', ar: 'الوحدة', en: 'Module' },
  completedAt: { fr: 'Terminé le', ar: 'تاريخ الإنجاز', en: 'Completed at' },
  attendance: { fr: 'Présences', ar: 'الحضور', en: 'Attendance' },
  meetingStartsAt: { fr: 'Séance — début', ar: 'بداية الحصة', en: 'Meeting starts' },
  meetingEndsAt: { fr: 'Séance — fin', ar: 'نهاية الحصة', en: 'Meeting ends' },
  meetingLabel: { fr: 'Séance', ar: 'الحصة', en: 'Meeting' },
  present: { fr: 'Présent', ar: 'حاضر', en: 'Present' },
  recordedAt: { fr: 'Enregistré le', ar: 'تاريخ التسجيل', en: 'Recorded at' },
  serial: { fr: 'Numéro', ar: 'الرقم التسلسلي', en: 'Serial' },
  holderName: { fr: 'Titulaire', ar: 'صاحب الشهادة', en: 'Holder' },
  holderNameAr: { fr: 'Titulaire (arabe)', ar: 'صاحب الشهادة (بالعربية)', en: 'Holder (Arabic)' },
  hours: { fr: 'Heures', ar: 'الساعات', en: 'Hours' },
  regionName: { fr: 'Région', ar: 'الجهة', en: 'Region' },
  issuedOn: { fr: 'Délivrée le', ar: 'تاريخ الإصدار', en: 'Issued on' },
  revokedAt: { fr: 'Révoquée le', ar: 'تاريخ الإلغاء', en: 'Revoked at' },
  revocationReason: { fr: 'Motif de révocation', ar: 'سبب الإلغاء', en: 'Revocation reason' },
  verificationUrl: { fr: 'Lien de vérification', ar: 'رابط التحقق', en: 'Verification link' },
  versions: { fr: 'Versions', ar: 'النسخ', en: 'Versions' },
  version: { fr: 'Version', ar: 'النسخة', en: 'Version' },
  kind: { fr: 'Type', ar: 'النوع', en: 'Kind' },
  contract: { fr: 'Contrat', ar: 'العقد', en: 'Contract' },
  organisationName: { fr: 'Organisation', ar: 'المنظمة', en: 'Organisation' },
  employerName: { fr: 'Employeur', ar: 'المشغّل', en: 'Employer' },
  sector: { fr: 'Secteur', ar: 'القطاع', en: 'Sector' },
  startOn: { fr: 'Depuis', ar: 'منذ', en: 'Since' },
  endOn: { fr: 'Jusqu’au', ar: 'إلى غاية', en: 'Until' },
  source: { fr: 'Source', ar: 'المصدر', en: 'Source' },
  evidence: { fr: 'Justificatif', ar: 'الإثبات', en: 'Evidence' },
  note: { fr: 'Note', ar: 'ملاحظة', en: 'Note' },
  supersededAt: { fr: 'Remplacée le', ar: 'تاريخ الاستبدال', en: 'Superseded at' },
  enrollmentId: { fr: 'Inscription', ar: 'التسجيل', en: 'Enrollment' },
  horizonMonths: { fr: 'Échéance (mois)', ar: 'الأجل (بالأشهر)', en: 'Horizon (months)' },
  dueOn: { fr: 'Prévu le', ar: 'تاريخ الاستحقاق', en: 'Due on' },
  emailedAt: { fr: 'Envoyé le', ar: 'تاريخ الإرسال', en: 'Emailed at' },
  reminderCount: { fr: 'Relances', ar: 'التذكيرات', en: 'Reminders' },
  answeredAt: { fr: 'Répondu le', ar: 'تاريخ الجواب', en: 'Answered at' },
  answerChannel: { fr: 'Canal de réponse', ar: 'قناة الجواب', en: 'Answer channel' },
  placementId: { fr: 'Situation', ar: 'الوضعية', en: 'Situation' },
  at: { fr: 'Date', ar: 'التاريخ', en: 'At' },
  action: { fr: 'Action', ar: 'العملية', en: 'Action' },
  subjectType: { fr: 'Objet', ar: 'الموضوع', en: 'Subject' },
  subjectId: { fr: 'Identifiant de l’objet', ar: 'معرّف الموضوع', en: 'Subject identifier' },
  actor: { fr: 'Fait par', ar: 'قام به', en: 'Done by' },
  data: { fr: 'Détails', ar: 'التفاصيل', en: 'Details' },
  quizTitle: { fr: 'Quiz', ar: 'الاختبار', en: 'Quiz' },
  number: { fr: 'Tentative n°', ar: 'رقم المحاولة', en: 'Attempt no.' },
  startedAt: { fr: 'Commencée le', ar: 'تاريخ البدء', en: 'Started at' },
  deadlineAt: { fr: 'Temps imparti jusqu’à', ar: 'الأجل المحدد', en: 'Time limit until' },
  submittedAt: { fr: 'Remis le', ar: 'تاريخ التقديم', en: 'Submitted at' },
  closedBy: { fr: 'Clôturée par', ar: 'أُغلقت من طرف', en: 'Closed by' },
  score: { fr: 'Points obtenus', ar: 'النقط المحصل عليها', en: 'Score' },
  maxScore: { fr: 'Points possibles', ar: 'النقط الممكنة', en: 'Out of' },
  percent: { fr: 'Note (%)', ar: 'النقطة (%)', en: 'Grade (%)' },
  answers: { fr: 'Réponses', ar: 'الأجوبة', en: 'Answers' },
  question: { fr: 'Question', ar: 'السؤال', en: 'Question' },
  response: { fr: 'Votre réponse', ar: 'جوابكم', en: 'Your answer' },
  savedAt: { fr: 'Enregistrée le', ar: 'تاريخ الحفظ', en: 'Saved at' },
  assignmentTitle: { fr: 'Devoir', ar: 'الواجب', en: 'Assignment' },
  text: { fr: 'Texte remis', ar: 'النص المقدَّم', en: 'Text handed in' },
  submissionCount: { fr: 'Remises', ar: 'عدد مرات التقديم', en: 'Times submitted' },
  late: { fr: 'En retard', ar: 'متأخر', en: 'Late' },
  rubricResults: { fr: 'Grille d’évaluation', ar: 'شبكة التقييم', en: 'Rubric results' },
  criterion: { fr: 'Critère', ar: 'المعيار', en: 'Criterion' },
  level: { fr: 'Niveau', ar: 'المستوى', en: 'Level' },
  points: { fr: 'Points', ar: 'النقط', en: 'Points' },
  maxPoints: { fr: 'Sur', ar: 'من أصل', en: 'Out of' },
  feedback: { fr: 'Retour du formateur', ar: 'ملاحظات المكوّن', en: 'Trainer’s feedback' },
  gradedAt: { fr: 'Noté le', ar: 'تاريخ التنقيط', en: 'Graded at' },
  files: { fr: 'Fichiers', ar: 'الملفات', en: 'Files' },
  role: { fr: 'Rôle du fichier', ar: 'نوع الملف', en: 'File role' },
  name: { fr: 'Nom du fichier', ar: 'اسم الملف', en: 'File name' },
  size: { fr: 'Taille (octets)', ar: 'الحجم (بايت)', en: 'Size (bytes)' },
  sha256: { fr: 'Empreinte SHA-256', ar: 'البصمة SHA-256', en: 'SHA-256 fingerprint' },
  uploadedAt: { fr: 'Déposé le', ar: 'تاريخ الإيداع', en: 'Uploaded at' },
  params: { fr: 'Contenu', ar: 'المحتوى', en: 'Content' },
  link: { fr: 'Lien', ar: 'الرابط', en: 'Link' },
  readAt: { fr: 'Lue le', ar: 'تاريخ القراءة', en: 'Read at' },
  mutedAt: { fr: 'Désactivé le', ar: 'تاريخ الإيقاف', en: 'Turned off at' },
  title: { fr: 'Titre', ar: 'العنوان', en: 'Title' },
  body: { fr: 'Texte', ar: 'النص', en: 'Text' },
  byEmail: { fr: 'Envoyée par e-mail', ar: 'أُرسلت بالبريد الإلكتروني', en: 'Sent by email' },
  editedAt: { fr: 'Modifiée le', ar: 'تاريخ التعديل', en: 'Edited at' },
};

const VALUES: Record<string, Words> = {
  true: { fr: 'oui', ar: 'نعم', en: 'yes' },
  false: { fr: 'non', ar: 'لا', en: 'no' },
  you: { fr: 'vous', ar: 'أنتم', en: 'you' },
  system: { fr: 'la plateforme', ar: 'المنصة', en: 'the platform' },
  admin: { fr: 'un administrateur', ar: 'مسؤول', en: 'an administrator' },
  placement_officer: {
    fr: 'un chargé d’insertion',
    ar: 'مكلف بالإدماج',
    en: 'a placement officer',
  },
  observatory_editor: {
    fr: 'un chargé de l’observatoire',
    ar: 'مكلف بالمرصد',
    en: 'an observatory editor',
  },
  partnership_officer: {
    fr: 'un chargé des partenariats',
    ar: 'مكلف بالشراكات',
    en: 'a partnership officer',
  },
  trainer: { fr: 'un formateur', ar: 'مكوّن', en: 'a trainer' },
  staff: { fr: 'un membre de l’équipe', ar: 'عضو في الفريق', en: 'a staff member' },
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

function renderValue(value: unknown, locale: Locale, key: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return escapeHtml(VALUES[String(value)][locale]);
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.every((item) => typeof item !== 'object' || item === null))
      return escapeHtml(value.join(', '));
    return value.map((item) => renderRecord(item as Record<string, unknown>, locale)).join('');
  }
  if (typeof value === 'object') return renderRecord(value as Record<string, unknown>, locale);
  if (key === 'actor') return escapeHtml(VALUES[String(value)]?.[locale] ?? String(value));
  return escapeHtml(String(value));
}

function renderRecord(record: Record<string, unknown>, locale: Locale): string {
  const rows = Object.entries(record)
    .map(([key, value]) => {
      const label = FIELDS[key]?.[locale] ?? key;
      return `<dt>${escapeHtml(label)}</dt><dd>${renderValue(value, locale, key)}</dd>`;
    })
    .join('');
  return `<dl>${rows}</dl>`;
}

function renderSection(title: string, records: object[], locale: Locale): string {
  const body =
    records.length === 0
      ? `<p>${escapeHtml(TEXT.none[locale])}</p>`
      : records.map((record) => renderRecord(record as Record<string, unknown>, locale)).join('');
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** The export as one self-contained page in the person's language; every value escaped. */
export function renderMyDataHtml(data: MyData, locale: Locale): string {
  const sections = [
    renderSection(SECTIONS.profile[locale], [data.profile], locale),
    renderSection(SECTIONS.consents[locale], data.consents, locale),
    renderSection(SECTIONS.enrollments[locale], data.enrollments, locale),
    renderSection(SECTIONS.certificates[locale], data.certificates, locale),
    renderSection(SECTIONS.placements[locale], data.placements, locale),
    renderSection(SECTIONS.followUps[locale], data.followUps, locale),
    renderSection(SECTIONS.rectificationRequests[locale], data.rectificationRequests, locale),
    renderSection(SECTIONS.quizAttempts[locale], data.quizAttempts, locale),
    renderSection(SECTIONS.assignmentSubmissions[locale], data.assignmentSubmissions, locale),
    renderSection(SECTIONS.notifications[locale], data.notifications, locale),
    renderSection(SECTIONS.announcementEmailMutes[locale], data.announcementEmailMutes, locale),
    renderSection(SECTIONS.announcementsWritten[locale], data.announcementsWritten, locale),
    renderSection(SECTIONS.auditEvents[locale], data.auditEvents, locale),
  ].join('\n');
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(MY_DATA_HTML_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(TEXT.title[locale])}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1f; }
section { margin-block: 2rem; }
dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; padding: 0.75rem; border: 1px solid #c4c6d0; border-radius: 8px; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
</style>
</head>
<body>
<h1>${escapeHtml(TEXT.title[locale])}</h1>
<p>${escapeHtml(TEXT.intro[locale])}</p>
<dl><dt>${escapeHtml(TEXT.exportedAt[locale])}</dt><dd>${escapeHtml(data.exportedAt)}</dd></dl>
${sections}
</body>
</html>
`;
}
