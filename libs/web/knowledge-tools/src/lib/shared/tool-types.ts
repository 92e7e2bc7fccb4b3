import type { components, paths } from '@oris/shared/api-client';

type Schemas = components['schemas'];

export type ToolSummary = Schemas['ToolSummaryDto'];
export type Tool = Schemas['ToolDto'];
export type ToolVersion = Schemas['ToolVersionDto'];
export type ToolInput = Schemas['CreateToolDto'];
export type ToolChange = Schemas['UpdateToolDto'];
export type LinkVersionInput = Schemas['CreateVersionDto'];
export type UploadQuery = NonNullable<
  paths['/api/v1/tools/{id}/versions/upload']['post']['parameters']['query']
>;
export type ToolQuery = NonNullable<paths['/api/v1/tools']['get']['parameters']['query']>;
export type PublicToolQuery = NonNullable<
  paths['/api/v1/public/tools']['get']['parameters']['query']
>;
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The title in the interface language when the tool has one, else in its original language. */
export function titleOf(
  tool: Pick<ToolSummary, 'titles' | 'originalLanguage'>,
  lang: string,
): string {
  return (
    tool.titles[lang] ?? tool.titles[tool.originalLanguage] ?? Object.values(tool.titles)[0] ?? ''
  );
}

/** The language the shown title is written in (for `lang` and `dir` on it). */
export function titleLanguageOf(
  tool: Pick<ToolSummary, 'titles' | 'originalLanguage'>,
  lang: string,
): string {
  return tool.titles[lang] ? lang : tool.originalLanguage;
}

/** The public URL a visitor downloads a version from (the API counts it). */
export const downloadUrl = (toolId: string, versionId: string) =>
  `/api/v1/tools/${toolId}/versions/${versionId}/download`;

/** The media types the API accepts for a version's file, by extension. */
export const ACCEPTED_FILES: Record<string, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  txt: 'text/plain',
  json: 'application/json',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/** The API's limit on a version's file. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The licences offered in the form (the API accepts any SPDX id of its list). */
export const LICENCE_CHOICES = [
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-4.0',
  'CC0-1.0',
  'ODbL-1.0',
  'etalab-2.0',
  'MIT',
  'Apache-2.0',
  'GPL-3.0-or-later',
] as const;
