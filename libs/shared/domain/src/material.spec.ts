import { parseVideoLink, videoEmbedUrl, VIDEO_PLAYER_ORIGINS } from './material';

describe('parseVideoLink', () => {
  it.each([
    ['https://www.youtube.com/watch?v=aqz-KE-bpKQ', 'youtube', 'aqz-KE-bpKQ'],
    ['https://youtube.com/watch?v=aqz-KE-bpKQ&t=42s', 'youtube', 'aqz-KE-bpKQ'],
    ['https://m.youtube.com/watch?feature=share&v=aqz-KE-bpKQ', 'youtube', 'aqz-KE-bpKQ'],
    ['https://youtu.be/aqz-KE-bpKQ?si=abc', 'youtube', 'aqz-KE-bpKQ'],
    ['https://www.youtube.com/embed/aqz-KE-bpKQ', 'youtube', 'aqz-KE-bpKQ'],
    ['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ', 'youtube', 'aqz-KE-bpKQ'],
    ['https://www.youtube.com/shorts/aqz-KE-bpKQ', 'youtube', 'aqz-KE-bpKQ'],
    ['  http://WWW.YOUTUBE.COM/watch?v=aqz-KE-bpKQ  ', 'youtube', 'aqz-KE-bpKQ'],
    ['https://vimeo.com/76979871', 'vimeo', '76979871'],
    ['https://player.vimeo.com/video/76979871?h=abc', 'vimeo', '76979871'],
    ['https://www.dailymotion.com/video/x7tgad0', 'dailymotion', 'x7tgad0'],
    ['https://dai.ly/x7tgad0', 'dailymotion', 'x7tgad0'],
    ['https://www.dailymotion.com/embed/video/x7tgad0', 'dailymotion', 'x7tgad0'],
  ])('reads %s', (url, host, videoId) => {
    expect(parseVideoLink(url)).toEqual({ host, videoId });
  });

  it.each([
    ['another host', 'https://example.com/watch?v=aqz-KE-bpKQ'],
    ['a look-alike host', 'https://youtube.com.evil.example/watch?v=aqz-KE-bpKQ'],
    ['a host ending like YouTube', 'https://notyoutube.com/watch?v=aqz-KE-bpKQ'],
    ['credentials before the host', 'https://user:pass@www.youtube.com/watch?v=aqz-KE-bpKQ'],
    ['the host as user name', 'https://www.youtube.com@evil.example/watch?v=aqz-KE-bpKQ'],
    ['a port', 'https://www.youtube.com:8443/watch?v=aqz-KE-bpKQ'],
    ['a javascript: address', 'javascript:alert(1)//www.youtube.com/watch?v=aqz-KE-bpKQ'],
    ['a data: address', 'data:text/html,<iframe src=x>'],
    ['a protocol-relative address', '//www.youtube.com/watch?v=aqz-KE-bpKQ'],
    ['embed HTML', '<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe>'],
    ['an id too short', 'https://www.youtube.com/watch?v=abc'],
    ['an id with markup', 'https://www.youtube.com/watch?v=aqz-KE"><b>'],
    ['an id with a path escape', 'https://youtu.be/..%2F..%2Fx'],
    ['a channel page', 'https://www.youtube.com/@blender'],
    ['a playlist only', 'https://www.youtube.com/playlist?list=PL123'],
    ['a Vimeo id with letters', 'https://vimeo.com/abc123'],
    ['a Vimeo channel', 'https://vimeo.com/channels/staffpicks'],
    ['a ftp address', 'ftp://www.youtube.com/watch?v=aqz-KE-bpKQ'],
    ['nothing', ''],
    ['spaces inside', 'https://www.youtube.com/watch?v=aqz KE-bpKQ'],
    ['an endless address', `https://www.youtube.com/watch?v=aqz-KE-bpKQ&x=${'a'.repeat(3000)}`],
    ['not a string', 42 as unknown as string],
  ])('refuses %s', (_case, url) => {
    expect(parseVideoLink(url)).toBeNull();
  });

  it('rebuilds the privacy-friendly players from the host and id only', () => {
    expect(videoEmbedUrl({ host: 'youtube', videoId: 'aqz-KE-bpKQ' })).toBe(
      'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
    );
    expect(videoEmbedUrl({ host: 'vimeo', videoId: '76979871' })).toBe(
      'https://player.vimeo.com/video/76979871?dnt=1',
    );
    expect(videoEmbedUrl({ host: 'dailymotion', videoId: 'x7tgad0' })).toBe(
      'https://www.dailymotion.com/embed/video/x7tgad0',
    );
    for (const host of ['youtube', 'vimeo', 'dailymotion'] as const) {
      expect(
        videoEmbedUrl({ host, videoId: 'x7tgad0' }).startsWith(VIDEO_PLAYER_ORIGINS[host]),
      ).toBe(true);
    }
  });
});
