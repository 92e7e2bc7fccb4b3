import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@oris/api/platform';
import { RegionDto } from '../dto/region.dto';
import { RegionsService } from '../regions.service';

@ApiTags('regions')
@Controller({ path: 'regions', version: '1' })
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Public()
  @Get()
  @ApiOkResponse({
    type: [RegionDto],
    description: 'The 12 regions of Morocco, in official order.',
  })
  list(): Promise<RegionDto[]> {
    return this.regions.list();
  }
}
