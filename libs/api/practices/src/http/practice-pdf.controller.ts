import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicWithOptionalUser } from '@oris/api/identity';
import { ApiProblems, RequestValidationException } from '@oris/api/platform';
import type { Locale, PublishedPracticeSheet } from '@oris/shared/domain';
import type { FastifyReply } from 'fastify';
import { PracticePdfQuery } from '../dto/practice-list.query';
import { renderPracticeSheetPdf } from '../print/practice-sheet-pdf';
import { PracticeReader } from '../sheets/practice-reader';

/** The languages a sheet prints in: those asked (each present), or the original and one more. */
export function printLanguages(
  sheet: Pick<PublishedPracticeSheet, 'originalLanguage' | 'texts' | 'translatedLanguages'>,
  asked: string | undefined,
): [Locale, Locale] {
  if (!asked) {
    const translation = sheet.translatedLanguages.find((language) => sheet.texts[language]);
    return [sheet.originalLanguage, translation ?? sheet.originalLanguage];
  }
  const languages = asked.split(',') as Locale[];
  const missing = languages.filter((language) => !sheet.texts[language]?.title);
  if (missing.length > 0) {
    throw new RequestValidationException([
      {
        field: 'languages',
        message: `the sheet is not written in ${missing.join(', ')}; it is in ${Object.keys(sheet.texts).join(', ')}`,
      },
    ]);
  }
  return [languages[0], languages[1] ?? languages[0]];
}

@ApiTags('practices')
@Controller({ path: 'practices/:id/pdf', version: '1' })
export class PracticePdfController {
  constructor(private readonly reader: PracticeReader) {}

  @PublicWithOptionalUser()
  @Get()
  @ApiOperation({
    summary: 'The printed sheet of the last published version, as a bilingual PDF (anyone)',
    description:
      '`languages=fr,ar` (default: the original and its first translation; one language prints ' +
      'a single-language sheet). 400 for a language the sheet is not written in; 404 when the ' +
      'sheet is not public. Only consented contacts are printed.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 404)
  async pdf(
    @Param('id') idOrSlug: string,
    @Query() query: PracticePdfQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const sheet = await this.reader.published(idOrSlug);
    const languages = printLanguages(sheet, query.languages);
    const bytes = await renderPracticeSheetPdf(sheet, languages);
    const name = `${sheet.slug}-v${sheet.version}-${[...new Set(languages)].join('-')}.pdf`;
    await reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', `inline; filename="${name}"`)
      .header('Cache-Control', 'public, max-age=300')
      .header('X-Content-Type-Options', 'nosniff')
      .code(200)
      .send(bytes);
  }
}
