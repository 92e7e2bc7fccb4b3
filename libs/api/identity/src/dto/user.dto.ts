import { ApiProperty } from '@nestjs/swagger';
import { GENDERS, LOCALES, REGION_CODES, ROLES } from '@oris/shared/domain';
import type { Gender, Locale, Role } from '@oris/shared/domain';

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'email', example: 'salma.bennani@example.ma' })
  email!: string;

  @ApiProperty({ example: 'Salma Bennani' })
  fullName!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'سلمى بناني',
    description: 'Name in Arabic script.',
  })
  fullNameAr!: string | null;

  @ApiProperty({
    enum: GENDERS,
    nullable: true,
    description: 'Null only for staff accounts created by command.',
  })
  gender!: Gender | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 1994 })
  birthYear!: number | null;

  @ApiProperty({ enum: REGION_CODES, nullable: true, example: 'MA-04' })
  regionCode!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+212612345678',
    description: 'E.164. Shown to the person, admins and placement officers only.',
  })
  phone!: string | null;

  @ApiProperty({
    enum: LOCALES,
    example: 'fr',
    description: 'Language of the interface and of emails.',
  })
  locale!: Locale;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['trainee'] })
  roles!: Role[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an administrator disabled the account (it cannot sign in); null if active.',
  })
  disabledAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the person’s data was erased (law 09-08): name, email and contact details are ' +
      'anonymised and the account can no longer sign in; null if not erased.',
  })
  erasedAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the person proved they receive mail at this address (the emailed confirmation link, ' +
      'or a password set through a reset link); null until then: they cannot enroll themself ' +
      'nor be issued certificates.',
  })
  emailConfirmedAt!: string | null;
}
