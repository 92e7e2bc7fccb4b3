export * from './enrollments.module';
export * from './enrollment.exception';
export * from './entities/enrollment.entity';
export * from './entities/module-progress.entity';
export * from './entities/attendance-mark.entity';
export * from './events/enrollment-events';
export * from './dto/enrollment.dto';
export { seedDemoEnrollments } from './seed/demo-enrollments';
export type { DemoEnrollmentsOptions, DemoEnrollmentsResult } from './seed/demo-enrollments';
