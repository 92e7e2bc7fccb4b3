// A live preview of Markdown while it is typed, safe by construction: the whole text is escaped
// first, and only the few tags below are made from it. It covers the common cases; the page
// itself shows what the API renders (marked + an allowlist) once saved.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;
const SAFE_IMAGE = /^https:\/\//i;
const LINK_REL = 'noopener noreferrer nofollow';

const emphasis = (text: string) =>
  text
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '<strong>$2</strong>')
    .replace(/(\*|_)(?=\S)(.+?)(?<=\S)\1/g, '<em>$2</em>');

const PLACEHOLDER = /\uE000(\d+)\uE000/g;

/** Inline Markdown of an already escaped line: code, images, links, strong, emphasis. */
function inline(escaped: string): string {
  // Made tags are put aside, so that no later pattern looks inside a code span or a URL.
  const made: string[] = [];
  const putAside = (html: string) => `\uE000${made.push(html) - 1}\uE000`;
  let text = escaped
    .replace(/`([^`]+)`/g, (_, code: string) => putAside(`<code>${code}</code>`))
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_, alt: string, src: string) =>
      SAFE_IMAGE.test(src) ? putAside(`<img src="${src}" alt="${alt}">`) : alt,
    )
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) =>
      SAFE_LINK.test(href)
        ? putAside(`<a href="${href}" rel="${LINK_REL}">${emphasis(label)}</a>`)
        : label,
    );
  text = emphasis(text);
  // A link's label may hold a code span: put back until nothing is left aside.
  for (let pass = 0; pass <= made.length && text.includes('\uE000'); pass++) {
    text = text.replace(PLACEHOLDER, (_, index: string) => made[Number(index)]);
  }
  return text;
}

type Block =
  | { kind: 'p' | 'blockquote'; lines: string[] }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'pre'; lines: string[] }
  | { kind: 'h'; level: number; text: string }
  | { kind: 'hr' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const QUOTE = /^&gt;\s?(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s*(```|~~~)/;

function blocks(escapedSource: string): Block[] {
  const result: Block[] = [];
  // Typed by assertion so that `close()`, which resets it, does not leave it narrowed to null.
  let open = null as Block | null;
  const close = () => {
    if (open) result.push(open);
    open = null;
  };
  for (const line of escapedSource.split(/\r?\n/)) {
    if (open?.kind === 'pre') {
      if (FENCE.test(line)) close();
      else open.lines.push(line);
      continue;
    }
    if (FENCE.test(line)) {
      close();
      open = { kind: 'pre', lines: [] };
      continue;
    }
    if (line.trim() === '') {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      result.push({ kind: 'h', level: heading[1].length, text: heading[2] });
      continue;
    }
    if (RULE.test(line)) {
      close();
      result.push({ kind: 'hr' });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const kind = bullet ? 'ul' : 'ol';
      if (open?.kind !== kind) {
        close();
        open = { kind, items: [] };
      }
      (open as { items: string[] }).items.push(item[1]);
      continue;
    }
    const quote = QUOTE.exec(line);
    if (quote) {
      if (open?.kind !== 'blockquote') {
        close();
        open = { kind: 'blockquote', lines: [] };
      }
      open.lines.push(quote[1]);
      continue;
    }
    if (open?.kind === 'ul' || open?.kind === 'ol') {
      // A line under a list item continues it.
      open.items[open.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (open?.kind !== 'p') {
      close();
      open = { kind: 'p', lines: [] };
    }
    open.lines.push(line.trim());
  }
  close();
  return result;
}

function render(block: Block): string {
  switch (block.kind) {
    case 'h':
      return `<h${block.level}>${inline(block.text)}</h${block.level}>`;
    case 'hr':
      return '<hr>';
    case 'pre':
      return `<pre><code>${block.lines.join('\n')}</code></pre>`;
    case 'ul':
    case 'ol':
      return `<${block.kind}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${block.kind}>`;
    case 'blockquote':
      return `<blockquote><p>${inline(block.lines.join(' '))}</p></blockquote>`;
    case 'p':
      return `<p>${inline(block.lines.join(' '))}</p>`;
  }
}

/** HTML for the live preview of `source`; no tag or attribute of the source survives as such. */
export function renderMarkdownPreview(source: string): string {
  // A private-use character marks what `inline` puts aside; it has no business in a text.
  return blocks(escapeHtml(source.replace(/\uE000/g, '')))
    .map(render)
    .join('\n');
}
