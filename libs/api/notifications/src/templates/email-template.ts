import type { Locale } from '@oris/shared/domain';

/** What a template says in one language: plain text only; the layout escapes and formats it. */
export interface EmailCopy {
  subject: string;
  /** The one-line summary mail clients show after the subject. */
  preheader: string;
  greeting: string;
  paragraphs: string[];
  /** The email's main button; the URL is also written out for clients that hide buttons. */
  action?: { label: string; url: string };
  /** Paragraphs after the button (e.g. "if this was not you"). */
  closing?: string[];
  signature: string[];
}

/** Values every template may use besides its own parameters. */
export interface TemplateContext {
  /** Public URL of the web app, without a trailing slash. */
  webUrl: string;
}

/**
 * An email template: the parameters it needs and its copy in each language. Adding an email
 * means adding one `*.template.ts` file and one line in `templates/index.ts`.
 */
export interface EmailTemplateDefinition<P extends string = string> {
  params: readonly P[];
  copy: Record<
    Locale,
    (params: Readonly<Record<P, string>>, context: TemplateContext) => EmailCopy
  >;
}

export function defineTemplate<const P extends string>(
  definition: EmailTemplateDefinition<P>,
): EmailTemplateDefinition<P> {
  return definition;
}

/** Any template, whatever its parameters (for registries and the renderer). */
export interface AnyEmailTemplate {
  params: readonly string[];
  copy: Record<Locale, (params: never, context: TemplateContext) => EmailCopy>;
}
