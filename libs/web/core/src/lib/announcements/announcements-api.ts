import { inject, Injectable } from '@angular/core';
import { unwrap, type components } from '@oris/shared/api-client';
import { ORIS_API } from '../api/oris-api';

export type Announcement = components['schemas']['AnnouncementDto'];
export type AnnouncementInput = components['schemas']['CreateAnnouncementDto'];
export type AnnouncementChange = components['schemas']['UpdateAnnouncementDto'];
export type Unsubscribed = components['schemas']['UnsubscribedDto'];

/**
 * A session's announcements, shared by the trainer's session pages (teaching) and the trainee's
 * (learning), and a trainee's email choice per session.
 */
@Injectable({ providedIn: 'root' })
export class AnnouncementsApi {
  private readonly api = inject(ORIS_API);

  list(sessionId: string): Promise<Announcement[]> {
    return unwrap(
      this.api.GET('/api/v1/sessions/{sessionId}/announcements', {
        params: { path: { sessionId } },
      }),
    );
  }

  post(sessionId: string, body: AnnouncementInput): Promise<Announcement> {
    return unwrap(
      this.api.POST('/api/v1/sessions/{sessionId}/announcements', {
        params: { path: { sessionId } },
        body,
      }),
    );
  }

  edit(id: string, body: AnnouncementChange): Promise<Announcement> {
    return unwrap(this.api.PATCH('/api/v1/announcements/{id}', { params: { path: { id } }, body }));
  }

  async remove(id: string): Promise<void> {
    await unwrap(this.api.DELETE('/api/v1/announcements/{id}', { params: { path: { id } } }));
  }

  async mutedSessions(): Promise<string[]> {
    return (await unwrap(this.api.GET('/api/v1/me/announcement-email-mutes'))).sessionIds;
  }

  async setMuted(sessionId: string, muted: boolean): Promise<boolean> {
    const answer = await unwrap(
      this.api.PUT('/api/v1/me/sessions/{sessionId}/announcement-email', {
        params: { path: { sessionId } },
        body: { muted },
      }),
    );
    return answer.muted;
  }

  unsubscribe(token: string): Promise<Unsubscribed> {
    return unwrap(this.api.POST('/api/v1/announcement-unsubscribe', { body: { token } }));
  }
}
