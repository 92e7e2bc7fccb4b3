import type { CreatePracticeDto } from '../dto/practice-input.dto';

/** How far a demo sheet goes through the workflow. */
export type DemoStage = 'published' | 'in_review' | 'draft';

export interface DemoPracticeSheet {
  sheet: CreatePracticeDto & { slug: string };
  stage: DemoStage;
  /** The reviewer's assessment (published sheets). */
  evidence?: { level: 1 | 2 | 3 | 4 | 5; justification: { fr: string; ar?: string; en?: string } };
}

const NO_LINKS = { toolIds: [], publicationIds: [], courseIds: [], partnershipIds: [] };

/**
 * The demo library: three published sheets (Souss-Massa, Oriental, Casablanca-Settat), one in
 * review, one draft. French originals with an Arabic translation (the first also in English);
 * the Arabic carries diacritics on some words, so search must fold them.
 */
export const DEMO_PRACTICE_SHEETS: DemoPracticeSheet[] = [
  {
    stage: 'published',
    sheet: {
      slug: 'insertion-des-jeunes-par-la-cooperative-agricole',
      originalLanguage: 'fr',
      texts: {
        fr: {
          title: 'Insertion des jeunes par la coopérative agricole',
          summary:
            'Un parcours de neuf mois qui mène des jeunes ruraux sans emploi ni formation vers un emploi stable, en alternant formation, tutorat et stage rémunéré dans une coopérative agricole partenaire.',
          problem:
            'Dans la plaine du Souss, près d’un jeune rural sur trois n’est ni en emploi, ni en études, ni en formation ; les coopératives agricoles peinent pourtant à recruter des profils qualifiés.',
          context:
            'Communes rurales de Chtouka-Aït Baha et de Taroudant, où l’agriculture d’exportation et les coopératives d’argan et de safran emploient une part importante de la population active.',
          targetPopulation:
            'Jeunes de 18 à 29 ans, sans emploi ni formation, résidant en milieu rural.',
          intervention:
            'Trois mois de formation technique et comportementale au centre ORIS, puis six mois de stage rémunéré dans une coopérative, avec un tuteur formé et un suivi hebdomadaire par un conseiller.',
          coreComponents:
            'Le tutorat hebdomadaire en coopérative ; la bourse de stage versée chaque mois ; l’engagement écrit de la coopérative à proposer un contrat aux stagiaires qui réussissent.',
          adaptableComponents:
            'Les filières techniques (irrigation, conditionnement, commercialisation), la durée de la formation initiale, le calendrier selon les saisons agricoles.',
          partnersAndRoles:
            'ORIS conçoit la formation et forme les tuteurs ; l’union des coopératives accueille les stagiaires ; la commune prend en charge le transport.',
          costNarrative:
            'Le coût comprend la formation, les bourses de stage (1 200 MAD par mois), la formation des tuteurs et le transport.',
          results:
            'Sur trois cohortes (150 jeunes), 64 % sont en emploi douze mois après la fin du parcours, dont la moitié dans la coopérative d’accueil.',
          replicationConditions:
            'Une union de coopératives prête à accueillir et à recruter ; des tuteurs disponibles deux heures par semaine ; un financement des bourses sur au moins deux cohortes.',
          knownReplications: 'Une adaptation est en cours dans la province de Tiznit (2025).',
        },
        ar: {
          title: 'إدماج الشباب عبر التَّعَاوُنِيَّة الفلاحية',
          summary:
            'مسار من تسعة أشهر يقود الشباب القرويين غير العاملين وغير المتمدرسين نحو شغل مستقر، بالتناوب بين التكوين والتأطير وتدريب مؤدى عنه داخل تعاونية فلاحية شريكة.',
          problem:
            'في سهل سوس، ما يقارب شابا قرويا من كل ثلاثة لا يعمل ولا يدرس ولا يتابع تكوينا، في حين تجد التعاونيات الفلاحية صعوبة في توظيف كفاءات مؤهلة.',
          intervention:
            'ثلاثة أشهر من التكوين التقني والسلوكي بمركز أوريس، ثم ستة أشهر من التدريب المؤدى عنه داخل تعاونية، مع مؤطر مكوَّن ومتابعة أسبوعية من طرف مستشار.',
          coreComponents:
            'التأطير الأسبوعي داخل التعاونية؛ منحة التدريب الشهرية؛ التزام مكتوب من التعاونية بعرض عقد عمل على المتدربين الناجحين.',
          results:
            'من بين ثلاثة أفواج (150 شابا)، 64 في المائة يشتغلون بعد اثني عشر شهرا من نهاية المسار، نصفهم داخل التعاونية المستقبِلة.',
          replicationConditions:
            'اتحاد تعاونيات مستعد للاستقبال والتوظيف؛ مؤطرون متاحون ساعتين في الأسبوع؛ تمويل المنح لفوجين على الأقل.',
        },
        en: {
          title: 'Youth insertion through the farming cooperative',
          summary:
            'A nine-month pathway leading rural young people not in employment, education or training to a stable job, alternating training, mentoring and a paid placement in a partner farming cooperative.',
          results:
            'Across three cohorts (150 young people), 64% are employed twelve months after the pathway, half of them in the host cooperative.',
        },
      },
      regions: ['MA-09'],
      themes: ['employment_insertion', 'youth', 'cooperatives_social_economy'],
      populations: ['youth_neet', 'rural_households'],
      totalCostMad: 1_250_000,
      costPerBeneficiaryMad: 8_333,
      beneficiaries: 150,
      startYear: 2021,
      endYear: 2024,
      resultFigures: [
        {
          label: {
            fr: 'En emploi à 12 mois',
            ar: 'في الشغل بعد 12 شهرا',
            en: 'Employed at 12 months',
          },
          value: 64,
          unit: '%',
        },
        {
          label: {
            fr: 'Recrutés par la coopérative d’accueil',
            ar: 'موظفون لدى التعاونية المستقبِلة',
          },
          value: 48,
          unit: null,
        },
      ],
      contacts: [
        {
          name: 'Fatima Zahra El Idrissi',
          role: 'Coordinatrice du programme',
          organisation: 'Union des coopératives agricoles du Souss',
          email: 'f.elidrissi@cooperatives-souss.example',
          phone: '+212 5 28 00 00 00',
          consentGiven: true,
          consentNote: 'Accord écrit par courriel du 3 mars 2026.',
        },
        {
          name: 'Brahim Oubella',
          role: 'Trésorier',
          organisation: 'Union des coopératives agricoles du Souss',
          email: 'b.oubella@cooperatives-souss.example',
          consentGiven: false,
        },
      ],
      links: NO_LINKS,
    },
    evidence: {
      level: 3,
      justification: {
        fr: 'Les trois cohortes sont comparées à un groupe de jeunes inscrits sur liste d’attente, suivis à douze mois avec le même questionnaire : l’écart d’insertion (64 % contre 31 %) est attribuable au parcours.',
        ar: 'قورنت الأفواج الثلاثة بمجموعة من الشباب المسجلين في لائحة الانتظار، تمت متابعتهم بعد اثني عشر شهرا بنفس الاستمارة.',
      },
    },
  },
  {
    stage: 'published',
    sheet: {
      slug: 'appui-aux-cooperatives-feminines-d-argan',
      originalLanguage: 'fr',
      texts: {
        fr: {
          title: 'Appui aux coopératives féminines d’argan',
          summary:
            'Un modèle d’accompagnement de coopératives de femmes productrices d’huile d’argan : gouvernance, qualité, certification et accès direct aux acheteurs.',
          problem:
            'Les coopératives féminines d’argan vendent l’essentiel de leur huile en vrac à des intermédiaires, à un prix qui ne rémunère pas le travail des adhérentes.',
          context:
            'Coopératives de l’arrière-pays de l’Oriental (Figuig, Jerada) et de femmes rurales peu scolarisées.',
          intervention:
            'Douze mois d’accompagnement : formation à la gouvernance coopérative, mise aux normes de l’unité de production, certification biologique, puis mise en relation avec des acheteurs équitables.',
          coreComponents:
            'L’accompagnement à la gouvernance (assemblées, comptes) ; la certification ; la vente groupée sans intermédiaire.',
          results:
            'Dans les huit coopératives accompagnées, le prix de vente moyen est passé de 180 à 310 MAD le litre et le revenu annuel moyen des adhérentes a augmenté de 42 %.',
          replicationConditions:
            'Des coopératives déjà constituées ; un organisme certificateur accessible ; un partenaire commercial engagé sur trois ans.',
        },
        ar: {
          title: 'دعم التعاونيات النسائية لإنتاج زيت الأركان',
          summary:
            'نموذج لمواكبة تعاونيات النساء المنتجات لزيت الأركان: الحكامة، الجودة، الإشهاد والولوج المباشر إلى المشترين.',
          problem:
            'تبيع التعاونيات النسائية معظم زيتها بالجملة للوسطاء، بثمن لا يؤدي أجر عمل المنخرطات.',
          intervention:
            'اثنا عشر شهرا من المواكبة: تكوين في الحكامة التعاونية، تأهيل وحدة الإنتاج، الإشهاد البيولوجي، ثم الربط بمشترين منصفين.',
          coreComponents: 'المواكبة في الحكامة؛ الإشهاد؛ البيع الجماعي دون وسطاء.',
          results:
            'في التعاونيات الثماني المواكَبة، ارتفع متوسط ثمن البيع من 180 إلى 310 درهم للتر، وارتفع الدخل السنوي للمنخرطات بنسبة 42 في المائة.',
          replicationConditions: 'تعاونيات قائمة؛ هيئة إشهاد متاحة؛ شريك تجاري ملتزم لثلاث سنوات.',
        },
      },
      regions: ['MA-02'],
      themes: ['women_empowerment', 'cooperatives_social_economy', 'rural_development'],
      populations: ['women', 'cooperative_members'],
      totalCostMad: 960_000,
      costPerBeneficiaryMad: 4_000,
      beneficiaries: 240,
      startYear: 2022,
      endYear: 2024,
      resultFigures: [
        {
          label: { fr: 'Prix de vente moyen du litre', ar: 'متوسط ثمن بيع اللتر' },
          value: 310,
          unit: 'MAD',
        },
        {
          label: { fr: 'Hausse du revenu des adhérentes', ar: 'ارتفاع دخل المنخرطات' },
          value: 42,
          unit: '%',
        },
      ],
      contacts: [],
      links: NO_LINKS,
    },
    evidence: {
      level: 2,
      justification: {
        fr: 'Prix et revenus relevés avant et après l’accompagnement dans les huit coopératives ; sans groupe de comparaison, le changement observé ne peut pas être attribué entièrement au modèle.',
        ar: 'تم رصد الأثمان والمداخيل قبل المواكبة وبعدها في التعاونيات الثماني، دون مجموعة مقارنة.',
      },
    },
  },
  {
    stage: 'published',
    sheet: {
      slug: 'inclusion-numerique-des-douars',
      originalLanguage: 'fr',
      texts: {
        fr: {
          title: 'Inclusion numérique des douars',
          summary:
            'Des relais numériques formés dans chaque douar aident les habitants à accomplir leurs démarches en ligne et à utiliser le paiement mobile.',
          problem:
            'Les habitants des douars de la province de Settat renoncent à des droits (aides, état civil, retraites) faute de savoir utiliser les services publics en ligne.',
          intervention:
            'Un relais par douar, choisi par l’association locale, est formé pendant quatre semaines puis tient une permanence hebdomadaire équipée d’une tablette et d’une connexion.',
          coreComponents:
            'Le relais issu du douar ; la permanence régulière ; la formation certifiante des relais.',
          results:
            'En deux ans, 21 relais ont accompagné 3 400 démarches ; 78 % des usagers ont ensuite accompli seuls au moins une démarche. Une réplication indépendante dans la province de Berrechid a obtenu des résultats comparables.',
          replicationConditions:
            'Une association de douar active ; une couverture mobile 4G ; l’accord de la province pour l’accès aux plateformes.',
          knownReplications:
            'Province de Berrechid (2024), évaluée par une équipe universitaire indépendante.',
        },
        ar: {
          title: 'الإدماج الرقمي للدواوير',
          summary:
            'وسطاء رقميون مكوَّنون في كل دوار يساعدون السكان على إنجاز مساطرهم عبر الإنترنت واستعمال الأداء بالهاتف المحمول.',
          problem:
            'يتخلى سكان دواوير إقليم سطات عن حقوق (دعم، حالة مدنية، معاشات) لعدم إتقانهم استعمال الخدمات العمومية الرقمية.',
          intervention:
            'وسيط لكل دوار تختاره الجمعية المحلية، يتلقى تكوينا لمدة أربعة أسابيع ثم يؤمّن مداومة أسبوعية مجهزة بلوحة إلكترونية واتصال بالإنترنت.',
          coreComponents: 'الوسيط المنحدر من الدوار؛ المداومة المنتظمة؛ التكوين المشهود به.',
          results:
            'خلال سنتين، واكب 21 وسيطا 3400 مسطرة؛ و78 في المائة من المستفيدين أنجزوا بعد ذلك مسطرة واحدة على الأقل بمفردهم.',
          replicationConditions: 'جمعية دوار نشيطة؛ تغطية بالجيل الرابع؛ موافقة الإقليم.',
        },
      },
      regions: ['MA-06'],
      themes: ['digital_inclusion', 'rural_development', 'governance_participation'],
      populations: ['rural_households', 'elderly', 'general_public'],
      totalCostMad: 630_000,
      costPerBeneficiaryMad: 185,
      beneficiaries: 3_400,
      startYear: 2022,
      endYear: null,
      resultFigures: [
        {
          label: { fr: 'Démarches accompagnées', ar: 'مساطر تمت مواكبتها' },
          value: 3400,
          unit: null,
        },
        {
          label: { fr: 'Usagers devenus autonomes', ar: 'مستفيدون أصبحوا مستقلين' },
          value: 78,
          unit: '%',
        },
      ],
      contacts: [
        {
          name: 'Youssef Benjelloun',
          role: 'Chargé de projet',
          organisation: 'Association Douar Connecté',
          email: 'y.benjelloun@douar-connecte.example',
          consentGiven: true,
          consentNote: 'Accord oral enregistré lors de la visite du 12 février 2026.',
        },
      ],
      links: NO_LINKS,
    },
    evidence: {
      level: 4,
      justification: {
        fr: 'Le modèle a été répliqué dans la province de Berrechid par une autre association et évalué par une équipe universitaire indépendante, avec des résultats comparables (74 % d’usagers autonomes).',
        ar: 'تم تكرار النموذج بإقليم برشيد من طرف جمعية أخرى وتقييمه من طرف فريق جامعي مستقل بنتائج مماثلة.',
      },
    },
  },
  {
    stage: 'in_review',
    sheet: {
      slug: 'ateliers-de-reparation-solidaire',
      originalLanguage: 'fr',
      texts: {
        fr: {
          title: 'Ateliers de réparation solidaire',
          summary:
            'Des ateliers de quartier où des jeunes formés réparent appareils et vélos à prix solidaire, en apprenant un métier.',
          problem:
            'Les jeunes des quartiers périphériques de Casablanca manquent de premières expériences professionnelles.',
          intervention: 'Six mois d’apprentissage en atelier encadré par des artisans retraités.',
          coreComponents: 'L’encadrement par des artisans ; la clientèle de quartier.',
          results: '42 apprentis formés, 27 en emploi ou à leur compte un an après.',
          replicationConditions: 'Un local prêté par la commune ; des artisans bénévoles.',
        },
        ar: { title: 'ورشات الإصلاح التضامني' },
      },
      regions: ['MA-06'],
      themes: ['employment_insertion', 'environment_climate'],
      populations: ['youth_neet'],
      totalCostMad: 380_000,
      costPerBeneficiaryMad: 9_000,
      beneficiaries: 42,
      startYear: 2023,
      endYear: null,
      resultFigures: [],
      contacts: [],
      links: NO_LINKS,
    },
  },
  {
    stage: 'draft',
    sheet: {
      slug: 'cantines-scolaires-approvisionnees-localement',
      originalLanguage: 'fr',
      texts: {
        fr: {
          title: 'Cantines scolaires approvisionnées localement',
          summary: 'Les cantines de l’école rurale achètent aux coopératives voisines.',
        },
      },
      regions: ['MA-09'],
      themes: ['education_training', 'rural_development'],
      populations: ['children', 'cooperative_members'],
      links: NO_LINKS,
    },
  },
];
