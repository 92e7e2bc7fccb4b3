import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@oris/api/platform';
import { ImportTemplateQuery } from '../dto/import.dto';
import { importTemplate } from '../import/import-file';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller({ path: 'enrollment-imports', version: '1' })
export class EnrollmentImportTemplateController {
  @Roles('admin')
  @Get('template')
  @ApiOperation({
    summary: 'A file to start an enrollment import from (administrators)',
    description:
      'CSV or Excel (.xlsx): the header in French, Arabic or English, or the column names ' +
      '(`codes`), and one example row. The import reads headers and listed values written ' +
      'either way.',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The file.' })
  @ApiProblems(400, 401, 403)
  async template(@Query() query: ImportTemplateQuery): Promise<StreamableFile> {
    const file = await importTemplate(query.format ?? 'csv', query.language ?? 'fr');
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      disposition: attachment(file.fileName),
      length: file.bytes.length,
    });
  }
}

/** An ASCII name for old clients and the real one (Arabic included) for the others (RFC 6266). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
