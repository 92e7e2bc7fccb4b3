import type { Tool } from '../shared/tool-types';

/**
 * The tool as schema.org `Dataset` (a dataset) or `CreativeWork` (anything else), for search
 * engines: names and descriptions per language, licence (SPDX page), versions as downloads.
 */
export function toolJsonLd(tool: Tool, pageUrl: string, origin: string): Record<string, unknown> {
  const isDataset = tool.kind === 'dataset';
  const latest = tool.versions[0];
  const downloads = tool.versions
    .filter((version) => version.fileName || version.url)
    .map((version) => ({
      '@type': 'DataDownload',
      name: version.fileName ?? version.number,
      contentUrl: `${origin}/api/v1/tools/${tool.id}/versions/${version.id}/download`,
      ...(version.mediaType && { encodingFormat: version.mediaType }),
      inLanguage: version.language,
      version: version.number,
      datePublished: version.releasedOn,
    }));
  return {
    '@context': 'https://schema.org',
    '@type': isDataset ? 'Dataset' : 'CreativeWork',
    '@id': pageUrl,
    url: pageUrl,
    name: tool.titles[tool.originalLanguage],
    alternateName: Object.entries(tool.titles)
      .filter(([language]) => language !== tool.originalLanguage)
      .map(([, title]) => title),
    ...(Object.keys(tool.descriptions).length > 0 && {
      description: tool.descriptions[tool.originalLanguage] ?? Object.values(tool.descriptions)[0],
    }),
    inLanguage: tool.languages,
    ...(tool.licence && {
      license: tool.licence.startsWith('LicenseRef-')
        ? tool.licence
        : `https://spdx.org/licenses/${tool.licence}.html`,
    }),
    ...(tool.firstReleasedOn && { dateCreated: tool.firstReleasedOn }),
    ...(latest && { version: latest.number, dateModified: latest.releasedOn }),
    publisher: { '@type': 'Organization', name: 'ORIS' },
    ...(isDataset ? { distribution: downloads } : { associatedMedia: downloads }),
  };
}
