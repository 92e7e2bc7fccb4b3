// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- Citation.js ships no types: its declarations are beside this file, for every compilation that loads it.
/// <reference path="./citation-js.d.ts" />
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';

// BibTeX is written in UTF-8 as it is: the default ASCII-only output (LaTeX escapes) loses Arabic.
const bibtexConfig = plugins.config.get('@bibtex');
if (bibtexConfig?.['format']) bibtexConfig['format']['asciiOnly'] = false;

/** The bibliographic formats of the import and the export. */
export const CITATION_FORMATS = ['bibtex', 'ris', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

/** A CSL-JSON item (https://citeproc-js.readthedocs.io), as Citation.js reads and writes it. */
export type CslItem = Record<string, unknown>;

/** One entry of a pasted or uploaded file: where it starts and its own text (or CSL object). */
export interface RawEntry {
  /** 1-based position of the entry in the file. */
  index: number;
  /** Line of the file where the entry starts (1-based). */
  line: number;
  source: string | CslItem;
}

export class UnreadableCitations extends Error {}

/**
 * Splits a file into its entries so that one bad entry is one problem, not a refused file.
 * BibTeX: each `@type{…}` at the start of a line (`@string` macros are kept for every entry,
 * `@comment` and `@preamble` dropped); RIS: each `TY  -` … `ER  -` record; CSL-JSON: each item
 * of the array (or the one object).
 */
export function splitEntries(format: CitationFormat, text: string): RawEntry[] {
  const source = text.replace(/^\uFEFF/, '');
  if (format === 'csl-json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      throw new UnreadableCitations('The text is not JSON.');
    }
    const items = Array.isArray(parsed) ? parsed : [parsed];
    return items.map((item, index) => ({ index: index + 1, line: 1, source: item as CslItem }));
  }
  const lines = source.split(/\r?\n/);
  const entries: RawEntry[] = [];
  if (format === 'ris') {
    let start = -1;
    for (const [number, line] of lines.entries()) {
      if (/^TY {2}- /.test(line)) start = number;
      if (/^ER {2}-/.test(line) && start >= 0) {
        entries.push({
          index: entries.length + 1,
          line: start + 1,
          source: lines.slice(start, number + 1).join('\n') + '\n',
        });
        start = -1;
      }
    }
    if (start >= 0) {
      entries.push({
        index: entries.length + 1,
        line: start + 1,
        source: lines.slice(start).join('\n'),
      });
    }
    return entries;
  }
  const starts: { line: number; kind: string }[] = [];
  for (const [number, line] of lines.entries()) {
    const match = /^\s*@(\w+)\s*[{(]/.exec(line);
    if (match) starts.push({ line: number, kind: match[1].toLowerCase() });
  }
  const macros: string[] = [];
  for (const [position, start] of starts.entries()) {
    const end = position + 1 < starts.length ? starts[position + 1].line : lines.length;
    const body = lines.slice(start.line, end).join('\n').trim();
    if (start.kind === 'string') macros.push(body);
    else if (start.kind !== 'comment' && start.kind !== 'preamble') {
      entries.push({ index: entries.length + 1, line: start.line + 1, source: body });
    }
  }
  return entries.map((entry) => ({
    ...entry,
    source: macros.length ? `${macros.join('\n')}\n${entry.source}` : entry.source,
  }));
}

const FORCE_TYPES: Record<CitationFormat, string> = {
  bibtex: '@bibtex/text',
  ris: '@ris/file',
  'csl-json': '@csl/list+object',
};

/**
 * One entry read by Citation.js, its input type forced so it never fetches anything (a DOI or a
 * URL given as input stays text). Null when nothing readable is in it.
 */
export function readEntry(format: CitationFormat, entry: RawEntry): CslItem | null {
  const data = format === 'csl-json' ? [entry.source] : entry.source;
  const items = new Cite(data, { forceType: FORCE_TYPES[format] }).data;
  if (items.length !== 1) return null;
  const { _graph, ...item } = items[0];
  void _graph;
  return item;
}

/** Writes CSL-JSON items as BibTeX or RIS (Citation.js), or as CSL-JSON. */
export function writeCitations(format: CitationFormat, items: CslItem[]): string {
  if (format === 'csl-json') return JSON.stringify(items, null, 2) + '\n';
  if (items.length === 0) return '';
  return new Cite(items, { forceType: '@csl/list+object' }).format(
    format === 'ris' ? 'ris' : 'bibtex',
    {
      format: 'text',
    },
  );
}
