import type { Locale } from '@oris/shared/domain';
import type { EmailCopy } from './email-template';

/** The words of the layout itself, in each language. */
const CHROME: Record<Locale, { tagline: string; fallback: string; footer: string }> = {
  fr: {
    tagline: 'Observatoire Régional de l’Innovation Sociale',
    fallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur\u00a0:',
    footer:
      'Ce message vous a été envoyé automatiquement par ORIS Academy, la plateforme de formation et d’insertion de l’ORIS. Merci de ne pas y répondre.',
  },
  ar: {
    tagline: 'المرصد الجهوي للابتكار الاجتماعي',
    fallback: 'إذا لم يعمل الزر، انسخ هذا الرابط في متصفحك:',
    footer:
      'أُرسلت هذه الرسالة تلقائيًا من أكاديمية ORIS، منصة التكوين والإدماج المهني التابعة للمرصد. يُرجى عدم الرد عليها.',
  },
  en: {
    tagline: 'Regional Observatory of Social Innovation',
    fallback: 'If the button does not work, copy this link into your browser:',
    footer:
      "This message was sent automatically by ORIS Academy, ORIS's training and job-placement platform. Please do not reply to it.",
  },
};

const BRAND = '#0b5d4b';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** A header value on one line: CR/LF (and other controls) would let a value add headers. */
export function singleLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

/** Links in emails must be web links: anything else (javascript:, data:) is refused. */
export function assertWebUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(`Email link is not a URL: ${JSON.stringify(url)}`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`Email link must be http(s): ${JSON.stringify(url)}`);
  }
}

const paragraph = (text: string, style = '') =>
  `<p style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;

/** The branded HTML part: inline styles and tables, because mail clients ignore most CSS. */
export function renderHtml(locale: Locale, copy: EmailCopy): string {
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const font =
    locale === 'ar'
      ? "'Noto Naskh Arabic', Tahoma, 'Segoe UI', Arial, sans-serif"
      : "'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
  const chrome = CHROME[locale];
  const action = copy.action
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px;"><tr><td style="border-radius:6px;background:${BRAND};">` +
      `<a href="${escapeHtml(copy.action.url)}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold;">${escapeHtml(copy.action.label)}</a>` +
      `</td></tr></table>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#4b5563;">${escapeHtml(chrome.fallback)}<br>` +
      `<a href="${escapeHtml(copy.action.url)}" dir="ltr" style="color:${BRAND};word-break:break-all;">${escapeHtml(copy.action.url)}</a></p>`
    : '';
  return [
    '<!doctype html>',
    `<html lang="${locale}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(copy.subject)}</title></head>`,
    `<body dir="${dir}" style="margin:0;padding:0;background:#f3f4f6;">`,
    `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(copy.preheader)}</div>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width:560px;background:#ffffff;border-radius:8px;font-family:${font};font-size:16px;line-height:1.6;color:#111827;text-align:${align};">`,
    `<tr><td style="background:${BRAND};color:#ffffff;padding:20px 28px;border-radius:8px 8px 0 0;">`,
    `<div style="font-size:22px;font-weight:bold;" dir="ltr">ORIS Academy</div>`,
    `<div style="font-size:13px;opacity:0.9;">${escapeHtml(chrome.tagline)}</div></td></tr>`,
    '<tr><td style="padding:28px;">',
    paragraph(copy.greeting),
    ...copy.paragraphs.map((text) => paragraph(text)),
    action,
    ...(copy.closing ?? []).map((text) => paragraph(text, 'color:#4b5563;')),
    `<p style="margin:24px 0 0;">${copy.signature.map(escapeHtml).join('<br>')}</p>`,
    '</td></tr>',
    `<tr><td style="padding:16px 28px;border-top:1px solid #e5e7eb;font-size:12px;color:#6b7280;">${escapeHtml(chrome.footer)}</td></tr>`,
    '</table></td></tr></table></body></html>',
  ].join('\n');
}

/** The plain-text part, for text-only clients and spam filters that expect one. */
export function renderText(locale: Locale, copy: EmailCopy): string {
  const chrome = CHROME[locale];
  const blocks = [copy.greeting, ...copy.paragraphs];
  // French puts a (no-break) space before the colon.
  if (copy.action)
    blocks.push(`${copy.action.label}${locale === 'fr' ? '\u00a0:' : ':'}\n${copy.action.url}`);
  blocks.push(...(copy.closing ?? []), copy.signature.join('\n'));
  blocks.push(`--\nORIS Academy — ${chrome.tagline}\n${chrome.footer}`);
  return `${blocks.join('\n\n')}\n`;
}
