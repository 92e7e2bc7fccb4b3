import { Injectable } from '@nestjs/common';
import type {
  CountedRecord,
  Locale,
  OrisToolRole,
  YearIndicatorFigures,
  YearIndicatorQuery,
  YearIndicatorSource,
} from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { availableOn, countsAsCreated, firstVersion, type ToolAsKnown } from '../rules/tool-rules';
import { TOOLS_DEFINITION_VERSION, toolsDefinition } from './tools-definition';

const BREAKDOWNS = ['kind', 'purpose', 'role', 'language'] as const;

/**
 * "Knowledge tools created in year Y" (OBSERVATORY.md): reads the registry as known at `knownAt`
 * — tools validated by then, the facts recorded and not superseded by then, the versions recorded
 * by then — and applies the rule of `countsAsCreated` with `asOf` on the release dates.
 */
@Injectable()
export class KnowledgeToolsIndicator implements YearIndicatorSource<'tools'> {
  readonly indicator = 'tools' as const;

  constructor(private readonly dataSource: DataSource) {}

  async compute(query: YearIndicatorQuery): Promise<YearIndicatorFigures<'tools'>> {
    const tools = await this.toolsKnownAt(query.knownAt);
    const counted = tools.filter((tool) => countsAsCreated(tool, query.year, query.asOf));
    const available = tools.filter((tool) => availableOn(tool, query.asOf));
    const keyOf: Record<(typeof BREAKDOWNS)[number], (tool: ToolAsKnown) => string> = {
      kind: (tool) => tool.kind,
      purpose: (tool) => tool.purpose,
      role: (tool) => tool.orisRole,
      language: (tool) => firstVersion(tool)?.language ?? '',
    };
    const breakdown = BREAKDOWNS.flatMap((dimension) => {
      const groups = new Map<string, string[]>();
      for (const tool of counted) {
        const key = keyOf[dimension](tool);
        groups.set(key, [...(groups.get(key) ?? []), tool.id]);
      }
      return [...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, ids]) => ({ dimension, key, value: ids.length, counted: ids.sort() }));
    });
    return {
      indicator: 'tools',
      year: query.year,
      asOf: query.asOf,
      knownAt: query.knownAt.toISOString(),
      value: counted.length,
      companions: [
        {
          key: 'available_on_as_of',
          value: available.length,
          counted: available.map((tool) => tool.id).sort(),
        },
      ],
      breakdown,
      counted: counted.map((tool) => tool.id).sort(),
      definition: {
        version: TOOLS_DEFINITION_VERSION,
        text: toolsDefinition(query.year, query.asOf, query.knownAt),
      },
    };
  }

  async describe(ids: readonly string[], locale: Locale): Promise<CountedRecord[]> {
    if (ids.length === 0) return [];
    const rows: {
      id: string;
      titles: Record<string, string>;
      original_language: string;
      first_released_on: string | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, t.titles, t.original_language,
         (SELECT min(v.released_on)::text FROM knowledge_tool_version v WHERE v.tool_id = t.id) AS first_released_on
       FROM knowledge_tool t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id`,
      [[...ids]],
    );
    return rows.map((row) => ({
      id: row.id,
      label: row.titles[locale] ?? row.titles[row.original_language] ?? '',
      date: row.first_released_on,
      path: `/observatory/tools/${row.id}`,
    }));
  }

  private async toolsKnownAt(knownAt: Date): Promise<ToolAsKnown[]> {
    const rows: {
      id: string;
      kind: string;
      purpose: string;
      oris_role: OrisToolRole;
      licence: string | null;
      versions: { releasedOn: string; language: string; hasFileOrUrl: boolean }[] | null;
    }[] = await this.dataSource.query(
      `SELECT t.id, f.kind, f.purpose, f.oris_role, f.licence,
         (SELECT json_agg(json_build_object(
             'releasedOn', v.released_on::text, 'language', v.language,
             'hasFileOrUrl', v.file_key IS NOT NULL OR v.url IS NOT NULL)
             ORDER BY v.released_on, v.recorded_at)
          FROM knowledge_tool_version v WHERE v.tool_id = t.id AND v.recorded_at <= $1) AS versions
       FROM knowledge_tool t
       JOIN knowledge_tool_fact f ON f.tool_id = t.id AND f.recorded_at <= $1
         AND (f.superseded_at IS NULL OR f.superseded_at > $1)
       WHERE t.status = 'validated' AND t.validated_at <= $1 AND t.created_at <= $1`,
      [knownAt],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      purpose: row.purpose,
      orisRole: row.oris_role,
      licence: row.licence,
      versions: row.versions ?? [],
    }));
  }
}
