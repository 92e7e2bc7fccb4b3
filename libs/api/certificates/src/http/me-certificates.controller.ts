import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser } from '@oris/api/platform';
import { CertificateDto } from '../dto/certificate.dto';
import { CertificateReader } from '../reading/certificate-reader';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller({ path: 'me/certificates', version: '1' })
export class MeCertificatesController {
  constructor(private readonly reader: CertificateReader) {}

  @Get()
  @ApiOperation({ summary: 'My certificates', description: 'Newest first, revoked ones included.' })
  @ApiOkResponse({ type: CertificateDto, isArray: true })
  @ApiProblems(401)
  mine(@CurrentUser() user: AuthenticatedUser): Promise<CertificateDto[]> {
    return this.reader.mine(user);
  }
}
