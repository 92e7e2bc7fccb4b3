import type { Locale } from '@oris/shared/domain';
import type { AnyEmailTemplate, TemplateContext } from './email-template';
import { EMAIL_TEMPLATES, isEmailTemplate } from './index';
import { assertWebUrl, renderHtml, renderText, singleLine } from './layout';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * Renders a stored email. Throws when the template is unknown, a parameter is missing or not a
 * string, or a link is not http(s): the outbox calls it before inserting, so such bugs fail the
 * change that causes the email instead of reaching the worker.
 */
export function renderEmail(
  template: string,
  locale: Locale,
  params: Readonly<Record<string, unknown>>,
  context: TemplateContext,
): RenderedEmail {
  if (!isEmailTemplate(template))
    throw new Error(`Unknown email template: ${JSON.stringify(template)}`);
  const definition: AnyEmailTemplate = EMAIL_TEMPLATES[template];
  const write = definition.copy[locale];
  if (!write) throw new Error(`Unknown email locale: ${JSON.stringify(locale)}`);
  const missing = definition.params.filter((name) => typeof params[name] !== 'string');
  if (missing.length > 0) {
    throw new Error(`Email template ${template} needs string parameters: ${missing.join(', ')}`);
  }
  const copy = (
    write as (
      params: Readonly<Record<string, unknown>>,
      context: TemplateContext,
    ) => ReturnType<typeof write>
  )(params, { webUrl: context.webUrl.replace(/\/+$/, '') });
  if (copy.action) assertWebUrl(copy.action.url);
  const subject = singleLine(copy.subject);
  return {
    subject,
    html: renderHtml(locale, { ...copy, subject }),
    text: renderText(locale, copy),
  };
}

/** Keeps only the parameters a template declares, so nothing else is stored with the email. */
export function pickTemplateParams(
  template: string,
  params: Readonly<Record<string, string>>,
): Record<string, string> {
  if (!isEmailTemplate(template)) return {};
  const definition: AnyEmailTemplate = EMAIL_TEMPLATES[template];
  return Object.fromEntries(definition.params.map((name) => [name, params[name]]));
}
