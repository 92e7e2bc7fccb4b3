import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, SEARCH_KINDS, type Locale, type SearchKind } from '@oris/shared/domain';

export class TextSegmentDto {
  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'Whether these words answer the query (to be drawn marked).' })
  match!: boolean;
}

export class SearchHitDto {
  @ApiProperty({ enum: SEARCH_KINDS })
  kind!: SearchKind;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: LOCALES, description: 'The language of the title and snippet shown.' })
  language!: Locale;

  @ApiProperty({ description: 'Whether that language is the record’s original one.' })
  original!: boolean;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [TextSegmentDto], description: 'The title, matched words marked.' })
  titleSegments!: TextSegmentDto[];

  @ApiProperty({
    type: [TextSegmentDto],
    description:
      'A passage of the text around the first matched word, matched words marked (plain text, no markup).',
  })
  snippet!: TextSegmentDto[];

  @ApiProperty({ description: 'The public page in the web app.' })
  path!: string;

  @ApiProperty({ type: String, nullable: true })
  subtype!: string | null;

  @ApiProperty({ type: [String] })
  regions!: string[];

  @ApiProperty({ type: [String] })
  themes!: string[];

  @ApiProperty({ type: [String] })
  populations!: string[];

  @ApiProperty({ type: 'integer', nullable: true })
  evidenceLevel!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  publishedOn!: string | null;
}

export class FacetCountDto {
  @ApiProperty()
  value!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

export class SearchFacetsDto {
  @ApiProperty({ type: [FacetCountDto] })
  type!: FacetCountDto[];

  @ApiProperty({ type: [FacetCountDto] })
  region!: FacetCountDto[];

  @ApiProperty({ type: [FacetCountDto] })
  theme!: FacetCountDto[];

  @ApiProperty({ type: [FacetCountDto] })
  population!: FacetCountDto[];

  @ApiProperty({ type: [FacetCountDto] })
  evidence!: FacetCountDto[];
}

export class SearchResultDto {
  @ApiProperty({ type: [SearchHitDto] })
  items!: SearchHitDto[];

  @ApiProperty({ type: 'integer', description: 'Matching records after the filters.' })
  total!: number;

  @ApiProperty({ type: 'integer' })
  page!: number;

  @ApiProperty({ type: 'integer' })
  pageSize!: number;

  @ApiProperty({
    type: SearchFacetsDto,
    description:
      'Counts of records per facet value over the matching set, each facet counted with every filter but its own.',
  })
  facets!: SearchFacetsDto;
}
