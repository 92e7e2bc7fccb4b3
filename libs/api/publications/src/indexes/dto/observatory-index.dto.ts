import { ApiProperty } from '@nestjs/swagger';
import { OBSERVATORY_INDEX_CODES } from '@oris/shared/domain';
import { IsBoolean } from 'class-validator';

export class ObservatoryIndexDto {
  @ApiProperty({ enum: OBSERVATORY_INDEX_CODES, example: 'scopus' })
  code!: string;

  @ApiProperty({ example: 'Scopus' })
  nameFr!: string;

  @ApiProperty({ example: 'سكوبس' })
  nameAr!: string;

  @ApiProperty({ example: 'Scopus' })
  nameEn!: string;

  @ApiProperty({
    description:
      'Whether a coverage or a record in this index makes a publication count as indexed.',
  })
  counts!: boolean;

  @ApiProperty({ type: 'integer' })
  position!: number;

  @ApiProperty({ format: 'date-time', description: 'When `counts` was last set.' })
  updatedAt!: string;
}

export class UpdateObservatoryIndexDto {
  @ApiProperty({ description: 'Whether the index counts for the indexed-publications indicator.' })
  @IsBoolean()
  counts!: boolean;
}
