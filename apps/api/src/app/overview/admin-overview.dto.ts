import { ApiProperty } from '@nestjs/swagger';

export class SessionAwaitingApprovalDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;
  @ApiProperty()
  sessionTitle!: string;
  @ApiProperty()
  courseTitle!: string;
  @ApiProperty({ format: 'date' })
  startsOn!: string;
  @ApiProperty({ type: 'integer', description: 'Requests awaiting approval in this session.' })
  pending!: number;
  @ApiProperty({ format: 'date-time', description: 'When the oldest of them came in.' })
  oldestRequestAt!: Date;
}

/** What needs an administrator's attention, each with where to act on it. */
export class AdminOverviewDto {
  @ApiProperty({
    type: 'integer',
    description: 'Enrollment requests awaiting approval (`pending`), every session together.',
  })
  pendingApprovals!: number;
  @ApiProperty({
    type: [SessionAwaitingApprovalDto],
    description: 'The sessions holding the oldest pending requests (at most 5), oldest first.',
  })
  sessionsAwaitingApproval!: SessionAwaitingApprovalDto[];
  @ApiProperty({
    type: 'integer',
    description: 'Certificates whose PDF the worker failed to render (`failed`).',
  })
  failedRenders!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Follow-ups due and unanswered more than 30 days after their due date.',
  })
  overdueFollowups!: number;
}
