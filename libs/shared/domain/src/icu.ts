// ICU messages as the interface writes them, isomorphic: the web's Transloco transpiler resolves
// its translations with these, and the words the server and the web share (the enrollment
// import's problems) are written in the same form.

// `{name, plural, =0 {…} one {…} other {…}}`: the opening of an ICU plural (never `{{`).
const PLURAL_START = /\{\s*(\w+)\s*,\s*plural\s*,/g;
// `{name, number}`: a number written as the interface writes numbers.
const NUMBER_ARGUMENT = /(?<!\{)\{\s*(\w+)\s*,\s*number\s*\}/g;

interface PluralBlock {
  start: number;
  end: number;
  name: string;
  cases: Map<string, string>;
}

/**
 * Resolves the ICU plurals and numbers of a message (`{count, plural, one {# place} other {# places}}`):
 * the case is chosen by `Intl.PluralRules` of the language (Arabic has zero, one, two, few, many
 * and other), an exact `=N` case wins, and `#` prints the number as the interface writes numbers
 * (Western digits in Arabic too), as does `{name, number}`. The `{{param}}` placeholders are left
 * for Transloco (see `fillPlaceholders`).
 */
export function resolveIcu(
  message: string,
  params: Readonly<Record<string, unknown>>,
  language: string,
): string {
  let result = '';
  let from = 0;
  for (let block = nextPlural(message, 0); block; block = nextPlural(message, block.end)) {
    result += message.slice(from, block.start) + choose(block, params, language);
    from = block.end;
  }
  result = from === 0 ? message : result + message.slice(from);
  return result.replace(NUMBER_ARGUMENT, (_, name: string) => shownNumber(params[name], language));
}

function numeric(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value !== '' ? +value : NaN;
}

function shownNumber(value: unknown, language: string): string {
  const count = numeric(value);
  return Number.isFinite(count)
    ? new Intl.NumberFormat(`${language}-MA-u-nu-latn`).format(count)
    : String(value ?? '');
}

function choose(
  block: PluralBlock,
  params: Readonly<Record<string, unknown>>,
  language: string,
): string {
  const value = params[block.name];
  const count = numeric(value);
  const known = Number.isFinite(count);
  const text =
    (known ? block.cases.get(`=${count}`) : undefined) ??
    (known ? block.cases.get(new Intl.PluralRules(language).select(count)) : undefined) ??
    block.cases.get('other') ??
    '';
  const shown = shownNumber(value, language);
  // Nested plurals are resolved first, so that only this block's own `#` becomes this number.
  return resolveIcu(text, params, language).replace(/#/g, shown);
}

function nextPlural(message: string, from: number): PluralBlock | null {
  PLURAL_START.lastIndex = from;
  for (let match = PLURAL_START.exec(message); match; match = PLURAL_START.exec(message)) {
    if (message[match.index - 1] === '{') continue;
    const cases = new Map<string, string>();
    let at = match.index + match[0].length;
    for (;;) {
      const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(message.slice(at));
      if (!selector) break;
      const open = at + selector[0].length - 1;
      const close = closingBrace(message, open);
      if (close < 0) return null;
      cases.set(selector[1], message.slice(open + 1, close));
      at = close + 1;
    }
    const end = /^\s*\}/.exec(message.slice(at));
    if (!end || !cases.has('other')) continue;
    return { start: match.index, end: at + end[0].length, name: match[1], cases };
  }
  return null;
}

function closingBrace(message: string, open: number): number {
  let depth = 0;
  for (let index = open; index < message.length; index++) {
    if (message[index] === '{') depth++;
    else if (message[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** Puts the parameters in a message's `{{name}}` placeholders (a missing one is left as it is). */
export function fillPlaceholders(
  message: string,
  params: Readonly<Record<string, unknown>>,
): string {
  return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}
