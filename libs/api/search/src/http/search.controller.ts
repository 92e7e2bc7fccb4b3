import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { SearchResultDto } from '../dto/search-result.dto';
import { SearchQuery } from '../dto/search.query';
import { SearchService } from '../query/search.service';
import { SearchRateLimit } from './search-rate-limit';

@ApiTags('search')
@Public()
@Controller({ version: '1' })
export class SearchController {
  constructor(
    private readonly search: SearchService,
    private readonly rateLimit: SearchRateLimit,
  ) {}

  @Get('search')
  @ApiOperation({
    summary: 'Search practice sheets, knowledge tools, publications and courses (anyone)',
    description:
      'Full text in French, Arabic and English (stemmed; accents, Arabic diacritics and spelling ' +
      'variants ignored; typos forgiven), best matches first, one hit per record in its best ' +
      'language (the visitor’s `lang`, then the original). Facets `type`, `region`, `theme`, ' +
      '`population`, `evidence` filter (values of one facet OR-ed, facets AND-ed; repeat the ' +
      'parameter or separate values by commas) and are counted over the matching set without ' +
      'their own filter. Without `q`: the most recent first. Snippets are plain-text segments, ' +
      'matched words flagged. Rate-limited per client address (429).',
  })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiProblems(400, 429)
  @Header('Content-Type', 'application/json; charset=utf-8')
  find(@Query() query: SearchQuery, @Req() request: FastifyRequest): Promise<Buffer> {
    const limited = this.rateLimit.consume(request.ip);
    return limited ? limited.then(() => this.search.search(query)) : this.search.search(query);
  }
}
