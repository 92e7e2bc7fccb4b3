import type { PublishedPracticeSheet } from '@oris/shared/domain';

/**
 * A realistic published sheet for tests and for looking at the PDF: written in French, translated
 * into Arabic (with the letters Noto Naskh draws from shared skeletons — ج ح خ, ب ت ث ن ي —,
 * lam-alef and digits inside Arabic sentences), with every fact, figures and one consented
 * contact. Partial in English (title and summary only), as sheets often are.
 */
export const EXAMPLE_PRACTICE_SHEET: PublishedPracticeSheet = {
  id: '3f6a1c9e-2b7d-4e15-9a80-6c4d2e1f7b35',
  version: 2,
  slug: 'cooperatives-feminines-argan-souss-massa',
  originalLanguage: 'fr',
  translatedLanguages: ['ar', 'en'],
  texts: {
    fr: {
      title: 'Coopératives féminines d’argan : de la cueillette à l’export',
      summary:
        'Accompagnement de 18 coopératives de femmes rurales du Souss-Massa pour maîtriser la ' +
        'transformation, la qualité et la vente directe de l’huile d’argan. Après trois ans, le ' +
        'revenu moyen des coopératrices a augmenté de 41 % et 12 coopératives exportent elles-mêmes.',
      problem:
        'Les femmes qui cueillent et concassent l’argan captent moins de 10 % de la valeur finale ' +
        'de l’huile : elles vendent les amandes à des intermédiaires, sans accès au marché ni au ' +
        'contrôle de la qualité.',
      context:
        'Provinces de Taroudant et de Chtouka Aït Baha, zones de montagne et de piémont où ' +
        'l’arganeraie est classée réserve de biosphère (UNESCO, 1998).\n' +
        'Faible scolarisation des femmes de plus de 35 ans ; routes coupées en hiver.',
      targetPopulation:
        'Femmes rurales membres de coopératives, de 18 à 65 ans, dont 62 % n’ont pas été scolarisées.',
      intervention:
        'Un cycle de 24 mois : alphabétisation fonctionnelle, formation à l’hygiène et à la ' +
        'traçabilité, équipement partagé (presses, unité de conditionnement), accompagnement à la ' +
        'certification biologique et mise en relation avec des acheteurs équitables.',
      coreComponents:
        'Gouvernance démocratique de chaque coopérative (assemblée annuelle, comptes publiés).\n' +
        'Contrôle qualité par lot, avec analyses en laboratoire.\n' +
        'Vente directe sans intermédiaire.',
      adaptableComponents:
        'Le produit (argan, safran, cactus), le calendrier des formations, la langue ' +
        '(tachelhit, darija, arabe).',
      partnersAndRoles:
        'INDH (financement des équipements), Office national du conseil agricole (formation), ' +
        'ORIS (évaluation), association Tighanimine (animation).',
      costNarrative:
        'Le coût couvre les équipements (55 %), la formation (30 %) et l’accompagnement commercial (15 %).',
      results:
        'Revenu moyen des coopératrices en hausse de 41 % ; 12 coopératives sur 18 exportent ' +
        'directement ; aucune n’a cessé son activité.',
      replicationConditions:
        'Une ressource locale reconnue, un partenaire de formation présent sur le terrain et un ' +
        'fonds d’équipement d’au moins 150 000 MAD par coopérative.',
      knownReplications: 'Safran de Taliouine (Drâa-Tafilalet), 2023 : 6 coopératives.',
    },
    ar: {
      title: 'التعاونيات النسائية للأركان: من الجني إلى التصدير',
      summary:
        'مواكبة 18 تعاونية للنساء القرويات بجهة سوس ماسة لإتقان التحويل والجودة والبيع المباشر ' +
        'لزيت الأركان. بعد ثلاث سنوات ارتفع الدخل المتوسط للمتعاونات بنسبة 41 % وأصبحت 12 تعاونية ' +
        'تصدّر منتوجها بنفسها.',
      problem:
        'لا تحصل النساء اللواتي يجنين الأركان ويكسرنه إلا على أقل من 10 % من القيمة النهائية للزيت، ' +
        'إذ يبعن اللوز للوسطاء دون ولوج إلى السوق ولا مراقبة للجودة.',
      context:
        'إقليما تارودانت واشتوكة آيت باها، مناطق جبلية حيث صُنّفت غابة الأركان محمية للمحيط الحيوي ' +
        'سنة 1998.',
      targetPopulation: 'نساء قرويات عضوات في التعاونيات، من 18 إلى 65 سنة.',
      intervention:
        'دورة من 24 شهرا: محو الأمية الوظيفي، التكوين في النظافة والتتبع، تجهيزات مشتركة، ' +
        'المواكبة نحو شهادة الإنتاج البيولوجي والربط مع مشترين منصفين.',
      coreComponents:
        'حكامة ديمقراطية لكل تعاونية.\nمراقبة الجودة لكل دفعة.\nالبيع المباشر دون وسيط.',
      results:
        'ارتفاع الدخل المتوسط بنسبة 41 %؛ 12 تعاونية من أصل 18 تصدّر مباشرة؛ لا توجد أي تعاونية ' +
        'توقفت عن النشاط. خديجة، رئيسة تعاونية تيفاوين، تتحدث عن ثقة جديدة.',
      replicationConditions:
        'مورد محلي معروف، وشريك تكوين حاضر في الميدان، وصندوق تجهيز لا يقل عن 150000 درهم لكل تعاونية.',
    },
    en: {
      title: 'Women’s argan cooperatives: from harvest to export',
      summary:
        'Support for 18 rural women’s cooperatives in Souss-Massa to master processing, quality ' +
        'and direct sales of argan oil.',
    },
  },
  regions: ['MA-09', 'MA-08'],
  themes: ['women_empowerment', 'cooperatives_social_economy', 'rural_development'],
  populations: ['women', 'cooperative_members', 'rural_households'],
  totalCostMad: 4_850_000,
  costPerBeneficiaryMad: 7_460.5,
  beneficiaries: 650,
  startYear: 2019,
  endYear: 2023,
  resultFigures: [
    {
      label: {
        fr: 'Hausse du revenu moyen',
        ar: 'ارتفاع الدخل المتوسط',
        en: 'Rise in mean income',
      },
      value: 41,
      unit: '%',
    },
    {
      label: { fr: 'Coopératives exportatrices', ar: 'تعاونيات مصدّرة' },
      value: 12,
      unit: null,
    },
    {
      label: { fr: 'Chiffre d’affaires cumulé', ar: 'رقم المعاملات التراكمي' },
      value: 12_600_000.75,
      unit: 'MAD',
    },
  ],
  evidenceLevel: 2,
  evidenceJustification: {
    fr: 'Revenus mesurés avant et après auprès de 420 coopératrices (enquête ORIS 2019 et 2023), sans groupe de comparaison.',
    ar: 'قياس المداخيل قبل وبعد لدى 420 متعاونة (بحث المرصد 2019 و2023)، دون مجموعة مقارنة.',
  },
  contacts: [
    {
      name: 'Fatima Zahra Aït Brahim',
      role: 'Coordinatrice',
      organisation: 'Union des coopératives Tighanimine',
      email: 'contact@tighanimine.example',
      phone: '+212 528 00 00 00',
    },
    {
      name: 'خديجة بن ثابت',
      role: 'رئيسة تعاونية',
      organisation: 'تعاونية تيفاوين',
      email: null,
      phone: '+212 661 00 00 00',
    },
  ],
  links: { toolIds: [], publicationIds: [], courseIds: [], partnershipIds: [] },
  publishedOn: '2026-03-12',
  url: 'https://academy.oris.example/fr/pratiques/cooperatives-feminines-argan-souss-massa',
};
