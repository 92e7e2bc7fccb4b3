import type { DemoCourse } from './demo-course';

export const ES_101: DemoCourse = {
  code: 'ES-101',
  title: 'Entrepreneuriat social : de l’idée au modèle économique',
  summary:
    'Passer d’une intuition de terrain à un projet d’entreprise sociale viable : problème, public, solution, modèle économique et premiers partenaires.',
  description: `Cette formation s’adresse aux porteuses et porteurs de projets, aux animateurs d’associations et aux agents de développement qui veulent **créer une activité économique au service d’une cause**.

Elle alterne apports, études de cas marocains (coopératives féminines, entreprises d’insertion, plateformes de services de proximité) et travail sur le projet de chaque participant.

## Pour qui ?
- porteurs de projets à finalité sociale ou environnementale ;
- salariés et bénévoles d’associations qui veulent générer des revenus propres ;
- agents des collectivités et de l’INDH qui accompagnent des porteurs.`,
  theme: 'social_entrepreneurship',
  languages: ['fr'],
  deliveryMode: 'blended',
  durationHours: 30,
  learningOutcomes: [
    'Formuler le problème social visé et le public concerné',
    'Construire un modèle économique hybride (ventes, subventions, contributions)',
    'Présenter son projet à un financeur en dix minutes',
  ],
  minAttendancePercent: 80,
  trainerValidation: true,
  status: 'published',
  modules: [
    {
      title: 'Qu’est-ce qu’une entreprise sociale ?',
      minutes: 60,
      content: `# Qu’est-ce qu’une entreprise sociale ?

Une entreprise sociale poursuit **d’abord une finalité sociale**, et utilise l’activité économique pour l’atteindre.

## Trois critères souvent retenus
1. une **mission sociale** explicite, écrite dans ses statuts ;
2. une **activité économique** continue (vente de biens ou de services) ;
3. une **gouvernance** qui associe les parties prenantes et limite la distribution des bénéfices.

> Au Maroc, la loi 112-12 encadre les coopératives ; l’économie sociale et solidaire fait l’objet d’une stratégie nationale.

### À faire
Décrivez en cinq lignes le problème que votre projet veut résoudre, pour qui, et ce qui existe déjà.`,
      resources: [
        {
          title: 'Portail de l’économie sociale et solidaire',
          url: 'https://www.example.org/ess-maroc',
        },
      ],
    },
    {
      title: 'Comprendre son public et son problème',
      minutes: 90,
      content: `# Comprendre son public

Avant de concevoir une solution, **allez écouter** les personnes concernées.

- Préparez 8 à 10 questions ouvertes ;
- rencontrez au moins **dix personnes** du public visé ;
- notez les faits, pas les opinions : *« la dernière fois que… »*.

| Ce que l’on croit | Ce que l’on a observé |
|---|---|
| Les femmes rurales manquent de formation | Elles manquent surtout de temps et de transport |

Synthétisez vos entretiens en trois constats.`,
    },
    {
      title: 'Le modèle économique hybride',
      minutes: 120,
      content: `# Le modèle économique hybride

Une entreprise sociale combine souvent plusieurs ressources :

- **ventes** de produits ou de services ;
- **subventions** publiques (INDH, collectivités, coopération internationale) ;
- **contributions** en nature et bénévolat.

## Exercice
Remplissez le canevas : proposition de valeur, clients, bénéficiaires, canaux, ressources clés, coûts, revenus.

\`\`\`
Revenus = ventes + subventions + dons
Point mort = coûts fixes / marge unitaire
\`\`\``,
    },
    {
      title: 'Pitcher son projet',
      minutes: 60,
      required: false,
      content: `# Pitcher son projet

En dix minutes : le problème, la solution, l’impact attendu, le modèle économique, l’équipe, **la demande précise** (montant, partenariat, mise en relation).

Entraînez-vous devant le groupe ; chacun note un point fort et une question.`,
    },
  ],
  sessions: [
    {
      key: 'es101-past',
      title: 'Cohorte {season} {year} — Rabat',
      regionCode: 'MA-04',
      startIn: -150,
      days: 5,
      status: 'completed',
      capacity: 20,
      venue: 'Technopark, Rabat',
      meetingHour: 9,
    },
    {
      key: 'es101-open',
      title: 'Cohorte {season} {year} — Fès',
      regionCode: 'MA-03',
      startIn: 21,
      days: 5,
      status: 'open',
      capacity: 4,
      venue: 'Maison des associations, Fès',
      approvalRequired: false,
      meetingHour: 9,
    },
    {
      key: 'es101-planned',
      title: 'Cohorte {season} {year} — Tanger',
      regionCode: 'MA-01',
      startIn: 90,
      days: 5,
      status: 'planned',
      capacity: 25,
      venue: 'Espace associatif, Tanger',
      onlineUrl: 'https://meet.example.org/es101-tanger',
    },
    {
      // The first cohort, over a year ago: its 9- and 12-month follow-ups have fallen due, so
      // the insertion dashboard has figures at every horizon and the follow-up queue has
      // overdue calls (libs/api/followups/src/seed).
      key: 'es101-first',
      title: 'Première cohorte — Meknès',
      regionCode: 'MA-03',
      startIn: -410,
      days: 5,
      status: 'completed',
      capacity: 16,
      venue: 'Chambre de commerce, Meknès',
      meetingHour: 9,
    },
  ],
};

export const ESS_AR_160: DemoCourse = {
  code: 'ESS-AR-160',
  title: 'الاقتصاد الاجتماعي والتضامني: المفاهيم والممارسات',
  summary:
    'مدخل إلى الاقتصاد الاجتماعي والتضامني في المغرب: الفاعلون، الأشكال القانونية، التمويل وأمثلة ناجحة من الجهات.',
  description: `تكوين باللغة العربية موجّه إلى **أعضاء الجمعيات والتعاونيات** والفاعلين المحليين.

يقدّم المفاهيم الأساسية ويعرض تجارب مغربية ناجحة في مختلف الجهات.`,
  theme: 'social_entrepreneurship',
  languages: ['ar'],
  deliveryMode: 'in_person',
  durationHours: 12,
  learningOutcomes: [
    'فهم مبادئ الاقتصاد الاجتماعي والتضامني',
    'التمييز بين الجمعية والتعاونية والتعاضدية',
    'التعرّف على مصادر التمويل المتاحة',
  ],
  minAttendancePercent: 80,
  trainerValidation: false,
  status: 'published',
  modules: [
    {
      title: 'ما هو الاقتصاد الاجتماعي والتضامني؟',
      minutes: 60,
      content: `# ما هو الاقتصاد الاجتماعي والتضامني؟

هو مجموع الأنشطة الاقتصادية التي تهدف إلى **خدمة الإنسان** قبل تحقيق الربح، وتقوم على:

- التضامن والتعاون؛
- التسيير الديمقراطي؛
- إعادة استثمار الفائض في خدمة الأعضاء والمجتمع.`,
    },
    {
      title: 'الأشكال القانونية',
      minutes: 60,
      content: `# الأشكال القانونية

| الشكل | النص القانوني |
|---|---|
| الجمعية | ظهير 1958 المتعلق بتأسيس الجمعيات |
| التعاونية | القانون 112-12 |
| التعاضدية | ظهير 1963 |`,
    },
    {
      title: 'التمويل والتجارب الناجحة',
      minutes: 60,
      content: `# التمويل

المبادرة الوطنية للتنمية البشرية، الجماعات الترابية، التعاون الدولي، والمداخيل الذاتية من **بيع المنتجات والخدمات**.`,
    },
  ],
  sessions: [
    {
      key: 'essar160-open',
      title: 'دورة الدار البيضاء',
      regionCode: 'MA-06',
      startIn: 18,
      days: 2,
      status: 'open',
      capacity: 25,
      venue: 'دار الشباب، الدار البيضاء',
      meetingHour: 10,
    },
  ],
};

export const FS_180: DemoCourse = {
  code: 'FS-180',
  title: 'Finance solidaire et microcrédit',
  summary: 'Brouillon : les outils de la finance solidaire au service des porteurs de projets.',
  description: `Formation en préparation.`,
  theme: 'social_entrepreneurship',
  languages: ['fr'],
  deliveryMode: 'blended',
  durationHours: 14,
  learningOutcomes: [],
  minAttendancePercent: null,
  trainerValidation: false,
  status: 'draft',
  modules: [
    {
      title: 'Panorama de la finance solidaire',
      minutes: 60,
      content: `# Panorama

Microcrédit, tontines, fonds de garantie, prêts d’honneur : *contenu en cours de rédaction*.`,
    },
  ],
  sessions: [],
};
