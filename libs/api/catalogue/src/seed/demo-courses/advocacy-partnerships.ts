import type { DemoCourse } from './demo-course';

export const PL_140: DemoCourse = {
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
};

export const FUND_170: DemoCourse = {
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
};
