import { ApiProperty } from '@nestjs/swagger';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Youssef El Amrani' })
  fullName!: string;
}
