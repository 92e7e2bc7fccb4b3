import { momentInMorocco } from '@oris/shared/domain';
import type { Trilingual } from '@oris/shared/domain';

/** Bumped whenever the counting rule below changes (a frozen report keeps the version it used). */
export const PUBLICATIONS_DEFINITION_VERSION = 'publications-1';

/**
 * The counting rule in words (OBSERVATORY.md, "Indexed publications in year Y"), in the three
 * languages, ending with the two dates of the figures.
 */
export function publicationsDefinition(year: number, asOf: string, knownAt: Date): Trilingual {
  const known = momentInMorocco(knownAt);
  return {
    fr:
      `Publications indexées en ${year} : publications distinctes validées, de type article de revue, ` +
      `article de synthèse, communication de colloque, ouvrage ou chapitre d’ouvrage, attribuées à ` +
      `l’ORIS (affiliation ORIS ou remerciement), publiées en ${year} (une date connue à l’année près ` +
      `compte dans son année) au plus tard le jour de calcul, non rétractées à cette date, et indexées ` +
      `par au moins un index qui compte : notice de l’article vérifiée au plus tard le jour de calcul, ` +
      `ou couverture de leur revue par cet index incluant ${year} (vérifiée au plus tard le jour de ` +
      `calcul). Les doublons fusionnés comptent une fois. Ventilations par index (une publication ` +
      `indexée deux fois figure sur deux lignes : les lignes ne s’additionnent pas), type, langue ` +
      `originale et statut de libre accès. Figures associées : toutes les publications validées ` +
      `attribuées à l’ORIS de ${year}, de tout type, non rétractées, et la part indexée (indexées ÷ ce ` +
      `total). Jour de calcul : ${asOf}, appliqué aux dates propres des faits (publication, ` +
      `rétractation, vérification) quelle que soit leur date de saisie. Données connues le ${known} ` +
      `(heure du Maroc) : seules les saisies, validations, corrections et couvertures enregistrées ` +
      `jusqu’à cet instant comptent.`,
    en:
      `Indexed publications in ${year}: distinct validated publications of type journal article, ` +
      `review article, conference paper, book or book chapter, attributed to ORIS (an ORIS ` +
      `affiliation or an acknowledgement), published in ${year} (a date known to the year only counts ` +
      `in its year) on or before the reference day, not retracted on or before it, and indexed by at ` +
      `least one counting index: an item-level record verified on or before the reference day, or ` +
      `their serial’s coverage by that index including ${year} (checked on or before the reference ` +
      `day). Merged duplicates count once. Breakdowns by index (a work indexed twice is in two rows: ` +
      `the rows do not sum to the total), type, original language and open-access status. Companion ` +
      `figures: all validated ORIS-attributed publications of ${year} of any type, not retracted, and ` +
      `the share indexed (indexed ÷ that figure). Reference day: ${asOf}, applied to the facts’ own ` +
      `dates (publication, retraction, verification) whenever they were recorded. As known on ` +
      `${known} (Morocco time): only what was recorded, validated, corrected or covered by that ` +
      `instant counts.`,
    ar:
      `المنشورات المفهرسة في ${year}: المنشورات المتمايزة المُصادَق عليها من نوع مقال في مجلة أو مقال ` +
      `مراجعة أو مداخلة في مؤتمر أو كتاب أو فصل من كتاب، المنسوبة إلى ORIS (انتماء إلى ORIS أو شكر)، ` +
      `المنشورة في ${year} (التاريخ المعروف بالسنة فقط يُحتسب في سنته) في يوم الحساب أو قبله، غير ` +
      `المسحوبة في ذلك اليوم أو قبله، والمفهرسة في فهرس واحد على الأقل من الفهارس المعتمدة: سجل ` +
      `للمقال تم التحقق منه في يوم الحساب أو قبله، أو تغطية مجلتها من طرف ذلك الفهرس تشمل ${year} ` +
      `(تم التحقق منها في يوم الحساب أو قبله). تُحتسب النسخ المكررة المدمجة مرة واحدة. التوزيع حسب ` +
      `الفهرس (المنشور المفهرس مرتين يظهر في سطرين: مجموع الأسطر لا يساوي المجموع الكلي)، والنوع، ` +
      `واللغة الأصلية، ووضعية الوصول المفتوح. أرقام مرافقة: كل المنشورات المُصادَق عليها المنسوبة إلى ` +
      `ORIS في ${year} من أي نوع، غير المسحوبة، وحصة المفهرس منها (المفهرسة ÷ هذا العدد). يوم الحساب: ` +
      `${asOf}، ويُطبَّق على التواريخ الخاصة بالوقائع (النشر، السحب، التحقق) أيًّا كان تاريخ إدخالها. ` +
      `المعطيات المعروفة في ${known} (بتوقيت المغرب): لا يُحتسَب إلا ما أُدخِل أو صودِق عليه أو صُحِّح ` +
      `أو سُجِّلت تغطيته حتى تلك اللحظة.`,
  };
}
