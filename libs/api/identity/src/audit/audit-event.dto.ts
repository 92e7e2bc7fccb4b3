import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, Trim } from '@oris/api/platform';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** `YYYY-MM-DD`, a real calendar day (`strict` refuses 2026-02-30). */
const IsDay = (): PropertyDecorator => (target, property) => {
  Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date (YYYY-MM-DD)' })(
    target,
    property,
  );
  IsISO8601({ strict: true }, { message: '$property must be a date (YYYY-MM-DD)' })(
    target,
    property,
  );
};

export class AuditEventListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this person did.' })
  @IsOptional()
  @IsUUID('all')
  actor?: string;

  @ApiPropertyOptional({
    maxLength: 64,
    description:
      'Only events about this object: its id (for a person, their user id), whatever its type.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(64)
  subject?: string;

  @ApiPropertyOptional({
    maxLength: 60,
    example: 'person.situation_read',
    description:
      'Only this action, or every action under a prefix ending with a dot (`certificate.`).',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^[a-z_.]{1,60}$/, { message: '$property must be an action name (a-z, _ and .)' })
  action?: string;

  @ApiPropertyOptional({ format: 'date', description: 'From this day (Morocco), included.' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Up to this day (Morocco), included.' })
  @IsOptional()
  @IsDay()
  to?: string;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'person.situation_read' })
  action!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null when the system or a command-line operator acted.',
  })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Karim Alaoui' })
  actorName!: string | null;

  @ApiProperty({ example: 'user', description: 'user, certificate, placement, session, …' })
  subjectType!: string;

  @ApiProperty({ example: '0b7c6f6e-3f1a-4d7e-9a51-2f1c9d0f4a10' })
  subjectId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The person’s name when the subject is a person who still has an account.',
  })
  subjectName!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Flat facts about the event (never a copy of personal data).',
    example: { certificateId: '5d1c…', role: 'trainer' },
  })
  data!: Record<string, string | number | boolean | null>;
}
