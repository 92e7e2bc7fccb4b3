import { Module } from '@nestjs/common';
import { MyNotificationsController } from './http/my-notifications.controller';
import { NotificationsModule } from './notifications.module';

/** The API's routes of the notification centre (`/me/notifications`). */
@Module({
  imports: [NotificationsModule],
  controllers: [MyNotificationsController],
})
export class NotificationCentreModule {}
