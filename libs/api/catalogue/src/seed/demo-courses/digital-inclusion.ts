import type { DemoCourse } from './demo-course';

export const NUM_150: DemoCourse = {
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
};
