import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FieldError, RequestValidationException } from '@oris/api/platform';
import {
  type CountedRecord,
  familyInForceInYear,
  lastRequiredSignature,
  type Locale,
  STAKEHOLDER_GROUPS,
  todayInMorocco,
  type YearIndicatorFigures,
  type YearIndicatorQuery,
  type YearIndicatorSource,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { factsOf, familiesOf, PartnershipRecords } from '../partnerships/partnership-records';
import { PARTNERSHIPS_DEFINITION_VERSION, partnershipsDefinition } from './partnerships-definition';

/** The query strings of the indicator routes, before their defaults. */
export interface PartnershipsIndicatorInput {
  year?: number;
  asOf?: string;
  knownAt?: string;
}

/**
 * The two dates and the year, defaulted and checked as the insertion indicator does: `asOf`
 * defaults to today, or to the day of `knownAt`; neither in the future, and `knownAt` not
 * before the `asOf` day; the year defaults to `asOf`'s.
 */
export function yearQueryOf(
  input: PartnershipsIndicatorInput,
  now: Date = new Date(),
): YearIndicatorQuery {
  const today = todayInMorocco(now);
  const knownAt = input.knownAt === undefined ? now : new Date(input.knownAt);
  const asOf = input.asOf ?? (knownAt <= now ? todayInMorocco(knownAt) : today);
  const errors: FieldError[] = [];
  if (asOf > today) errors.push({ field: 'asOf', message: 'asOf cannot be in the future' });
  if (knownAt > now) {
    errors.push({ field: 'knownAt', message: 'knownAt cannot be in the future' });
  } else if (asOf <= today && todayInMorocco(knownAt) < asOf) {
    errors.push({
      field: 'knownAt',
      message: 'knownAt cannot be before the asOf day (Morocco time)',
    });
  }
  if (errors.length > 0) throw new RequestValidationException(errors);
  return { year: input.year ?? Number(asOf.slice(0, 4)), asOf, knownAt };
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Partnerships in year Y (OBSERVATORY.md): distinct families in force on at least one day of Y,
 * as known at `knownAt` and judged on `asOf` (rules in shared/domain `familyInForceInYear`).
 * The registry is read whole, as it was known then (`PartnershipRecords`), and counted here with
 * the very rules the status uses.
 */
@Injectable()
export class PartnershipsIndicator implements YearIndicatorSource<'partnerships'> {
  readonly indicator = 'partnerships' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PartnershipRecords,
  ) {}

  async compute(query: YearIndicatorQuery): Promise<YearIndicatorFigures<'partnerships'>> {
    const { year, asOf, knownAt } = query;
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    const known = await this.records.load(this.dataSource.manager, { knownAt });
    const { heads, membersOf } = familiesOf(known);
    const counted: string[] = [];
    const fresh: string[] = [];
    const partners = new Map<string, string>(); // organisation → stakeholder group
    const byKind = new Map<string, string[]>();
    const familiesByGroup = new Map<string, Set<string>>();
    const partnersByGroup = new Map<string, Set<string>>();
    for (const head of heads) {
      const members = membersOf.get(head.id) ?? [];
      if (!familyInForceInYear(factsOf(head, members), year, asOf)) continue;
      counted.push(head.id);
      const signedOn = lastRequiredSignature(head.parties, asOf < last ? asOf : last);
      if (signedOn !== null && signedOn >= first) fresh.push(head.id);
      byKind.set(head.kind, [...(byKind.get(head.kind) ?? []), head.id]);
      const parties = [
        ...head.parties,
        ...members
          .filter((member) => lastRequiredSignature(member.parties, asOf) !== null)
          .flatMap((member) => member.parties),
      ];
      for (const party of parties) {
        partners.set(party.organisationId, party.stakeholderGroup);
        const families = familiesByGroup.get(party.stakeholderGroup) ?? new Set<string>();
        familiesByGroup.set(party.stakeholderGroup, families.add(head.id));
        const organisations = partnersByGroup.get(party.stakeholderGroup) ?? new Set<string>();
        partnersByGroup.set(party.stakeholderGroup, organisations.add(party.organisationId));
      }
    }
    const breakdown: YearIndicatorFigures['breakdown'] = [];
    for (const [kind, ids] of [...byKind].sort(([a], [b]) => a.localeCompare(b))) {
      breakdown.push({ dimension: 'kind', key: kind, value: ids.length, counted: sorted(ids) });
    }
    for (const group of STAKEHOLDER_GROUPS) {
      const families = familiesByGroup.get(group);
      if (families) {
        breakdown.push({
          dimension: 'stakeholder_group',
          key: group,
          value: families.size,
          counted: sorted(families),
        });
      }
    }
    for (const group of STAKEHOLDER_GROUPS) {
      const organisations = partnersByGroup.get(group);
      if (organisations) {
        breakdown.push({
          dimension: 'partner_stakeholder_group',
          key: group,
          value: organisations.size,
          counted: sorted(organisations),
        });
      }
    }
    return {
      indicator: 'partnerships',
      year,
      asOf,
      knownAt: knownAt.toISOString(),
      value: counted.length,
      companions: [
        { key: 'new', value: fresh.length, counted: sorted(fresh) },
        { key: 'partners', value: partners.size, counted: sorted(partners.keys()) },
      ],
      breakdown,
      counted: sorted(counted),
      definition: {
        version: PARTNERSHIPS_DEFINITION_VERSION,
        text: partnershipsDefinition(year, asOf, knownAt),
      },
    };
  }

  /** The counted families' heads: title, the last required signature, the staff page. */
  async describe(ids: readonly string[], _locale: Locale): Promise<CountedRecord[]> {
    const records = await this.records.load(this.dataSource.manager, { ids });
    const byId = new Map(records.map((record) => [record.id, record]));
    return ids.flatMap((id) => {
      const record = byId.get(id);
      if (!record) return [];
      return [
        {
          id,
          label: record.title,
          date: lastRequiredSignature(record.parties, '9999-12-31'),
          path: `/observatory/partnerships/${id}`,
        },
      ];
    });
  }
}
