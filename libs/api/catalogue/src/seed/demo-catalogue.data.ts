import type {
  CourseStatus,
  CourseTheme,
  DeliveryMode,
  Locale,
  SessionStatus,
} from '@oris/shared/domain';

export interface DemoModule {
  title: string;
  minutes: number;
  required?: boolean;
  content: string;
  resources?: { title: string; url: string }[];
}

export interface DemoSession {
  /** Key under which the seed reports the session's id (for the enrollment seed). */
  key: string;
  /**
   * `{season}` and `{year}` are those of the first day (in the course's first language), so the
   * name stays true whatever day the demo is seeded on: see `demoSessionTitle`.
   */
  title: string;
  regionCode: string;
  /** Days from today to the first and last day. */
  startIn: number;
  days: number;
  status: SessionStatus;
  capacity: number;
  venue?: string;
  onlineUrl?: string;
  approvalRequired?: boolean;
  /** Hour of each day's meeting, Moroccan time. */
  meetingHour?: number;
}

export interface DemoCourse {
  code: string;
  title: string;
  summary: string;
  description: string;
  theme: CourseTheme;
  languages: Locale[];
  deliveryMode: DeliveryMode;
  durationHours: number;
  learningOutcomes: string[];
  minAttendancePercent: number | null;
  trainerValidation: boolean;
  status: CourseStatus;
  modules: DemoModule[];
  sessions: DemoSession[];
}

export const DEMO_COURSES: DemoCourse[] = [
  {
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
  },
  {
    code: 'GP-201',
    title: 'Ingénierie de projets à impact social',
    summary:
      'Concevoir, planifier et piloter un projet social : cadre logique, budget, chronogramme, gestion des risques et rapport aux bailleurs.',
    description: `Une formation pratique pour **monter un projet finançable** et le piloter jusqu’au rapport final.

Chaque participant repart avec le cadre logique, le budget et le plan de suivi de son propre projet.`,
    theme: 'project_engineering',
    languages: ['fr'],
    deliveryMode: 'in_person',
    durationHours: 24,
    learningOutcomes: [
      'Rédiger un cadre logique cohérent',
      'Établir un budget et un chronogramme réalistes',
      'Préparer un rapport narratif et financier',
    ],
    minAttendancePercent: 75,
    trainerValidation: false,
    status: 'published',
    modules: [
      {
        title: 'Du problème aux objectifs : l’arbre à problèmes',
        minutes: 90,
        content: `# L’arbre à problèmes

Placez le **problème central** au tronc, ses **causes** aux racines et ses **effets** aux branches.

Retournez ensuite l’arbre : les causes deviennent des *objectifs spécifiques*, le problème central l’*objectif global*.`,
      },
      {
        title: 'Le cadre logique',
        minutes: 120,
        content: `# Le cadre logique

| | Logique d’intervention | Indicateurs | Sources de vérification | Hypothèses |
|---|---|---|---|---|
| Objectif global | | | | |
| Objectif spécifique | | | | |
| Résultats | | | | |
| Activités | | | | |

Un bon indicateur est **SMART** : spécifique, mesurable, atteignable, réaliste, temporellement défini.`,
      },
      {
        title: 'Budget et chronogramme',
        minutes: 90,
        content: `# Budget et chronogramme

- Partez des **activités** du cadre logique ;
- chiffrez chaque activité (ressources humaines, équipement, déplacements, frais administratifs) ;
- prévoyez **5 à 10 %** d’imprévus ;
- construisez le diagramme de Gantt mois par mois.`,
      },
      {
        title: 'Suivi, risques et rapports',
        minutes: 60,
        content: `# Suivi et rapports

Tenez un **tableau de suivi** mensuel des indicateurs et un registre des risques (probabilité × impact, mesure d’atténuation).

Le rapport final répond aux questions du bailleur : *qu’avez-vous fait, pour qui, avec quel résultat, à quel coût ?*`,
      },
    ],
    sessions: [
      {
        key: 'gp201-past',
        title: 'Session Casablanca',
        regionCode: 'MA-06',
        startIn: -90,
        days: 3,
        status: 'completed',
        capacity: 18,
        venue: 'Dar Al Jamiaa, Casablanca',
        meetingHour: 9,
      },
      {
        key: 'gp201-running',
        title: 'Session Marrakech',
        regionCode: 'MA-07',
        startIn: -1,
        days: 4,
        status: 'running',
        capacity: 20,
        venue: 'Centre régional d’investissement, Marrakech',
        meetingHour: 9,
      },
      {
        key: 'gp201-open',
        title: 'Session Agadir',
        regionCode: 'MA-09',
        startIn: 35,
        days: 3,
        status: 'open',
        capacity: 20,
        venue: 'Université Ibn Zohr, Agadir',
        approvalRequired: true,
      },
    ],
  },
  {
    code: 'MI-110',
    title: 'Mesurer l’impact social : indicateurs, enquêtes et tableaux de bord',
    summary:
      'Construire une théorie du changement, choisir des indicateurs utiles, mener une enquête de suivi et présenter ses résultats.',
    description: `Les financeurs demandent des preuves. Cette formation en ligne donne une **méthode simple et honnête** pour mesurer ce qui change grâce à un projet.

Elle s’appuie sur les pratiques des enquêtes d’insertion (taux d’insertion, taux d’emploi) et sur des outils libres.`,
    theme: 'impact_measurement',
    languages: ['fr', 'en'],
    deliveryMode: 'online',
    durationHours: 18,
    learningOutcomes: [
      'Écrire la théorie du changement d’un projet',
      'Choisir cinq indicateurs et leurs sources',
      'Calculer et commenter un taux avec son dénominateur',
    ],
    minAttendancePercent: null,
    trainerValidation: false,
    status: 'published',
    modules: [
      {
        title: 'La théorie du changement',
        minutes: 60,
        content: `# La théorie du changement

Activités → **réalisations** → **résultats** → **impact**.

Pour chaque flèche, écrivez l’hypothèse qui la justifie. *Si nous formons 100 jeunes, alors…*`,
      },
      {
        title: 'Choisir ses indicateurs',
        minutes: 60,
        content: `# Choisir ses indicateurs

Un indicateur utile a une **définition écrite**, une **source**, une **fréquence** et un **responsable**.

- Taux d’insertion à 9 mois = insérés ÷ répondants ;
- taux de réponse = répondants ÷ éligibles.

> Un taux sans dénominateur n’est pas un résultat.`,
      },
      {
        title: 'Mener une enquête de suivi',
        minutes: 90,
        content: `# L’enquête de suivi

1. Définissez la **date de référence** (par exemple 9 mois après la fin de la formation) ;
2. contactez **toutes** les personnes éligibles, pas seulement les plus faciles à joindre ;
3. relancez deux fois ;
4. documentez les situations (contrat, déclaration CNSS, immatriculation).`,
      },
      {
        title: 'Présenter ses résultats',
        minutes: 45,
        required: false,
        content: `# Présenter ses résultats

Un tableau de bord lisible : **peu de chiffres**, leurs définitions, leurs évolutions, et ce que vous en concluez.

Masquez les cellules de moins de cinq personnes pour protéger la vie privée.`,
      },
    ],
    sessions: [
      {
        key: 'mi110-open',
        title: 'Classe virtuelle — {season} {year}',
        regionCode: 'MA-04',
        startIn: 14,
        days: 10,
        status: 'open',
        capacity: 40,
        onlineUrl: 'https://meet.example.org/mi110',
        meetingHour: 18,
      },
      {
        key: 'mi110-past',
        title: 'Classe virtuelle — {season} {year}',
        regionCode: 'MA-04',
        startIn: -200,
        days: 10,
        status: 'completed',
        capacity: 40,
        onlineUrl: 'https://meet.example.org/mi110-old',
      },
    ],
  },
  {
    code: 'COOP-120',
    title: 'Créer et gérer une coopérative',
    summary:
      'Statuts, gouvernance, comptabilité simplifiée et commercialisation : les bases pour lancer une coopérative qui dure.',
    description: `De la réunion constitutive à la première assemblée générale : une formation pour les **membres fondateurs** et les accompagnateurs de coopératives.

La formation est donnée en français et en darija, avec les supports en arabe.`,
    theme: 'cooperatives',
    languages: ['fr', 'ar'],
    deliveryMode: 'in_person',
    durationHours: 28,
    learningOutcomes: [
      'Connaître les étapes de création d’une coopérative (loi 112-12)',
      'Tenir les registres et une comptabilité simplifiée',
      'Préparer une assemblée générale',
    ],
    minAttendancePercent: 80,
    trainerValidation: true,
    status: 'published',
    modules: [
      {
        title: 'Le cadre juridique des coopératives',
        minutes: 90,
        content: `# Le cadre juridique

La loi **112-12** relative aux coopératives fixe : le nombre minimal de membres (cinq), les statuts, l’immatriculation au registre des coopératives, les organes (assemblée générale, conseil d’administration).

## Les étapes
1. réunion des fondateurs et rédaction des statuts ;
2. certificat négatif de dénomination ;
3. assemblée constitutive ;
4. immatriculation.`,
        resources: [
          {
            title: 'Office du développement de la coopération',
            url: 'https://www.example.org/odco',
          },
        ],
      },
      {
        title: 'Gouvernance et vie démocratique',
        minutes: 60,
        content: `# Gouvernance

**Un membre, une voix**, quelle que soit sa part de capital.

- l’assemblée générale approuve les comptes et élit le conseil ;
- le conseil d’administration gère au quotidien ;
- les décisions sont consignées dans un **registre des délibérations**.`,
      },
      {
        title: 'Comptabilité simplifiée',
        minutes: 120,
        content: `# Comptabilité simplifiée

Tenez chaque jour le **journal de caisse** : date, libellé, recette, dépense, solde.

| Date | Libellé | Recette | Dépense |
|---|---|---|---|
| 02/03 | Vente huile d’argan | 1 200 | |
| 03/03 | Achat flacons | | 350 |

En fin de mois, rapprochez la caisse et le relevé bancaire.`,
      },
      {
        title: 'Vendre ses produits',
        minutes: 90,
        content: `# Commercialisation

Salons régionaux, boutiques solidaires, vente en ligne, grossistes : choisissez **un ou deux canaux** et maîtrisez-les.

Calculez votre prix : coût des matières + main-d’œuvre + frais + marge.`,
      },
      {
        title: 'Préparer l’assemblée générale',
        minutes: 45,
        required: false,
        content: `# L’assemblée générale

Convocation, ordre du jour, rapport moral, rapport financier, vote, procès-verbal. Une **check-list** à imprimer.`,
      },
    ],
    sessions: [
      {
        key: 'coop120-past',
        title: 'Session Oujda',
        regionCode: 'MA-02',
        startIn: -60,
        days: 4,
        status: 'completed',
        capacity: 15,
        venue: 'Chambre d’agriculture, Oujda',
        meetingHour: 9,
      },
      {
        key: 'coop120-open',
        title: 'Session Béni Mellal',
        regionCode: 'MA-05',
        startIn: 28,
        days: 4,
        status: 'open',
        capacity: 15,
        venue: 'Maison de la coopération, Béni Mellal',
        approvalRequired: true,
        meetingHour: 9,
      },
    ],
  },
  {
    code: 'DT-130',
    title: 'Design territorial et innovation sociale',
    summary:
      'Les méthodes du design appliquées aux politiques locales : immersion, co-conception avec les habitants, prototypage et test.',
    description: `Comment concevoir un service public local **avec** ses usagers ? Cette formation introduit le design territorial par la pratique, sur un cas réel proposé par une commune partenaire.`,
    theme: 'territorial_design',
    languages: ['fr'],
    deliveryMode: 'blended',
    durationHours: 20,
    learningOutcomes: [
      'Conduire une immersion et des entretiens d’usagers',
      'Animer un atelier de co-conception',
      'Prototyper et tester un service',
    ],
    minAttendancePercent: 70,
    trainerValidation: false,
    status: 'published',
    modules: [
      {
        title: 'L’immersion',
        minutes: 60,
        content: `# L’immersion

Passez une demi-journée **là où le service est rendu** : guichet, marché, dispensaire. Observez le parcours de l’usager, photographiez (avec accord), notez les irritants.`,
      },
      {
        title: 'Co-concevoir avec les habitants',
        minutes: 90,
        content: `# L’atelier de co-conception

- invitez des usagers **divers** (âge, genre, quartier) ;
- partez d’une question ouverte : *« Comment pourrions-nous… ? »* ;
- divergez (beaucoup d’idées), puis convergez (deux ou trois pistes).`,
      },
      {
        title: 'Prototyper et tester',
        minutes: 90,
        content: `# Prototyper

Un prototype est **rapide et bon marché** : maquette papier, affiche, jeu de rôle, service testé une matinée.

Testez-le avec cinq usagers et notez ce qui doit changer.`,
      },
    ],
    sessions: [
      {
        key: 'dt130-open',
        title: 'Laboratoire territorial — Tétouan',
        regionCode: 'MA-01',
        startIn: 45,
        days: 3,
        status: 'open',
        capacity: 16,
        venue: 'Commune de Tétouan',
        onlineUrl: 'https://meet.example.org/dt130',
        meetingHour: 10,
      },
    ],
  },
  {
    code: 'PL-140',
    title: 'Plaidoyer et partenariats avec les collectivités territoriales',
    summary:
      'Construire une stratégie de plaidoyer, comprendre la décision locale et nouer des partenariats durables avec communes, provinces et régions.',
    description: `Les collectivités territoriales sont des partenaires clés de l’innovation sociale. Cette formation explique **qui décide quoi**, et comment porter une proposition jusqu’au conseil.`,
    theme: 'advocacy_partnerships',
    languages: ['fr'],
    deliveryMode: 'in_person',
    durationHours: 16,
    learningOutcomes: [
      'Cartographier les acteurs et leurs intérêts',
      'Rédiger une note de plaidoyer d’une page',
      'Préparer une convention de partenariat',
    ],
    minAttendancePercent: 75,
    trainerValidation: false,
    status: 'published',
    modules: [
      {
        title: 'La décision locale',
        minutes: 60,
        content: `# La décision locale

Communes, préfectures et provinces, régions : chaque niveau a ses **compétences propres**, partagées et transférées. Le programme d’action communal et le programme de développement régional sont des portes d’entrée.`,
      },
      {
        title: 'Construire sa stratégie de plaidoyer',
        minutes: 90,
        content: `# Stratégie de plaidoyer

1. le **changement** visé, précis et daté ;
2. les **cibles** (qui peut décider) et les **alliés** ;
3. les **messages** adaptés à chaque cible ;
4. le **calendrier** (sessions du conseil, budget).`,
      },
      {
        title: 'La convention de partenariat',
        minutes: 60,
        content: `# La convention de partenariat

Objet, engagements de chaque partie, contributions financières et en nature, **comité de suivi**, durée, résiliation. Un modèle commenté est fourni.`,
      },
    ],
    sessions: [
      {
        key: 'pl140-past',
        title: 'Session Rabat',
        regionCode: 'MA-04',
        startIn: -30,
        days: 2,
        status: 'completed',
        capacity: 25,
        venue: 'Conseil régional, Rabat',
        meetingHour: 9,
      },
      {
        key: 'pl140-cancelled',
        title: 'Session Laâyoune',
        regionCode: 'MA-11',
        startIn: 20,
        days: 2,
        status: 'cancelled',
        capacity: 20,
        venue: 'Maison des jeunes, Laâyoune',
      },
    ],
  },
  {
    code: 'NUM-150',
    title: 'Inclusion numérique : accompagner les publics éloignés',
    summary:
      'Accompagner les personnes peu à l’aise avec le numérique vers les services en ligne : diagnostic, ateliers, médiation et sécurité.',
    description: `Démarches administratives, recherche d’emploi, paiement mobile : le numérique est devenu une condition d’accès aux droits. Cette formation prépare les **médiateurs numériques** des associations et des espaces publics.`,
    theme: 'digital_inclusion',
    languages: ['fr', 'ar'],
    deliveryMode: 'online',
    durationHours: 15,
    learningOutcomes: [
      'Établir le diagnostic des compétences numériques d’une personne',
      'Animer un atelier d’initiation',
      'Sensibiliser aux arnaques et à la protection des données',
    ],
    minAttendancePercent: null,
    trainerValidation: false,
    status: 'published',
    modules: [
      {
        title: 'Le diagnostic numérique',
        minutes: 45,
        content: `# Le diagnostic

Cinq questions suffisent : équipement, connexion, usages actuels, besoins, appréhensions. **Partez de ce que la personne sait déjà faire.**`,
      },
      {
        title: 'Animer un atelier d’initiation',
        minutes: 60,
        content: `# L’atelier d’initiation

- six participants au plus ;
- un objectif concret par séance (*créer une adresse e-mail*, *prendre un rendez-vous en ligne*) ;
- laissez les mains sur le clavier **aux participants**.`,
      },
      {
        title: 'Sécurité et données personnelles',
        minutes: 45,
        content: `# Sécurité

Mots de passe, codes reçus par SMS, faux messages : apprenez à **reconnaître une arnaque**.

La loi 09-08 protège les données personnelles : on ne demande que ce qui est nécessaire, et on dit pourquoi.`,
      },
    ],
    sessions: [
      {
        key: 'num150-open',
        title: 'Classe virtuelle — médiateurs',
        regionCode: 'MA-08',
        startIn: 10,
        days: 5,
        status: 'open',
        capacity: 30,
        onlineUrl: 'https://meet.example.org/num150',
        meetingHour: 17,
      },
    ],
  },
  {
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
  },
  {
    code: 'FUND-170',
    title: 'Fundraising and Grant Writing for Social Innovation Projects',
    summary:
      'Find the right funders, write a convincing proposal and budget, and report on a grant: a practical course in English for project teams.',
    description: `International cooperation agencies and foundations fund a large share of social innovation in Morocco. This online course teaches how to **find, win and manage** a grant.`,
    theme: 'advocacy_partnerships',
    languages: ['en'],
    deliveryMode: 'online',
    durationHours: 12,
    learningOutcomes: [
      'Map the funders relevant to a project',
      'Write a two-page concept note',
      'Build a grant budget with its narrative',
    ],
    minAttendancePercent: null,
    trainerValidation: true,
    status: 'published',
    modules: [
      {
        title: 'Mapping funders',
        minutes: 45,
        content: `# Mapping funders

Public agencies, foundations, companies (CSR), diaspora and crowdfunding. For each: **what they fund, how much, when, and who decides**.`,
      },
      {
        title: 'The concept note',
        minutes: 60,
        content: `# The concept note

Two pages: the problem (with data), the solution, expected results, the team, the budget in one line, and **why now**.`,
      },
      {
        title: 'Budget and reporting',
        minutes: 60,
        content: `# Budget and reporting

Every budget line must be traced to an activity. Keep receipts, track spending monthly, and report **results against the indicators you promised**.`,
      },
    ],
    sessions: [
      {
        key: 'fund170-planned',
        title: 'Virtual class — {season} {year}',
        regionCode: 'MA-04',
        startIn: 60,
        days: 6,
        status: 'planned',
        capacity: 30,
        onlineUrl: 'https://meet.example.org/fr170',
      },
    ],
  },
  {
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
  },
];
