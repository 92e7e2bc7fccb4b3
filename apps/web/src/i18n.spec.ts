import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENDERS, ROLES } from '@oris/shared/domain';

type Tree = { [key: string]: string | Tree };

const I18N_DIR = join(__dirname, '..', 'public', 'i18n');
const SOURCE_DIRS = [join(__dirname), join(__dirname, '..', '..', '..', 'libs', 'web')];

function load(language: string): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (tree: Tree, prefix: string): void => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') flat.set(path, value);
      else walk(value, path);
    }
  };
  walk(JSON.parse(readFileSync(join(I18N_DIR, `${language}.json`), 'utf8')) as Tree, '');
  return flat;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|html)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('translations', () => {
  const fr = load('fr');
  const languages = { ar: load('ar'), en: load('en') };

  it.each(Object.entries(languages))('has every French key in %s, and no other', (_, other) => {
    expect([...other.keys()].sort()).toEqual([...fr.keys()].sort());
  });

  // The placeholders of each language, ICU plurals included, are compared in translations.spec.ts:
  // a language may word a count through a plural where French prints `{{count}}`.

  it('leaves no text empty', () => {
    for (const texts of [fr, ...Object.values(languages)]) {
      expect([...texts].filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('has a text for every key the code uses', () => {
    const namespaces = new Set([...fr.keys()].map((key) => key.split('.')[0]));
    const used = new Set<string>();
    for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
      for (const [, key] of readFileSync(file, 'utf8').matchAll(
        /['"`]([a-zA-Z]+(?:\.[a-zA-Z_]+)+)['"`]/g,
      )) {
        if (namespaces.has(key.split('.')[0])) used.add(key);
      }
    }
    const objects = new Set(
      [...fr.keys()].flatMap((key) =>
        key
          .split('.')
          .slice(0, -1)
          .map((_, i, parts) => parts.slice(0, i + 1).join('.')),
      ),
    );

    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !fr.has(key) && !objects.has(key))).toEqual([]);
  });

  it('names every role and gender', () => {
    for (const role of ROLES) expect(fr.has(`roles.${role}`)).toBe(true);
    for (const gender of GENDERS) expect(fr.has(`genders.${gender}`)).toBe(true);
  });
});
