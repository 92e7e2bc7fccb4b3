/**
 * Moves the headings of a module's content one level down (h1 → h2 … h5 → h6), so that they sit
 * under the page's own h1, the module's title: authors often open their Markdown with "# Title".
 * Only tag names change; the HTML is still inserted through Angular's sanitizer afterwards.
 */
export function demoteHeadings(html: string): string {
  return html.replace(
    /<(\/?)h([1-5])(?=[\s>/])/gi,
    (_tag, slash: string, level: string) => `<${slash}h${Number(level) + 1}`,
  );
}
