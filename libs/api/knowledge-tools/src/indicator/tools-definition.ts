import { momentInMorocco, type Trilingual } from '@oris/shared/domain';

/** Bump when the counting rule changes: frozen reports keep the version they were computed with. */
export const TOOLS_DEFINITION_VERSION = 'tools-1';

/** "Knowledge tools created in year Y" in words (OBSERVATORY.md), ending with the two dates. */
export function toolsDefinition(year: number, asOf: string, knownAt: Date): Trilingual {
  const known = momentInMorocco(knownAt);
  return {
    fr:
      `Outils de connaissance distincts, validés, dont la première version est parue en ${year}, ` +
      `dont l’ORIS est créateur, co-créateur ou adaptateur (jamais simple curateur), qui ont un ` +
      `fichier ou un lien et une licence déclarée. Les versions suivantes et les traductions ne ` +
      `comptent jamais une seconde fois. Compagnon : outils disponibles au jour de calcul (outils ` +
      `validés ayant une version parue au plus tard ce jour, quel que soit le rôle de l’ORIS). ` +
      `Jour de calcul : ${asOf}, appliqué aux dates de parution des versions, quelle que soit leur ` +
      `date de saisie. Données connues le ${known} (heure du Maroc) : seuls les outils, versions, ` +
      `corrections et validations enregistrés jusqu’à cet instant comptent.`,
    en:
      `Distinct validated knowledge tools whose first version was released in ${year}, with ORIS ` +
      `as creator, co-creator or adapter (never a mere curator), with a file or a link and a ` +
      `declared licence. Later versions and translations never count again. Companion: tools ` +
      `available on the reference day (validated tools with a version released on or before it, ` +
      `whatever ORIS's role). Reference day: ${asOf}, applied to the versions' release dates, ` +
      `whenever they were recorded. As known on ${known} (Morocco time): only tools, versions, ` +
      `corrections and validations recorded by that instant count.`,
    ar:
      `أدوات المعرفة المتمايزة المُصادَق عليها التي صدرت نسختها الأولى سنة ${year}، ويكون فيها ` +
      `المرصد مُنشئًا أو مُشاركًا في الإنشاء أو مُكيِّفًا (لا مجرّد جامع)، ولها ملف أو رابط ` +
      `وترخيص مُصرَّح به. لا تُحتسَب النسخ اللاحقة ولا الترجمات مرة ثانية. المؤشر المرافق: ` +
      `الأدوات المتاحة في يوم الحساب (الأدوات المُصادَق عليها التي صدرت لها نسخة في ذلك اليوم أو ` +
      `قبله، أيًّا كان دور المرصد). يوم الحساب: ${asOf}، ويُطبَّق على تواريخ صدور النسخ أيًّا كان ` +
      `تاريخ إدخالها. المعطيات المعروفة في ${known} (بتوقيت المغرب): لا يُحتسَب إلا ما سُجِّل ` +
      `من أدوات ونسخ وتصحيحات ومصادقات حتى تلك اللحظة.`,
  };
}
