import { ApiProperty } from '@nestjs/swagger';
import { REGION_CODES } from '@oris/shared/domain';

export class RegionDto {
  @ApiProperty({ enum: REGION_CODES, example: 'MA-04' })
  code!: string;

  @ApiProperty({ example: 'Rabat-Salé-Kénitra' })
  nameFr!: string;

  @ApiProperty({ example: 'الرباط سلا القنيطرة' })
  nameAr!: string;

  @ApiProperty({ example: 'Rabat-Sale-Kenitra' })
  nameEn!: string;
}
