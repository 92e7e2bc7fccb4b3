/**
 * Module material (issue 18): files attached to a module and videos by link. The API enforces
 * these rules; the web app reads the same ones to explain them before an upload.
 */

/** What a piece of material is: decided by the server from the file's content, or a video link. */
export const MATERIAL_KINDS = [
  'document',
  'slides',
  'image',
  'audio',
  'video',
  'video_link',
] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export type MaterialFileKind = Exclude<MaterialKind, 'video_link'>;

const MIB = 1024 * 1024;

/** The largest file of each kind (the server refuses a larger one with 413). */
export const MATERIAL_MAX_BYTES: Record<MaterialFileKind, number> = {
  document: 20 * MIB,
  slides: 50 * MIB,
  image: 10 * MIB,
  audio: 50 * MIB,
  video: 100 * MIB,
};

/** The largest upload of any kind: the body limit of the upload route. */
export const MATERIAL_MAX_UPLOAD_BYTES = Math.max(...Object.values(MATERIAL_MAX_BYTES));

/** The file types a module accepts, by the media type read from their content. */
export const MATERIAL_FILE_TYPES: Record<string, MaterialFileKind> = {
  'application/pdf': 'document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'slides',
  'application/vnd.oasis.opendocument.presentation': 'slides',
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/ogg': 'audio',
  'audio/wav': 'audio',
  'audio/flac': 'audio',
  'video/mp4': 'video',
  'video/webm': 'video',
};

/** The extensions people recognise, for the upload field's `accept` and the limits' wording. */
export const MATERIAL_EXTENSIONS: Record<MaterialFileKind, readonly string[]> = {
  document: ['pdf'],
  slides: ['pptx', 'odp'],
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
  audio: ['mp3', 'm4a', 'ogg', 'wav', 'flac'],
  video: ['mp4', 'webm'],
};

/** At most this many pieces of material in one module. */
export const MATERIAL_PER_MODULE = 30;

/** The hosts whose players a module may embed. */
export const VIDEO_HOSTS = ['youtube', 'vimeo', 'dailymotion'] as const;
export type VideoHost = (typeof VIDEO_HOSTS)[number];

export interface VideoLink {
  host: VideoHost;
  videoId: string;
}

/** The origins of the embedded players: the web app's CSP `frame-src` allows exactly these. */
export const VIDEO_PLAYER_ORIGINS: Record<VideoHost, string> = {
  youtube: 'https://www.youtube-nocookie.com',
  vimeo: 'https://player.vimeo.com',
  dailymotion: 'https://www.dailymotion.com',
};

const VIDEO_ID: Record<VideoHost, RegExp> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^[0-9]{1,12}$/,
  dailymotion: /^x[a-z0-9]{4,12}$/i,
};

/** Whether a stored id is one of a host's ids (the database keeps only what passed this). */
export const isVideoId = (host: VideoHost, videoId: string): boolean =>
  VIDEO_ID[host].test(videoId);

/** The privacy-friendly player address of a video: no cookies (YouTube), do-not-track (Vimeo). */
export function videoEmbedUrl({ host, videoId }: VideoLink): string {
  const id = encodeURIComponent(videoId);
  switch (host) {
    case 'youtube':
      return `${VIDEO_PLAYER_ORIGINS.youtube}/embed/${id}`;
    case 'vimeo':
      return `${VIDEO_PLAYER_ORIGINS.vimeo}/video/${id}?dnt=1`;
    case 'dailymotion':
      return `${VIDEO_PLAYER_ORIGINS.dailymotion}/embed/video/${id}`;
  }
}

/** The address people know the video by, for a link beside the player. */
export function videoPageUrl({ host, videoId }: VideoLink): string {
  const id = encodeURIComponent(videoId);
  switch (host) {
    case 'youtube':
      return `https://www.youtube.com/watch?v=${id}`;
    case 'vimeo':
      return `https://vimeo.com/${id}`;
    case 'dailymotion':
      return `https://www.dailymotion.com/video/${id}`;
  }
}

const HOSTS: Record<string, VideoHost> = {
  'youtube.com': 'youtube',
  'www.youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'youtu.be': 'youtube',
  'www.youtube-nocookie.com': 'youtube',
  'youtube-nocookie.com': 'youtube',
  'vimeo.com': 'vimeo',
  'www.vimeo.com': 'vimeo',
  'player.vimeo.com': 'vimeo',
  'dailymotion.com': 'dailymotion',
  'www.dailymotion.com': 'dailymotion',
  'dai.ly': 'dailymotion',
};

/** The id in a known host's page, short or embed address; null for any other path. */
function idFromPath(host: VideoHost, hostname: string, url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  if (host === 'youtube') {
    if (hostname === 'youtu.be') return segments.length === 1 ? segments[0] : null;
    if (segments.length === 1 && segments[0] === 'watch') return url.searchParams.get('v');
    if (segments.length === 2 && ['embed', 'shorts', 'live', 'v'].includes(segments[0])) {
      return segments[1];
    }
    return null;
  }
  if (host === 'vimeo') {
    if (hostname === 'player.vimeo.com') {
      return segments.length === 2 && segments[0] === 'video' ? segments[1] : null;
    }
    return segments.length === 1 ? segments[0] : null;
  }
  if (hostname === 'dai.ly') return segments.length === 1 ? segments[0] : null;
  if (segments.length === 2 && segments[0] === 'video') return segments[1].split('_')[0];
  if (segments.length === 3 && segments[0] === 'embed' && segments[1] === 'video') {
    return segments[2];
  }
  return null;
}

/**
 * A video link as the host and the video's id, or null when it is not a plain http(s) address of
 * a known host with a well-formed id. Only these two are ever stored: the player's address is
 * rebuilt from them, so no raw embed HTML or arbitrary address reaches a page.
 */
export function parseVideoLink(input: string): VideoLink | null {
  const text = typeof input === 'string' ? input.trim() : '';
  if (text.length === 0 || text.length > 2000 || /[\s<>"'`\\]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  const hostname = url.hostname.toLowerCase();
  const host = HOSTS[hostname];
  if (!host) return null;
  const videoId = idFromPath(host, hostname, url);
  if (videoId === null || !isVideoId(host, videoId)) return null;
  return { host, videoId };
}
