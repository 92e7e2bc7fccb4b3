import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@oris/api/platform';

/** How long a file address handed to a reader stays valid. */
export const FILE_LINK_TTL_SECONDS = 6 * 60 * 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Signed addresses of material files. The web app keeps its access token in memory, so a
 * `<video>`, `<audio>` or `<img>` element (which cannot send an Authorization header) gets an
 * address carrying `token=<expiry>.<userId>.<mac>`: a keyed SHA-256 of the material, the person
 * and the expiry. The download still checks that person's current right on the module, so a
 * withdrawn trainee's links stop working at once. Request logs redact `token=`.
 */
@Injectable()
export class FileLinks {
  private readonly key: string;

  constructor(config: AppConfig) {
    this.key = `module-material-files:${config.JWT_SECRET}`;
  }

  url(materialId: string, userId: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + FILE_LINK_TTL_SECONDS;
    const token = `${expires}.${userId}.${this.mac(materialId, userId, expires)}`;
    return `/api/v1/material/${materialId}/file?token=${encodeURIComponent(token)}`;
  }

  /** The person a token was made for, or null when it is malformed, forged or expired. */
  holder(materialId: string, token: string, now = Date.now()): string | null {
    const [expiresText, userId, mac, ...rest] = token.split('.');
    if (rest.length > 0 || !/^\d{1,12}$/.test(expiresText ?? '') || !UUID.test(userId ?? '')) {
      return null;
    }
    const expires = Number(expiresText);
    if (expires * 1000 < now) return null;
    const expected = Buffer.from(this.mac(materialId, userId, expires));
    const given = Buffer.from(mac ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return userId;
  }

  private mac(materialId: string, userId: string, expires: number): string {
    return createHmac('sha256', this.key)
      .update(`${materialId}\n${userId.toLowerCase()}\n${expires}`)
      .digest('base64url');
  }
}
