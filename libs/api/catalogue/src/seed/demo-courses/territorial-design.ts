import type { DemoCourse } from './demo-course';

export const DT_130: DemoCourse = {
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
};
