import type { DemoCourse } from './demo-course';

export const COOP_120: DemoCourse = {
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
};
