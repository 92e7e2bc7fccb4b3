import { toCsv } from '@oris/shared/domain';
import type { PublicationDetailDto } from '../dto/publication.dto';
import { CitationFormat, writeCitations } from '../import/citation-formats';
import { cslOf } from '../import/csl-mapping';

export const EXPORT_FORMATS = ['bibtex', 'ris', 'csl-json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FILES: Record<ExportFormat, { type: string; extension: string }> = {
  bibtex: { type: 'application/x-bibtex; charset=utf-8', extension: 'bib' },
  ris: { type: 'application/x-research-info-systems; charset=utf-8', extension: 'ris' },
  'csl-json': { type: 'application/vnd.citationstyles.csl+json; charset=utf-8', extension: 'json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
};

const CSV_HEADER = [
  'id',
  'type',
  'title',
  'language',
  'publishedOn',
  'publishedOnPrecision',
  'authors',
  'doi',
  'isbn',
  'serial',
  'issn',
  'volume',
  'issue',
  'pages',
  'peerReviewed',
  'openAccess',
  'licence',
  'attribution',
  'attributionEvidence',
  'indexes',
  'retractedOn',
  'status',
  'mergedIntoId',
  'url',
];

/** The export file of a list: its bytes, content type and name (`publications-<day>.<ext>`). */
export function exportFile(
  format: ExportFormat,
  publications: PublicationDetailDto[],
  day: string,
): { body: Buffer; type: string; filename: string } {
  const { type, extension } = FILES[format];
  let text: string;
  if (format === 'csv') {
    // The project's CSV writer: `;`, BOM, and formula-like cells neutralised.
    text = toCsv([
      CSV_HEADER,
      ...publications.map((p) => [
        p.id,
        p.type,
        p.title,
        p.language,
        p.publishedOn,
        p.publishedOnPrecision,
        p.authors.join('; '),
        p.doi,
        p.isbn,
        p.serialTitle,
        p.serialIssn,
        p.volume,
        p.issue,
        p.pages,
        p.peerReviewed === null ? null : String(p.peerReviewed),
        p.openAccess,
        p.licence,
        p.attribution,
        p.attributionEvidence,
        p.indexRecords.map((r) => r.index).join(' '),
        p.retractedOn,
        p.status,
        p.mergedIntoId,
        p.url,
      ]),
    ]);
  } else {
    text = writeCitations(format as CitationFormat, publications.map(cslOf));
  }
  return { body: Buffer.from(text, 'utf8'), type, filename: `publications-${day}.${extension}` };
}
