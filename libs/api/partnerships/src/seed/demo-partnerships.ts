import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import {
  addDays,
  addMonths,
  type OrganisationKind,
  type PartnershipKind,
  type PartyRole,
  type RegionCode,
  type RenewalMode,
  type StakeholderGroup,
  todayInMorocco,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { ContributionInputDto } from '../dto/partnership-input.dto';
import { PartnershipWriter } from '../partnerships/partnership-writer';

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  group: StakeholderGroup;
  region: RegionCode;
}

const ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'region',
    name: 'Conseil régional de l’Oriental',
    kind: 'public_body',
    group: 'regional_council',
    region: 'MA-02',
  },
  {
    key: 'university',
    name: 'Université Mohammed Premier',
    kind: 'university',
    group: 'university',
    region: 'MA-02',
  },
  {
    key: 'indh',
    name: 'INDH — Province d’Oujda-Angad',
    kind: 'public_body',
    group: 'indh',
    region: 'MA-02',
  },
  {
    key: 'giz',
    name: 'Coopération allemande (GIZ) Maroc',
    kind: 'funder',
    group: 'international_cooperation',
    region: 'MA-04',
  },
  {
    key: 'network',
    name: 'Réseau Entreprendre Oriental',
    kind: 'association',
    group: 'support_organisation',
    region: 'MA-02',
  },
  {
    key: 'coop',
    name: 'Coopérative Argane Tiznit',
    kind: 'cooperative',
    group: 'project_holder',
    region: 'MA-09',
  },
  {
    key: 'foundation',
    name: 'Fondation Atlas pour l’emploi',
    kind: 'funder',
    group: 'funder',
    region: 'MA-06',
  },
];

interface DemoParty {
  org: string;
  role?: PartyRole;
  required?: boolean;
  /** Days before the seed day it signed; unsigned when left out. */
  signedDaysAgo?: number;
}

interface DemoAgreement {
  key: string;
  title: string;
  kind: PartnershipKind;
  parent?: string;
  /** Months from the seed day (negative: in the past). */
  startsIn: number;
  endsIn: number | null;
  endsDaysFromToday?: number;
  renewalMode?: RenewalMode;
  noticeDays?: number;
  renewalMonths?: number;
  parties: DemoParty[];
  contributions?: {
    org: string;
    kind: ContributionInputDto['kind'];
    amountMad?: number;
    description: string;
  }[];
  terminatedMonthsAgo?: number;
}

/**
 * Eight families over the last three years, dated from the seed day: a framework agreement with
 * an implementing convention and an amendment; a convention renewed by an explicit renewal; one
 * renewed tacitly; an unsigned MoU (draft); a terminated one; an expired one; one ending within
 * its notice period (so the worker's renewal alert fires on its first start); an open-ended MoU.
 */
const AGREEMENTS: readonly DemoAgreement[] = [
  {
    key: 'frame',
    title: 'Accord-cadre ORIS – Conseil régional de l’Oriental',
    kind: 'framework_agreement',
    startsIn: -30,
    endsIn: 24,
    renewalMode: 'explicit',
    noticeDays: 90,
    parties: [
      { org: 'region', signedDaysAgo: 930 },
      { org: 'university', signedDaysAgo: 925 },
    ],
    contributions: [
      { org: 'region', kind: 'financial', amountMad: 1_500_000, description: 'Budget triennal' },
      { org: 'university', kind: 'in_kind', description: 'Locaux de l’incubateur' },
    ],
  },
  {
    key: 'frame-implementing',
    title: 'Convention d’application n° 1 : incubation de projets',
    kind: 'implementing_convention',
    parent: 'frame',
    startsIn: -18,
    endsIn: 6,
    noticeDays: 30,
    parties: [
      { org: 'region', signedDaysAgo: 560 },
      { org: 'network', role: 'implementer', signedDaysAgo: 555 },
    ],
    contributions: [{ org: 'network', kind: 'staff', description: 'Deux chargés d’incubation' }],
  },
  {
    key: 'frame-amendment',
    title: 'Avenant n° 1 : l’INDH rejoint l’accord-cadre',
    kind: 'amendment',
    parent: 'frame',
    startsIn: -8,
    endsIn: null,
    parties: [
      { org: 'region', signedDaysAgo: 250 },
      { org: 'indh', role: 'funder', signedDaysAgo: 245 },
    ],
    contributions: [
      { org: 'indh', kind: 'financial', amountMad: 400_000, description: 'Bourses de démarrage' },
    ],
  },
  {
    key: 'university',
    title: 'Convention Université Mohammed Premier – observatoire de l’insertion',
    kind: 'convention',
    startsIn: -36,
    endsIn: -12,
    renewalMode: 'explicit',
    noticeDays: 60,
    parties: [{ org: 'university', signedDaysAgo: 1110 }],
  },
  {
    key: 'university-renewal',
    title: 'Renouvellement de la convention avec l’Université Mohammed Premier',
    kind: 'renewal',
    parent: 'university',
    startsIn: -12,
    endsIn: 12,
    renewalMode: 'explicit',
    noticeDays: 60,
    parties: [{ org: 'university', signedDaysAgo: 380 }],
  },
  {
    key: 'giz',
    title: 'Convention GIZ – accompagnement des porteurs de projets',
    kind: 'convention',
    startsIn: -30,
    endsIn: -18,
    renewalMode: 'tacit',
    renewalMonths: 12,
    noticeDays: 90,
    parties: [
      { org: 'giz', role: 'funder', signedDaysAgo: 920 },
      { org: 'network', role: 'implementer', signedDaysAgo: 915 },
    ],
    contributions: [
      { org: 'giz', kind: 'financial', amountMad: 800_000, description: 'Subvention annuelle' },
    ],
  },
  {
    key: 'foundation',
    title: 'Protocole d’accord Fondation Atlas – emploi des jeunes',
    kind: 'mou',
    startsIn: 1,
    endsIn: 25,
    noticeDays: 60,
    parties: [
      { org: 'foundation', role: 'funder' },
      { org: 'university', signedDaysAgo: 12 },
    ],
  },
  {
    key: 'coop',
    title: 'Convention Coopérative Argane Tiznit – formation des membres',
    kind: 'convention',
    startsIn: -24,
    endsIn: 12,
    noticeDays: 30,
    parties: [{ org: 'coop', signedDaysAgo: 740 }],
    terminatedMonthsAgo: 3,
  },
  {
    key: 'indh-2023',
    title: 'Convention INDH – programme d’inclusion économique',
    kind: 'convention',
    startsIn: -36,
    endsIn: -18,
    noticeDays: 60,
    parties: [{ org: 'indh', role: 'funder', signedDaysAgo: 1100 }],
  },
  {
    key: 'data',
    title: 'Protocole d’accord INDH – Université : partage des données d’insertion',
    kind: 'mou',
    startsIn: -10,
    endsIn: null,
    noticeDays: 0,
    parties: [
      { org: 'indh', signedDaysAgo: 310 },
      { org: 'university', signedDaysAgo: 305 },
      { org: 'coop', role: 'observer', required: false },
    ],
  },
  {
    key: 'network',
    title: 'Convention Réseau Entreprendre – mentorat des créateurs',
    kind: 'convention',
    startsIn: -12,
    endsIn: null,
    endsDaysFromToday: 20,
    renewalMode: 'explicit',
    noticeDays: 60,
    parties: [{ org: 'network', signedDaysAgo: 370 }],
  },
];

/**
 * The demo's partnerships (CLI `seed:demo`), recorded through `PartnershipWriter` as the
 * partnership officer, so they carry their history and audit events. Idempotent: a second run
 * finds the framework agreement and adds nothing.
 */
@Injectable()
export class DemoPartnerships {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: PartnershipWriter,
  ) {}

  async seed(options: { officerId: string; today?: string }): Promise<{ lines: string[] }> {
    const today = options.today ?? todayInMorocco();
    const [existing]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM partnership WHERE title = $1`,
      [AGREEMENTS[0].title],
    );
    if (existing) return { lines: ['Partnerships: already seeded.'] };
    const officer: AuthenticatedUser = {
      id: options.officerId,
      email: 'partnerships@oris.example',
      roles: ['partnership_officer'],
    };
    const organisations = new Map<string, string>();
    for (const organisation of ORGANISATIONS) {
      organisations.set(organisation.key, await this.organisation(organisation, officer.id));
    }
    const ids = new Map<string, string>();
    for (const agreement of AGREEMENTS) {
      const orgId = (key: string) => organisations.get(key) as string;
      const created = await this.writer.create(officer, {
        title: agreement.title,
        kind: agreement.kind,
        parentId: agreement.parent ? ids.get(agreement.parent) : null,
        startsOn: addMonths(today, agreement.startsIn),
        endsOn:
          agreement.endsDaysFromToday !== undefined
            ? addDays(today, agreement.endsDaysFromToday)
            : agreement.endsIn === null
              ? null
              : addDays(addMonths(today, agreement.endsIn), -1),
        renewalMode: agreement.renewalMode ?? 'none',
        noticeDays: agreement.noticeDays ?? 30,
        renewalMonths: agreement.renewalMonths ?? null,
        parties: agreement.parties.map((party) => ({
          organisationId: orgId(party.org),
          role: party.role ?? 'signatory',
          signatureRequired: party.required ?? true,
        })),
        contributions: (agreement.contributions ?? []).map((contribution) => ({
          organisationId: orgId(contribution.org),
          kind: contribution.kind,
          amountMad: contribution.amountMad ?? null,
          description: contribution.description,
        })),
      });
      ids.set(agreement.key, created.id);
      for (const party of agreement.parties) {
        if (party.signedDaysAgo === undefined) continue;
        const partyId = created.parties.find((p) => p.organisationId === orgId(party.org))?.id;
        await this.writer.sign(officer, created.id, {
          partyId: partyId as string,
          signedOn: addDays(today, -party.signedDaysAgo),
        });
      }
      if (agreement.terminatedMonthsAgo !== undefined) {
        await this.writer.terminate(officer, created.id, {
          terminatedOn: addMonths(today, -agreement.terminatedMonthsAgo),
          reason: 'Fin anticipée d’un commun accord',
        });
      }
    }
    return {
      lines: [
        `Partnerships: ${AGREEMENTS.length} agreements in 8 families, ${ORGANISATIONS.length} partner organisations (partnerships@oris.example).`,
      ],
    };
  }

  /** The organisation of this name in its region, created (or given its group) when needed. */
  private async organisation(organisation: DemoOrganisation, officerId: string): Promise<string> {
    const [found]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM organisation WHERE region_code = $1 AND lower(name) = lower($2)`,
      [organisation.region, organisation.name],
    );
    if (found) {
      await this.dataSource.query(`UPDATE organisation SET stakeholder_group = $2 WHERE id = $1`, [
        found.id,
        organisation.group,
      ]);
      return found.id;
    }
    const [created]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO organisation (name, kind, stakeholder_group, region_code, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [organisation.name, organisation.kind, organisation.group, organisation.region, officerId],
    );
    return created.id;
  }
}
