import type { DemoCourse } from './demo-course';

export const MI_110: DemoCourse = {
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
};
