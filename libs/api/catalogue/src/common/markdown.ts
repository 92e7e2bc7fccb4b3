import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );

/** Links and images may only point to these; anything else (javascript:, data:, relative) is dropped. */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_IMAGE = /^https:\/\//i;
export const LINK_REL = 'noopener noreferrer nofollow';

// Raw HTML written in the Markdown is shown as text, never interpreted: authors get Markdown only.
const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html: ({ text, block }) => (block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)),
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'p',
    'br',
    'hr',
    'blockquote',
    'pre',
    'code',
    'strong',
    'em',
    'del',
    's',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'iframe',
    'object',
    'embed',
    'template',
  ],
  transformTags: {
    a: (tagName, attribs) => {
      const { href, title } = attribs;
      const safe = href !== undefined && SAFE_LINK.test(href.trim());
      return {
        tagName,
        attribs: { ...(safe && { href: href.trim() }), ...(title && { title }), rel: LINK_REL },
      };
    },
    img: (tagName, attribs) => {
      const { src, alt, title } = attribs;
      const safe = src !== undefined && SAFE_IMAGE.test(src.trim());
      return {
        tagName,
        attribs: { ...(safe && { src: src.trim() }), alt: alt ?? '', ...(title && { title }) },
      };
    },
  },
};

/**
 * Markdown → HTML that is safe to insert in a page: rendered by marked (GFM), then passed
 * through an allowlist, so no script, style, frame, event handler or dangerous URL survives.
 */
export function renderMarkdown(source: string): string {
  if (source.trim() === '') return '';
  const html = markdown.parse(source) as string;
  return sanitizeHtml(html, SANITIZE).trim();
}
