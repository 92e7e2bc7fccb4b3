import { momentInMorocco } from '@oris/shared/domain';

/**
 * The definition returned with the figures (PRODUCT.md, "The indicator"), in the product's three
 * languages: the API speaks English elsewhere, but this text is shown to funders as it is, so the
 * client picks the language it displays. It ends with the two dates of the figures: the
 * reference day and the instant of knowledge.
 */
export function insertionDefinition(
  months: number,
  asOf: string,
  knownAt: Date,
): { fr: string; en: string; ar: string } {
  const known = momentInMorocco(knownAt);
  return {
    fr:
      `Personnes (et non inscriptions) ayant achevé au moins une formation dans la période, ` +
      `certificat non révoqué au jour de calcul. Formation de référence : la première achevée ` +
      `dans la période ; date de référence : achèvement + ${months} mois. Éligibles : date de ` +
      `référence au plus tard le jour de calcul. Insérées : éligibles ayant une situation ` +
      `validée d’emploi salarié, d’auto-emploi, de création d’entreprise ou de coopérative ` +
      `commencée entre le début de la formation et la date de référence. En emploi : une telle ` +
      `situation en cours à la date de référence. Répondants : éligibles dont la situation est ` +
      `connue pour cet horizon (situation ` +
      `validée dans la fenêtre ou en cours à la date de référence, ou suivi répondu). Taux ` +
      `d’insertion = insérées ÷ répondants ; taux d’emploi = en emploi ÷ répondants ; taux de ` +
      `réponse = répondants ÷ éligibles ; borne basse = insérées ÷ éligibles. Stages, poursuite ` +
      `d’études, recherche d’emploi et inactivité (ni emploi ni recherche) ne sont pas une ` +
      `insertion. Jour de calcul : ${asOf}, ` +
      `appliqué aux dates propres des faits (achèvement, début et fin des situations, révocation), ` +
      `quelle que soit leur date de saisie ; une situation validée compte selon ses dates, quel que ` +
      `soit le jour de sa validation. Données connues le ${known} (heure du Maroc) : seules les ` +
      `saisies, validations, révocations et réponses enregistrées jusqu’à cet instant comptent.`,
    en:
      `People (not enrollments) who completed at least one training in the period, certificate ` +
      `not revoked on the reference day. Reference training: the earliest completed in the ` +
      `period; reference date: completion + ${months} months. Eligible: reference date on or ` +
      `before the reference day. ` +
      `Inserted: eligible people with a validated wage employment, self-employment, enterprise ` +
      `or cooperative creation starting between the training start and the reference date. ` +
      `Employed: such a situation ongoing on the reference date. Responded: eligible people whose ` +
      `situation is known for this horizon (a validated situation in the window or ongoing on the ` +
      `reference date, or an answered follow-up). Insertion rate = inserted ÷ responded; ` +
      `employment rate = employed ÷ responded; response rate = responded ÷ eligible; lower ` +
      `bound = inserted ÷ eligible. Internships, further studies, job seeking and inactivity ` +
      `(neither working nor looking for work) are not insertion. Reference day: ${asOf}, applied to the facts' own dates (completion, start and ` +
      `end of situations, revocation), whenever they were recorded; a validated situation counts ` +
      `by its dates, whenever it was validated. As known on ${known} (Morocco time): only what was ` +
      `recorded, validated, revoked or answered by that instant counts.`,
    ar:
      `الأشخاص (لا التسجيلات) الذين أتمّوا تكوينًا واحدًا على الأقل خلال الفترة، دون إلغاء ` +
      `شهادتهم في يوم الحساب. التكوين المرجعي: أول تكوين أُتمّ خلال الفترة؛ التاريخ ` +
      `المرجعي: تاريخ الإتمام + ${months} أشهر. المؤهَّلون: من حلّ تاريخهم المرجعي في يوم ` +
      `الحساب أو قبله. المُدمَجون: ` +
      `المؤهَّلون الذين لهم وضعية مُصادَق عليها من عمل مأجور أو تشغيل ذاتي أو إحداث مقاولة أو ` +
      `تعاونية بدأت بين بداية التكوين والتاريخ المرجعي. المشتغلون: من كانت لهم هذه الوضعية ` +
      `قائمة في التاريخ المرجعي. المجيبون: المؤهَّلون المعروفة وضعيتهم لهذا الأفق (وضعية ` +
      `مُصادَق عليها داخل الفترة أو قائمة في التاريخ المرجعي، أو تتبّع تمّت الإجابة عنه). معدّل ` +
      `الإدماج = المُدمَجون ÷ المجيبين؛ معدّل التشغيل = المشتغلون ÷ المجيبين؛ معدّل الإجابة = ` +
      `المجيبون ÷ المؤهَّلين؛ الحدّ الأدنى = المُدمَجون ÷ المؤهَّلين. لا يُعدّ التدريب ولا متابعة ` +
      `الدراسة ولا البحث عن عمل ولا عدم النشاط (لا عمل ولا بحث عنه) إدماجًا. يوم الحساب: ${asOf}، ويُطبَّق على التواريخ الخاصة ` +
      `بالوقائع (الإتمام، وبداية الوضعيات ونهايتها، والإلغاء) أيًّا كان تاريخ إدخالها؛ وتُحتسَب ` +
      `الوضعية المُصادَق عليها حسب تواريخها أيًّا كان يوم المصادقة. المعطيات المعروفة في ${known} ` +
      `(بتوقيت المغرب): لا يُحتسَب إلا ما أُدخِل أو صودِق عليه أو أُلغي أو أُجيب عنه حتى تلك اللحظة.`,
  };
}
