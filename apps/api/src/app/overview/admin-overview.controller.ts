import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FailedRenders } from '@oris/api/certificates';
import { PendingApprovals } from '@oris/api/enrollments';
import { FollowupQueue } from '@oris/api/followups';
import { ApiProblems, Roles } from '@oris/api/platform';
import { AdminOverviewDto } from './admin-overview.dto';

/** Sessions listed under the pending approvals: the oldest requests first. */
const SESSIONS_SHOWN = 5;

/**
 * The administrators' landing page reads one answer: what three features count as waiting for
 * them. Each figure comes from its own feature (its rules stay there); this only puts them side
 * by side, which is why it sits with the composition rather than in one feature.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller({ path: 'admin/overview', version: '1' })
export class AdminOverviewController {
  constructor(
    private readonly approvals: PendingApprovals,
    private readonly renders: FailedRenders,
    private readonly followups: FollowupQueue,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'What needs attention: pending approvals, failed renders, overdue follow-ups (administrators)',
  })
  @ApiOkResponse({ type: AdminOverviewDto })
  @ApiProblems(401, 403)
  async overview(): Promise<AdminOverviewDto> {
    const [approvals, failedRenders, followups] = await Promise.all([
      this.approvals.summary(SESSIONS_SHOWN),
      this.renders.count(),
      this.followups.counts({}),
    ]);
    return {
      pendingApprovals: approvals.total,
      sessionsAwaitingApproval: approvals.sessions,
      failedRenders,
      overdueFollowups: followups.overdue,
    };
  }
}
