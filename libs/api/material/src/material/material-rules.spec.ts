import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '@oris/api/platform';
import { VIDEO_PLAYER_ORIGINS } from '@oris/shared/domain';
import { FileLinks, FILE_LINK_TTL_SECONDS } from './file-links';

describe('the web app’s CSP', () => {
  it('lets frames load exactly the players of known video hosts', () => {
    const conf = readFileSync(
      join(__dirname, '../../../../../docker/nginx-security-headers.conf'),
      'utf8',
    );
    const frameSrc = /frame-src ([^;]+);/.exec(conf)?.[1].trim().split(/\s+/);
    expect(frameSrc?.sort()).toEqual(Object.values(VIDEO_PLAYER_ORIGINS).sort());
  });
});

describe('FileLinks', () => {
  const links = new FileLinks(Object.assign(new AppConfig(), { JWT_SECRET: 'x'.repeat(40) }));
  const material = '0b6c8e4e-4a43-4a55-9f67-4f3c2b1e0a11';
  const person = '5e2f0a4e-9b1a-4c6e-8d7f-2a3b4c5d6e7f';
  const tokenOf = (url: string) => decodeURIComponent(url.split('token=')[1]);

  it('hands the person back for their own material, until it expires', () => {
    const now = Date.UTC(2026, 11, 6, 12);
    const token = tokenOf(links.url(material, person, now));
    expect(links.holder(material, token, now)).toBe(person);
    expect(links.holder(material, token, now + (FILE_LINK_TTL_SECONDS - 1) * 1000)).toBe(person);
    expect(links.holder(material, token, now + (FILE_LINK_TTL_SECONDS + 1) * 1000)).toBeNull();
  });

  it('refuses another material, another person, a changed expiry and garbage', () => {
    const token = tokenOf(links.url(material, person));
    const [expires, , mac] = token.split('.');
    expect(links.holder('1b6c8e4e-4a43-4a55-9f67-4f3c2b1e0a11', token)).toBeNull();
    expect(
      links.holder(material, `${expires}.1e2f0a4e-9b1a-4c6e-8d7f-2a3b4c5d6e7f.${mac}`),
    ).toBeNull();
    expect(links.holder(material, `${Number(expires) + 1000}.${person}.${mac}`)).toBeNull();
    for (const bad of ['', '...', 'a.b.c', `${expires}.${person}`, `${token}.x`]) {
      expect(links.holder(material, bad)).toBeNull();
    }
  });
});
