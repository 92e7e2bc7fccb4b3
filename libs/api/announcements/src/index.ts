export * from './announcements.module';
export * from './announcements.exception';
export * from './entities/announcement.entity';
export * from './dto/announcement.dto';
export {
  AnnouncementsWorkerModule,
  AnnouncementEmailSweeper,
  type AnnouncementsWorkerOptions,
} from './jobs/announcements-worker.module';
export { AnnouncementFanOut } from './jobs/announcement-fan-out';
export { seedDemoAnnouncements } from './seed/demo-announcements';
