import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { checkPublication, PublicationInput } from '../registry/publication-facts';
import { PublicationWriter } from '../registry/publication-writer';

export interface DemoPublicationsOptions {
  editorId: string;
  today?: string;
}

export interface DemoPublicationsResult {
  lines: string[];
}

/** Fictitious journals (ISSNs with valid check digits) and their coverage, years relative to Y0. */
const SERIALS = [
  {
    key: 'rmis',
    title: 'Revue marocaine d’innovation sociale',
    issn: '2550-1119',
    coverage: [{ index: 'scopus', from: -8, to: null }],
  },
  {
    key: 'iqtisad',
    title: 'مجلة الاقتصاد الاجتماعي والتضامني',
    issn: '2550-2220',
    coverage: [
      { index: 'arci', from: -5, to: null },
      { index: 'arcif', from: -5, to: null },
    ],
  },
  {
    key: 'jnads',
    title: 'Journal of North African Development Studies',
    issn: '2550-3332',
    coverage: [{ index: 'wos_esci', from: -9, to: -3 }],
  },
  {
    key: 'arabrev',
    title: 'المجلة العربية للعلوم الاجتماعية',
    issn: '2550-4444',
    coverage: [{ index: 'arcif', from: -6, to: null }],
  },
] as const;

type DemoEntry = {
  key: string;
  serial?: (typeof SERIALS)[number]['key'];
  year: number;
  validate: boolean;
  input: Omit<PublicationInput, 'publishedOn'> & { publishedOn: string };
};

const oris = (evidence: string) => ({
  attribution: 'affiliation' as const,
  attributionEvidence: evidence,
});
const benali = {
  familyName: 'Benali',
  givenNames: 'Samira',
  nameAr: 'سميرة بنعلي',
  orcid: '0000-0002-1825-0097',
  affiliations: ['ORIS, Fès'],
  orisAffiliation: true,
};
const alaoui = {
  familyName: 'El Alaoui',
  givenNames: 'Youssef',
  nameAr: 'يوسف العلوي',
  affiliations: ['Université Sidi Mohamed Ben Abdellah, Fès'],
};
const tazi = {
  familyName: 'Tazi',
  givenNames: 'Karim',
  affiliations: ['ORIS, Fès'],
  orisAffiliation: true,
};

/** The demo publications; `year` 0 is the seed day's year, -1 the year before. */
function entries(): DemoEntry[] {
  const t = (language: string, title: string, abstract?: string) => [
    { language, title, abstract: abstract ?? null, original: true },
  ];
  return [
    {
      key: 'argan',
      serial: 'rmis',
      year: -1,
      validate: true,
      input: {
        type: 'journal_article',
        titles: t(
          'fr',
          'Les coopératives féminines de l’arganier face au marché',
          'Une enquête auprès de 42 coopératives de la région Souss-Massa.',
        ),
        publishedOn: '-03-15',
        doi: '10.5555/oris-demo.2001',
        volume: '9',
        issue: '1',
        pages: '11-34',
        openAccess: 'gold',
        licence: 'CC-BY-4.0',
        peerReviewed: true,
        ...oris('Observatoire régional de l’innovation sociale (ORIS), Fès, Maroc'),
        contributors: [benali, alaoui],
      },
    },
    {
      key: 'tadamoun',
      serial: 'iqtisad',
      year: -1,
      validate: true,
      input: {
        type: 'journal_article',
        titles: [
          {
            language: 'ar',
            title: 'التعاونيات والتنمية المحلية في جهة فاس مكناس',
            abstract: null,
            original: true,
          },
          {
            language: 'fr',
            title: 'Coopératives et développement local dans la région Fès-Meknès',
            abstract: null,
            original: false,
          },
        ],
        publishedOn: '-06-01',
        doi: '10.5555/oris-demo.2002',
        openAccess: 'diamond',
        ...oris('المرصد الجهوي للابتكار الاجتماعي (ORIS)، فاس'),
        contributors: [
          { nameAr: 'يوسف العلوي', affiliations: ['ORIS، فاس'], orisAffiliation: true },
        ],
      },
    },
    {
      key: 'review',
      year: -2,
      validate: true,
      input: {
        type: 'review_article',
        titles: t('en', 'Social innovation labs in the Maghreb: a review'),
        publishedOn: '-10-20',
        doi: '10.5555/oris-demo.2003',
        openAccess: 'green',
        ...oris('ORIS, Fès, Morocco'),
        contributors: [tazi, benali],
        indexRecords: [
          { index: 'wos_esci', externalId: 'WOS:000900000000001', verifiedOn: '-12-01' },
        ],
      },
    },
    {
      key: 'conference',
      year: 0,
      validate: true,
      input: {
        type: 'conference_paper',
        titles: t('fr', 'Incubation sociale : leçons de trois régions'),
        publishedOn: '-02-01',
        publishedOnPrecision: 'month',
        doi: '10.5555/oris-demo.2004',
        ...oris('ORIS, Fès'),
        contributors: [tazi],
        indexRecords: [{ index: 'scopus', externalId: '2-s2.0-85000000001', verifiedOn: '-03-10' }],
      },
    },
    {
      key: 'chapter',
      year: -1,
      validate: true,
      input: {
        type: 'book_chapter',
        titles: t('fr', 'Financer l’économie sociale au Maroc'),
        publishedOn: '-01-01',
        publishedOnPrecision: 'year',
        isbn: '978-3-16-148410-0',
        attribution: 'acknowledgement',
        attributionEvidence: 'Ce chapitre a bénéficié du soutien de l’ORIS.',
        contributors: [alaoui],
        indexRecords: [{ index: 'scopus', verifiedOn: '-09-15' }],
      },
    },
    {
      key: 'arcif',
      serial: 'arabrev',
      year: -1,
      validate: true,
      input: {
        type: 'journal_article',
        titles: t('ar', 'الابتكار الاجتماعي في المدن المتوسطة'),
        publishedOn: '-04-10',
        doi: '10.5555/oris-demo.2006',
        ...oris('المرصد الجهوي للابتكار الاجتماعي، فاس'),
        contributors: [
          { nameAr: 'سميرة بنعلي', orcid: '0000-0002-1825-0097', orisAffiliation: true },
        ],
      },
    },
    {
      key: 'retracted',
      serial: 'rmis',
      year: -2,
      validate: true,
      input: {
        type: 'journal_article',
        titles: t('fr', 'Mesurer l’impact des microcrédits ruraux'),
        publishedOn: '-05-05',
        doi: '10.5555/oris-demo.2007',
        retractedOn: '+1-06-01',
        ...oris('ORIS, Fès'),
        contributors: [alaoui],
      },
    },
    {
      key: 'dup-a',
      serial: 'rmis',
      year: 0,
      validate: true,
      input: {
        type: 'journal_article',
        titles: t('fr', 'Les tiers-lieux au Maroc : une typologie'),
        publishedOn: '-01-20',
        doi: '10.5555/oris-demo.2008',
        ...oris('ORIS, Fès'),
        contributors: [benali],
      },
    },
    {
      key: 'dup-b',
      year: 0,
      validate: false,
      input: {
        type: 'journal_article',
        titles: t('fr', 'Les tiers lieux au Maroc: une typologie'),
        publishedOn: '-01-01',
        publishedOnPrecision: 'month',
        ...oris('ORIS, Fès'),
        contributors: [{ familyName: 'Benali', givenNames: 'S.' }],
      },
    },
    {
      key: 'working',
      year: -1,
      validate: true,
      input: {
        type: 'working_paper',
        titles: t('fr', 'Document de travail : l’emploi des jeunes diplômés dans l’ESS'),
        publishedOn: '-11-30',
        ...oris('ORIS, Fès'),
        contributors: [tazi],
      },
    },
    {
      key: 'not-oris',
      serial: 'rmis',
      year: -1,
      validate: true,
      input: {
        type: 'journal_article',
        titles: t('fr', 'Gouvernance des associations de quartier'),
        publishedOn: '-07-07',
        doi: '10.5555/oris-demo.2011',
        contributors: [
          {
            familyName: 'Haddad',
            givenNames: 'Leila',
            affiliations: ['Université Mohammed V, Rabat'],
          },
        ],
      },
    },
    {
      key: 'ended',
      serial: 'jnads',
      year: -1,
      validate: true,
      input: {
        type: 'journal_article',
        titles: t('en', 'Youth employment programmes in Morocco after 2020'),
        publishedOn: '-09-09',
        doi: '10.5555/oris-demo.2012',
        ...oris('ORIS, Fès, Morocco'),
        contributors: [benali, tazi],
      },
    },
    {
      key: 'submitted',
      serial: 'rmis',
      year: 0,
      validate: false,
      input: {
        type: 'journal_article',
        titles: t('en', 'Cooperative finance and rural women'),
        publishedOn: '-02-14',
        doi: '10.5555/oris-demo.2013',
        ...oris('ORIS, Fès'),
        contributors: [benali],
      },
    },
  ];
}

/** `-MM-DD` relative to a year offset, or `+1-MM-DD` one year later. */
const dayOf = (year: number, relative: string) =>
  relative.startsWith('+1') ? `${year + 1}${relative.slice(2)}` : `${year}${relative}`;

/**
 * The demo's publications over the last three years (OBSERVATORY.md): counted through journal
 * coverage or item-level records, one only in a non-counting index (Arcif), one retracted, one
 * duplicate pair left for the editor to merge, a working paper (companion only), one without
 * ORIS attribution, one in a journal whose coverage ended, one awaiting validation. Dated from
 * the seed day's year; through the registry's own writer; idempotent (a DOI or title already
 * recorded is skipped).
 */
@Injectable()
export class DemoPublications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writer: PublicationWriter,
  ) {}

  async seed(options: DemoPublicationsOptions): Promise<DemoPublicationsResult> {
    const today = options.today ?? todayInMorocco();
    const y0 = Number(today.slice(0, 4));
    const serials: Record<string, string> = {};
    for (const serial of SERIALS) {
      await this.dataSource.query(
        `INSERT INTO serial (title, issn_print, publisher, country, created_by) VALUES ($1, $2, 'Éditions de démonstration', 'MA', $3)
         ON CONFLICT (issn_print) WHERE issn_print IS NOT NULL DO NOTHING`,
        [serial.title, serial.issn, options.editorId],
      );
      const [{ id }] = await this.dataSource.query(`SELECT id FROM serial WHERE issn_print = $1`, [
        serial.issn,
      ]);
      serials[serial.key] = id;
      for (const coverage of serial.coverage) {
        await this.dataSource.query(
          `INSERT INTO serial_coverage (serial_id, index_code, from_year, to_year, state, checked_on, evidence_url, recorded_by)
           SELECT $1::uuid, $2::varchar, $3::smallint, $4::smallint, $5::varchar, $6::date, 'https://example.org/coverage-list', $7::uuid
            WHERE NOT EXISTS (SELECT 1 FROM serial_coverage WHERE serial_id = $1::uuid AND index_code = $2::varchar AND superseded_at IS NULL)`,
          [
            id,
            coverage.index,
            y0 + coverage.from,
            coverage.to === null ? null : y0 + coverage.to,
            coverage.to === null ? 'active' : 'discontinued',
            `${y0 - 2}-01-15`,
            options.editorId,
          ],
        );
      }
    }
    const editor = {
      id: options.editorId,
      email: 'editor@oris.example',
      roles: ['observatory_editor' as const],
    };
    let added = 0;
    for (const entry of entries()) {
      const year = y0 + entry.year;
      const input: PublicationInput = {
        ...entry.input,
        publishedOn: dayOf(year, entry.input.publishedOn),
        retractedOn: entry.input.retractedOn ? dayOf(year, entry.input.retractedOn) : null,
        serialId: entry.serial ? serials[entry.serial] : null,
        indexRecords: entry.input.indexRecords?.map((r) => ({
          ...r,
          verifiedOn: dayOf(year, r.verifiedOn),
        })),
      };
      const checked = checkPublication(input);
      if (!checked.facts)
        throw new Error(`demo publication ${entry.key}: ${JSON.stringify(checked.problems)}`);
      // A date still ahead of the seed day (early in the year) is moved back to it.
      if (checked.facts.publishedOn > today) checked.facts.publishedOn = today;
      const exists: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM publication WHERE (doi IS NOT NULL AND doi = $1) OR (doi IS NULL AND $1::text IS NULL AND title = $2)`,
        [checked.facts.doi, checked.facts.title],
      );
      if (exists.length > 0) continue;
      const { id } = await this.dataSource.transaction((manager) =>
        this.writer.insert(manager, options.editorId, checked.facts, 'created'),
      );
      if (entry.validate) await this.writer.validate(editor, id);
      added++;
    }
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM publication`);
    return {
      lines: [
        `Publications: ${added} added (${n} in the registry), ${SERIALS.length} demo serials with coverage.`,
      ],
    };
  }
}
