import {
  consentedContacts,
  dayInMorocco,
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticeSnapshot,
  type PublishedPracticeSheet,
  type SearchDocument,
} from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';

export interface PublishedVersion {
  id: string;
  /** The published version's number. */
  version: number;
  snapshot: PracticeSnapshot;
  /** When that version was published. */
  publishedAt: Date;
}

/** The public page of a sheet in the web app, relative to its origin. */
export const practicePath = (slug: string) => `/practices/${slug}`;

/**
 * What the public reads of a published version (the PDF's and the schema.org metadata's input):
 * contacts without recorded consent are left out, and so are the consent records themselves.
 */
export function practicePublishedSheet(
  published: PublishedVersion,
  publicWebUrl: string,
): PublishedPracticeSheet {
  const { snapshot } = published;
  if (snapshot.evidenceLevel === null) {
    // A version is published only once assessed (PracticeWorkflow.publish checks it).
    throw new Error(`Version ${published.version} of ${published.id} has no evidence level`);
  }
  return {
    id: published.id,
    version: published.version,
    slug: snapshot.slug,
    originalLanguage: snapshot.originalLanguage,
    texts: snapshot.texts,
    translatedLanguages: snapshot.translatedLanguages,
    regions: snapshot.regions,
    themes: snapshot.themes,
    populations: snapshot.populations,
    totalCostMad: snapshot.totalCostMad,
    costPerBeneficiaryMad: snapshot.costPerBeneficiaryMad,
    beneficiaries: snapshot.beneficiaries,
    startYear: snapshot.startYear,
    endYear: snapshot.endYear,
    resultFigures: snapshot.resultFigures,
    evidenceLevel: snapshot.evidenceLevel,
    evidenceJustification: snapshot.evidenceJustification,
    contacts: consentedContacts(snapshot.contacts).map((contact) => ({
      name: contact.name,
      role: contact.role,
      organisation: contact.organisation,
      email: contact.email,
      phone: contact.phone,
    })),
    links: snapshot.links,
    publishedOn: dayInMorocco(published.publishedAt),
    url: `${publicWebUrl.replace(/\/+$/, '')}${practicePath(snapshot.slug)}`,
  };
}

/**
 * What search finds of a published sheet: one document per language it is written in (the
 * original first), its body the plain text of the fields after the title, in reading order.
 */
export function practiceSearchDocuments(sheet: PublishedPracticeSheet): SearchDocument[] {
  const languages = (Object.keys(sheet.texts) as Locale[]).sort(
    (a, b) => Number(a !== sheet.originalLanguage) - Number(b !== sheet.originalLanguage),
  );
  return languages.flatMap((language) => {
    const texts = sheet.texts[language] ?? {};
    if (!texts.title) return [];
    return [
      {
        kind: 'practice' as const,
        id: sheet.id,
        language,
        original: language === sheet.originalLanguage,
        title: texts.title,
        body: PRACTICE_TEXT_FIELDS.filter((field) => field !== 'title')
          .map((field) => texts[field]?.trim() ?? '')
          .filter(Boolean)
          .join('\n\n'),
        regions: sheet.regions,
        themes: sheet.themes,
        populations: sheet.populations,
        evidenceLevel: sheet.evidenceLevel,
        subtype: null,
        publishedOn: sheet.publishedOn,
        path: practicePath(sheet.slug),
      },
    ];
  });
}

/**
 * The search documents of every sheet the public reads, from their last published versions: the
 * search index rebuilt from the library (`search:reindex`, the demo seed). Only the documents are
 * kept, and they carry the page's path, never an absolute URL: no web address is needed here.
 */
export async function loadPracticeSearchDocuments(
  manager: EntityManager,
): Promise<SearchDocument[]> {
  const rows: { id: string; number: number; snapshot: PracticeSnapshot; published_at: Date }[] =
    await manager.query(
      `SELECT s.id, v.number, v.snapshot, s.published_at
         FROM practice_sheet s
         JOIN practice_version v ON v.sheet_id = s.id AND v.number = s.public_version
        WHERE s.public_version IS NOT NULL
        ORDER BY s.id`,
    );
  return rows.flatMap((row) =>
    practiceSearchDocuments(
      practicePublishedSheet(
        { id: row.id, version: row.number, snapshot: row.snapshot, publishedAt: row.published_at },
        '',
      ),
    ),
  );
}
