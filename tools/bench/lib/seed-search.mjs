// The search benchmark's corpus (P11): practice sheets, publications and tools as rows of
// `search_document`, the table the registries write through SearchIndexer, generated from
// per-language vocabularies with a Zipf-like frequency (a few words in many documents, most in
// few), so queries match a realistic share of the corpus rather than all of it or none.
const REGIONS = Array.from({ length: 12 }, (_, i) => `MA-${String(i + 1).padStart(2, '0')}`);
const THEMES = [
  'employment_insertion',
  'social_entrepreneurship',
  'cooperatives_social_economy',
  'education_training',
  'health_wellbeing',
  'women_empowerment',
  'youth',
  'rural_development',
  'environment_climate',
  'digital_inclusion',
];
const POPULATIONS = [
  'youth_neet',
  'women',
  'rural_households',
  'persons_with_disabilities',
  'cooperative_members',
  'project_holders',
  'smallholder_farmers',
];
const PUBLICATION_TYPES = ['journal_article', 'book', 'book_chapter', 'report', 'working_paper'];
const TOOL_KINDS = ['guide', 'method', 'survey_instrument', 'dataset', 'training_kit', 'template'];

const FUNCTION_WORDS = {
  fr: 'de la le les des et en du un une pour dans par sur au aux avec qui que est sont ont leur ses plus'.split(
    ' ',
  ),
  en: 'the of and to in a for with on by is are that their from as at this was be its'.split(' '),
  ar: 'في من على إلى عن مع هذا هذه التي الذي و أن قد كان بين لدى حول'.split(' '),
};

const CONTENT_WORDS = {
  fr: (
    'coopérative coopératives agricole agricoles femmes jeunes insertion emploi formation formations ' +
    'entrepreneuriat social sociale solidaire économie économique innovation territoire territoriale ' +
    'région rural rurale rurales village villages association associations microcrédit financement ' +
    'fonds projet projets porteurs accompagnement incubateur mentorat compétences apprentissage ' +
    'artisanat tissage safran argan olivier miel apiculture élevage irrigation eau énergie solaire ' +
    'recyclage déchets environnement climat santé mutuelle mutuelles handicap inclusion numérique ' +
    'plateforme marché commercialisation circuit court qualité label certification tourisme gîte ' +
    'patrimoine culture école décrochage scolaire alphabétisation orientation placement stage ' +
    'évaluation impact indicateurs enquête terrain résultats méthode partenariat commune conseil ' +
    'gouvernance participation citoyenne collectivité politique publique réplication échelle coût ' +
    'budget subvention bénévoles salariés revenu revenus autonomie pauvreté vulnérables migrants ' +
    'enfants personnes âgées famille ménages agriculteurs pêcheurs montagne oasis désert littoral ' +
    'Fès Meknès Drâa Tafilalet Souss Oriental Tanger Marrakech Casablanca Rabat Agadir Ouarzazate'
  ).split(' '),
  en: (
    'cooperative cooperatives farming women youth employment training trainings skills social ' +
    'enterprise enterprises entrepreneurs entrepreneurship economy innovation community communities ' +
    'region rural village villages association microcredit finance funding fund project projects ' +
    'support incubator mentoring learning crafts weaving saffron argan olive honey beekeeping ' +
    'livestock irrigation water energy solar recycling waste environment climate health insurance ' +
    'disability inclusion digital platform market marketing quality label certification tourism ' +
    'heritage culture school dropout literacy guidance placement internship evaluation impact ' +
    'indicators survey fieldwork results method partnership municipality council governance ' +
    'participation citizens public policy replication scale cost budget grant volunteers income ' +
    'autonomy poverty vulnerable migrants children elderly families households farmers fishers ' +
    'mountain oasis desert coast Fez Meknes Tangier Marrakesh Casablanca Rabat Agadir'
  ).split(' '),
  ar: (
    'التعاونيات تعاونية الفلاحية النساء الشباب الإدماج التشغيل التكوين المقاولة الاجتماعية ' +
    'الاقتصاد التضامني الابتكار المجال الترابي الجهة القروية القرى الجمعيات القروض الصغرى التمويل ' +
    'الصندوق المشروع المشاريع حاملي المواكبة الحاضنة الكفاءات التعلم الصناعة التقليدية النسيج ' +
    'الزعفران الأركان الزيتون العسل تربية الماشية السقي الماء الطاقة الشمسية التدوير النفايات ' +
    'البيئة المناخ الصحة التعاضدية الإعاقة الرقمي المنصة السوق التسويق الجودة العلامة السياحة ' +
    'التراث الثقافة المدرسة الهدر المدرسي محو الأمية التوجيه التقييم الأثر المؤشرات البحث الميداني ' +
    'النتائج المنهجية الشراكة الجماعة المجلس الحكامة المشاركة المواطنة السياسات العمومية التعميم ' +
    'الكلفة الميزانية الدعم المتطوعين الدخل الاستقلالية الفقر الهشاشة المهاجرين الأطفال المسنين ' +
    'الأسر الفلاحين الصيادين الجبل الواحة الصحراء الساحل فاس مكناس درعة تافيلالت سوس الشرق طنجة مراكش'
  ).split(' '),
};

/** A few words carry short vowels, as Arabic text sometimes does. */
const VOCALISED = new Map([
  ['التعاونيات', 'التَّعاوُنيّات'],
  ['النساء', 'النِّساء'],
  ['الاقتصاد', 'الاقْتِصاد'],
  ['التكوين', 'التَّكْوين'],
  ['المقاولة', 'المُقاوَلة'],
]);

/** A small deterministic generator, so every run measures the same corpus. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Picks the word of rank r with a weight of 1/(r+20): a long tail, a few frequent words. */
function zipfPicker(words, next) {
  const weights = words.map((_, rank) => 1 / (rank + 20));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight / total));
  return () => {
    const x = next();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

/** Syllables of the other words of a text (names, places, the rest of a language's vocabulary). */
const SYLLABLES = {
  fr: 'ba be bi bo cha che dé di do fa fi ga gé la le li lo ma mé mi mo na né ni no pa pé pi po ra ré ri ro sa sé si so ta té ti to va vé vi'.split(
    ' ',
  ),
  en: 'ba be bi bo ca ce co da de di do fa fe fi ga ge go ha he la le li lo ma me mi mo na ne no pa pe pi po ra re ri ro sa se si so ta te ti to'.split(
    ' ',
  ),
  ar: 'با بي تو تا جا جي دا دو را ري زا سا سي شا صا طا عا عي فا في قا كا لا لي ما مي نا ني ها وا يا'.split(
    ' ',
  ),
};
/** Words of the long tail per language: a real vocabulary has thousands of words, not the field's 200. */
const TAIL_WORDS = 3000;

/**
 * A language's vocabulary by rank: the field's words spread over the first ranks (one in five),
 * generated words of two to four syllables everywhere else.
 */
function vocabularyOf(language, next) {
  const field = [...CONTENT_WORDS[language]].sort(() => next() - 0.5);
  const syllables = SYLLABLES[language];
  const tail = new Set();
  while (tail.size < TAIL_WORDS) {
    const length = 2 + Math.floor(next() * 3);
    tail.add(Array.from({ length }, () => pick(next, syllables)).join(''));
  }
  const rest = [...tail];
  const ranked = [];
  while (field.length || rest.length) {
    if (field.length && (ranked.length % 5 === 0 || !rest.length)) ranked.push(field.shift());
    else ranked.push(rest.shift());
  }
  return ranked;
}

function textGenerator(next) {
  const pickers = Object.fromEntries(
    Object.keys(CONTENT_WORDS).map((language) => [
      language,
      zipfPicker(vocabularyOf(language, next), next),
    ]),
  );
  const word = (language) => {
    if (next() < 0.35) {
      const functions = FUNCTION_WORDS[language];
      return functions[Math.floor(next() * functions.length)];
    }
    const picked = pickers[language]();
    return language === 'ar' && next() < 0.3 ? (VOCALISED.get(picked) ?? picked) : picked;
  };
  const words = (language, count) => Array.from({ length: count }, () => word(language)).join(' ');
  const sentence = (language) => {
    const text = words(language, 8 + Math.floor(next() * 10));
    return language === 'ar' ? `${text}.` : `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  return {
    title: (language) => {
      const text = words(language, 5 + Math.floor(next() * 6));
      return language === 'ar' ? text : `${text[0].toUpperCase()}${text.slice(1)}`;
    },
    body: (language) =>
      Array.from({ length: 5 + Math.floor(next() * 8) }, () => sentence(language)).join(' '),
  };
}

const pick = (next, values) => values[Math.floor(next() * values.length)];
const some = (next, values, max) => {
  const count = 1 + Math.floor(next() * max);
  return [...new Set(Array.from({ length: count }, () => pick(next, values)))];
};
const dateOf = (next) => {
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 4000) * 86_400_000);
  return day.toISOString().slice(0, 10);
};
const uuidOf = (next) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => Math.floor(next() * 16).toString(16));

/** Languages of a record: the original first, then its translations. */
const LANGUAGE_SETS = [
  ['fr', 'ar'],
  ['fr', 'en'],
  ['ar', 'fr'],
  ['en', 'fr'],
];

/**
 * The corpus: `practices` practice documents (two languages per sheet), `publications`
 * publication documents (one language each) and `tools` tool documents (two per tool).
 */
export function* searchCorpus({ practices, publications, tools }) {
  const next = random(11);
  const text = textGenerator(next);
  const records = (kind, documents, languagesPerRecord) => {
    const rows = [];
    for (let made = 0; made < documents;) {
      const id = uuidOf(next);
      const set =
        languagesPerRecord === 1
          ? [pick(next, ['fr', 'fr', 'en', 'ar'])]
          : pick(next, LANGUAGE_SETS);
      const facets =
        kind === 'practice'
          ? {
              regions: some(next, REGIONS, 2),
              themes: some(next, THEMES, 2),
              populations: some(next, POPULATIONS, 2),
              evidence: 1 + Math.floor(next() * 5),
              subtype: null,
            }
          : {
              regions: [],
              themes: [],
              populations: [],
              evidence: null,
              subtype: pick(next, kind === 'tool' ? TOOL_KINDS : PUBLICATION_TYPES),
            };
      const publishedOn = dateOf(next);
      for (const [index, language] of set.entries()) {
        if (made >= documents) break;
        rows.push([
          kind,
          id,
          language,
          index === 0,
          text.title(language),
          text.body(language),
          facets.regions,
          facets.themes,
          facets.populations,
          facets.evidence,
          facets.subtype,
          publishedOn,
          `/${kind}s/${id}`,
        ]);
        made += 1;
      }
    }
    return rows;
  };
  yield* records('practice', practices, 2);
  yield* records('publication', publications, 1);
  yield* records('tool', tools, 2);
}

const COLUMNS =
  'kind, record_id, language, original, title, body, regions, themes, populations, evidence_level, subtype, published_on, path';

/** Inserts the corpus in batches of 500 rows (one statement each). */
export async function seedSearch(client, sizes) {
  let batch = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const params = [];
    const values = batch.map(
      (row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`,
    );
    await client.query(
      `INSERT INTO search_document (${COLUMNS}) VALUES ${values.join(', ')}`,
      params,
    );
    batch = [];
  };
  for (const row of searchCorpus(sizes)) {
    batch.push(row);
    if (batch.length === 500) await flush();
  }
  await flush();
  // The index's words, as SearchIndexer adds them (the typo corrections look them up).
  await client.query(`
    INSERT INTO search_word (word)
    SELECT DISTINCT w FROM search_document d,
           regexp_split_to_table(d.title_normalized || ' ' || d.body_normalized, ' ') AS w
     WHERE length(w) BETWEEN 4 AND 64
    ON CONFLICT DO NOTHING`);
}

/**
 * The query mix: French words, typos, Arabic typed without diacritics or with variants,
 * English, facets with and without words, in the visitor languages; pages of 20.
 */
export function searchRequests() {
  const queries = [
    'q=coop%C3%A9ratives%20agricoles&lang=fr',
    'q=insertion%20des%20jeunes&lang=fr',
    'q=%C3%A9conomie%20solidaire&lang=fr',
    'q=microcr%C3%A9dit&lang=fr',
    'q=formation%20femmes&lang=fr',
    'q=apiculture&lang=fr',
    'q=cooperatvies&lang=fr',
    'q=entreprenariat&lang=fr',
    'q=alphab%C3%A9tisaton&lang=fr',
    'q=safran%20tissage&lang=fr',
    `q=${encodeURIComponent('التعاونيات الفلاحية')}&lang=ar`,
    `q=${encodeURIComponent('الاقتصاد التضامني')}&lang=ar`,
    `q=${encodeURIComponent('تمكين النساء')}&lang=ar`,
    `q=${encodeURIComponent('المقاوله الاجتماعيه')}&lang=ar`,
    `q=${encodeURIComponent('الزعفران')}&lang=ar`,
    'q=women%20cooperatives&lang=en',
    'q=social%20enterprises&lang=en',
    'q=beekeping&lang=en',
    'q=coop%C3%A9rative&type=practice&region=MA-03&lang=fr',
    'q=jeunes&population=youth_neet&evidence=3,4,5&lang=fr',
    `q=${encodeURIComponent('الشباب')}&type=practice&theme=youth&lang=ar`,
    'q=impact&type=publication&lang=en',
    'type=practice&region=MA-01&lang=fr',
    'type=tool&lang=fr&page=2',
    'type=publication&lang=ar',
    'theme=rural_development&population=women&lang=fr',
  ];
  return queries.map((query) => ({ method: 'GET', path: `/api/v1/search?${query}` }));
}

/**
 * The same mix with the cache of answers out of play: every request distinct from every other
 * (the mix's queries in each visitor language, on pages 1 to 10 of 15 to 25 results: 8,580
 * searches, none deeper than the 300 ranked candidates), in a fixed shuffled order. `next()`
 * hands them out one after the other across every connection and run, so none is asked twice
 * in a benchmark's lifetime (P11 sends far fewer).
 */
export function coldSearchRequests() {
  const paths = [];
  for (const { path } of searchRequests()) {
    const [route, query] = path.split('?');
    for (const lang of ['fr', 'ar', 'en']) {
      for (let page = 1; page <= 10; page += 1) {
        for (let pageSize = 15; pageSize <= 25; pageSize += 1) {
          const params = new URLSearchParams(query);
          params.set('lang', lang);
          params.set('page', String(page));
          params.set('pageSize', String(pageSize));
          paths.push(`${route}?${params}`);
        }
      }
    }
  }
  const next = random(17);
  for (let i = paths.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [paths[i], paths[j]] = [paths[j], paths[i]];
  }
  let position = 0;
  return {
    size: paths.length,
    get sent() {
      return position;
    },
    next: () => paths[position++ % paths.length],
  };
}
