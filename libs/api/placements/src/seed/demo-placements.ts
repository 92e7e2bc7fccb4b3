import type { ContractType, OrganisationKind, SituationKind } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import { addDays, todayInMorocco } from '@oris/shared/domain';
import { insertPlacement } from '../placements/placement-writer';

export interface DemoPlacementsOptions {
  /** The placement officer who records and validates the demo situations. */
  officerId: string;
  /** Ids of the demo trainees; those with a completed enrollment get situations. */
  trainees: string[];
  /** 'YYYY-MM-DD'; defaults to today in Morocco. No situation starts after it. */
  today?: string;
}

export interface DemoPlacementsResult {
  lines: string[];
  /** Placements written by this run (0 when run again). */
  created: number;
  organisations: Record<string, string>;
}

const ORGANISATIONS: { key: string; name: string; kind: OrganisationKind; regionCode: string }[] = [
  {
    key: 'amal',
    name: 'Association Al Amal pour le développement',
    kind: 'association',
    regionCode: 'MA-04',
  },
  { key: 'incub', name: 'Incubateur Social Innov’Act', kind: 'incubator', regionCode: 'MA-06' },
  { key: 'argane', name: 'Coopérative Tifawin Argane', kind: 'cooperative', regionCode: 'MA-09' },
  {
    key: 'uni',
    name: 'Université Sidi Mohamed Ben Abdellah',
    kind: 'university',
    regionCode: 'MA-03',
  },
  {
    key: 'crdh',
    name: 'Comité Régional de Développement Humain',
    kind: 'public_body',
    regionCode: 'MA-01',
  },
  { key: 'agro', name: 'Atlas Agro Services SARL', kind: 'company', regionCode: 'MA-07' },
];

interface Plan {
  kind: SituationKind;
  contract?: ContractType;
  organisation?: string;
  employerName?: string;
  sector?: string;
  position?: string;
  /** Days after the reference completion (negative: before the training started, from its start). */
  startAfter: number;
  /** Days after the start; none: still going on. */
  lasts?: number;
  /** Count from the training's start instead of the completion (a job held before it). */
  beforeTraining?: boolean;
  evidence: 'declared' | 'confirmed' | 'documented';
}

/**
 * A spread of what happens after training: lasting and ended jobs, a business and a cooperative
 * created, an internship and further studies (recorded, not insertion), and a job held since
 * before the training (which the indicator must not count). Every fifth person has no situation:
 * they stay on the "to follow" list.
 */
const PLANS: (Plan | null)[] = [
  {
    kind: 'wage_employment',
    contract: 'permanent',
    organisation: 'amal',
    sector: 'Économie sociale et solidaire',
    position: 'Chargé·e de projets',
    startAfter: 60,
    evidence: 'documented',
  },
  {
    kind: 'self_employment',
    sector: 'Artisanat',
    position: 'Auto-entrepreneur·e',
    startAfter: 30,
    evidence: 'confirmed',
  },
  {
    kind: 'enterprise_creation',
    employerName: 'Dar Lmaâna SARL-AU',
    sector: 'Tourisme solidaire',
    position: 'Gérant·e',
    startAfter: 120,
    evidence: 'documented',
  },
  {
    kind: 'wage_employment',
    contract: 'fixed_term',
    employerName: 'Fondation Zakoura',
    sector: 'Éducation',
    position: 'Animateur·rice',
    startAfter: -200,
    beforeTraining: true,
    evidence: 'confirmed',
  },
  null,
  {
    kind: 'cooperative',
    organisation: 'argane',
    sector: 'Agroalimentaire',
    position: 'Membre fondatrice',
    startAfter: 90,
    lasts: 240,
    evidence: 'documented',
  },
  {
    kind: 'internship',
    organisation: 'incub',
    sector: 'Accompagnement',
    position: 'Stagiaire',
    startAfter: 10,
    lasts: 90,
    evidence: 'confirmed',
  },
  {
    kind: 'wage_employment',
    contract: 'insertion_contract',
    organisation: 'agro',
    sector: 'Agriculture',
    position: 'Technicien·ne',
    startAfter: 45,
    lasts: 180,
    evidence: 'documented',
  },
  {
    kind: 'further_studies',
    organisation: 'uni',
    sector: 'Enseignement supérieur',
    position: 'Master ESS',
    startAfter: 20,
    evidence: 'declared',
  },
  null,
];

/**
 * Partner organisations in several regions and validated situations for most completed demo
 * trainees. Idempotent: organisations are matched by region and name, and a person who already
 * has a placement is left as they are.
 */
export async function seedDemoPlacements(
  dataSource: DataSource,
  options: DemoPlacementsOptions,
): Promise<DemoPlacementsResult> {
  const today = options.today ?? todayInMorocco();
  return dataSource.transaction(async (manager) => {
    const organisations: Record<string, string> = {};
    for (const organisation of ORGANISATIONS) {
      await manager.query(
        `INSERT INTO organisation (name, kind, region_code, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (region_code, lower(name)) DO NOTHING`,
        [organisation.name, organisation.kind, organisation.regionCode, options.officerId],
      );
      const [{ id }] = await manager.query(
        `SELECT id FROM organisation WHERE region_code = $1 AND lower(name) = lower($2)`,
        [organisation.regionCode, organisation.name],
      );
      organisations[organisation.key] = id;
    }
    const people: {
      userId: string;
      enrollmentId: string;
      completedOn: string;
      startsOn: string;
      regionCode: string | null;
      placed: boolean;
    }[] = await manager.query(
      `SELECT DISTINCT ON (e.user_id) e.user_id AS "userId", e.id AS "enrollmentId",
              e.completed_on::text AS "completedOn", s.starts_on::text AS "startsOn",
              COALESCE(e.region_code, s.region_code) AS "regionCode",
              EXISTS (SELECT 1 FROM placement p WHERE p.user_id = e.user_id) AS placed
         FROM enrollment e JOIN course_session s ON s.id = e.session_id
        WHERE e.status = 'completed' AND e.user_id = ANY($1::uuid[])
        ORDER BY e.user_id, e.completed_on, e.id`,
      [options.trainees],
    );
    const order = new Map(options.trainees.map((id, index) => [id, index]));
    people.sort((a, b) => (order.get(a.userId) ?? 0) - (order.get(b.userId) ?? 0));
    let created = 0;
    for (const [index, person] of people.entries()) {
      const plan = PLANS[index % PLANS.length];
      if (!plan || person.placed) continue;
      const from = plan.beforeTraining ? person.startsOn : person.completedOn;
      let startOn = addDays(from, plan.startAfter);
      if (startOn > today) startOn = today;
      const endOn = plan.lasts === undefined ? null : addDays(startOn, plan.lasts);
      // Validated at noon of the first day, or now for a situation starting today (never later).
      const validatedAt = new Date(
        Math.min(new Date(`${startOn}T12:00:00Z`).getTime(), Date.now()),
      );
      await insertPlacement(
        manager,
        person.userId,
        {
          enrollmentId: plan.beforeTraining ? null : person.enrollmentId,
          kind: plan.kind,
          contract: plan.contract ?? null,
          organisationId: plan.organisation ? organisations[plan.organisation] : null,
          employerName: plan.employerName ?? null,
          sector: plan.sector ?? null,
          position: plan.position ?? null,
          regionCode:
            ORGANISATIONS.find((organisation) => organisation.key === plan.organisation)
              ?.regionCode ??
            person.regionCode ??
            'MA-04',
          startOn,
          endOn,
          source: 'officer',
          evidence: plan.evidence,
          note: null,
        },
        options.officerId,
        { by: options.officerId, at: validatedAt },
      );
      created++;
    }
    return {
      created,
      organisations,
      lines: [
        `${created > 0 ? 'created' : 'kept   '} placements     ${created} situations, ${ORGANISATIONS.length} partner organisations`,
      ],
    };
  });
}
