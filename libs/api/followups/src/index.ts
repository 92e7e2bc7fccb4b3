export * from './followups.module';
export * from './followup.exception';
export * from './jobs/followups-worker.module';
export { FollowupScheduler } from './scheduling/followup-scheduler.service';
export type { PassClock, PassReport } from './scheduling/followup-scheduler.service';
export * from './rules/followup-policy';
export * from './dto/followup.dto';
export * from './dto/survey.dto';
export * from './dto/answer.dto';
