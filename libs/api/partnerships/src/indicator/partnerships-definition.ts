import { momentInMorocco, type Trilingual } from '@oris/shared/domain';

/** Bumped whenever the counting rule changes (a frozen report keeps the version it used). */
export const PARTNERSHIPS_DEFINITION_VERSION = 'partnerships-1';

/**
 * The counting rule in words (OBSERVATORY.md "Partnerships in year Y"), shown to funders as it
 * is, ending with the two dates of the figures like the insertion definition.
 */
export function partnershipsDefinition(year: number, asOf: string, knownAt: Date): Trilingual {
  const known = momentInMorocco(knownAt);
  return {
    fr:
      `Familles de partenariats distinctes (un accord-cadre, une convention ou un protocole ` +
      `d’accord avec ses avenants, renouvellements et conventions d’application) en vigueur au ` +
      `moins un jour de ${year} : toutes les parties dont la signature est requise ont signé ` +
      `l’accord de tête au plus tard le jour de calcul et au plus tard le 31 décembre ${year}, ` +
      `début au plus tard le 31 décembre ${year}, fin en cours (après renouvellements exprès ` +
      `signés et reconductions tacites) vide ou au plus tôt le 1er janvier ${year}, sans ` +
      `résiliation avant le 1er janvier ${year}. Une collaboration non signée ne compte jamais. ` +
      `Nouvelles : familles dont l’accord de tête a reçu sa dernière signature requise en ` +
      `${year} (un avenant ou un renouvellement signé en ${year} ne rend pas nouvelle une famille ` +
      `plus ancienne). Partenaires : organisations distinctes parties aux familles comptées, par ` +
      `groupe d’acteurs. Jour de calcul : ${asOf}, appliqué aux dates propres des faits ` +
      `(signatures, début, fin, résiliation). Données connues le ${known} (heure du Maroc) : ` +
      `seuls les accords, parties, signatures, résiliations et corrections enregistrés jusqu’à ` +
      `cet instant comptent.`,
    en:
      `Distinct partnership families (a framework agreement, convention or memorandum of ` +
      `understanding with its amendments, renewals and implementing conventions) in force on at ` +
      `least one day of ${year}: every party whose signature is required signed the head ` +
      `agreement on or before the reference day and on or before 31 December ${year}, started on ` +
      `or before 31 December ${year}, current end (after signed explicit renewals and tacit ` +
      `renewals) empty or on or after 1 January ${year}, not terminated before 1 January ` +
      `${year}. An unsigned collaboration never counts. New: families whose head agreement ` +
      `received its last required signature in ${year} (an amendment or renewal signed in ` +
      `${year} does not make an older family new). Partners: distinct organisations party to ` +
      `the counted families, by stakeholder group. Reference day: ${asOf}, applied to the ` +
      `facts' own dates (signatures, start, end, termination). As known on ${known} (Morocco ` +
      `time): only agreements, parties, signatures, terminations and corrections recorded by ` +
      `that instant count.`,
    ar:
      `عائلات الشراكة المتميّزة (اتفاقية إطار أو اتفاقية أو مذكرة تفاهم مع ملاحقها وتجديداتها ` +
      `واتفاقياتها التطبيقية) السارية يومًا واحدًا على الأقل من سنة ${year}: وقّعت كل الأطراف ` +
      `المطلوب توقيعها على الاتفاق الرئيسي في يوم الحساب أو قبله وفي 31 دجنبر ${year} أو قبله، ` +
      `وبدأ سريانه في 31 دجنبر ${year} أو قبله، ونهايته الحالية (بعد التجديدات الصريحة الموقّعة ` +
      `والتجديد الضمني) فارغة أو في فاتح يناير ${year} أو بعده، دون فسخ قبل فاتح يناير ${year}. ` +
      `لا يُحتسَب أبدًا تعاون غير موقّع. الجديدة: العائلات التي تلقّى اتفاقها الرئيسي آخر توقيع ` +
      `مطلوب في ${year} (لا يجعل ملحق أو تجديد موقّع في ${year} عائلة أقدم جديدة). الشركاء: ` +
      `الهيئات المتميّزة الأطراف في العائلات المحتسَبة، حسب فئة الفاعلين. يوم الحساب: ${asOf}، ` +
      `ويُطبَّق على التواريخ الخاصة بالوقائع (التوقيعات، البداية، النهاية، الفسخ). المعطيات ` +
      `المعروفة في ${known} (بتوقيت المغرب): لا يُحتسَب إلا ما سُجِّل من اتفاقات وأطراف وتوقيعات ` +
      `وفسوخ وتصحيحات حتى تلك اللحظة.`,
  };
}
