import type { DemoCourse } from './demo-course';

export const GP_201: DemoCourse = {
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
};
