/**
 * Examples of the search normalisation, input and expected result: search.spec.ts checks
 * `normalizeForSearch` on them, and apps/api/test/catalogue/search.api-test.ts PostgreSQL's
 * `oris_search_normalize`, so both are held to the same table.
 */
export const SEARCH_NORMALIZATION_CASES: [input: string, expected: string][] = [
  ['Coopérative', 'cooperative'],
  ['COOPÉRATIVE', 'cooperative'],
  ['Meknès', 'meknes'],
  ['Fès-Meknès', 'fes meknes'],
  ['ES-101', 'es 101'],
  ['  ES   101 ', 'es 101'],
  ['l’économie sociale et solidaire', 'l economie sociale et solidaire'],
  [
    'Entrepreneuriat social : de l’idée au modèle économique',
    'entrepreneuriat social de l idee au modele economique',
  ],
  ['Œuvre, cœur, Ægis, straße', 'oeuvre coeur aegis strasse'],
  ['Drâa-Tafilalet, Laâyoune, Al Hoceïma', 'draa tafilalet laayoune al hoceima'],
  ['e\u0301te\u0301 (NFD)', 'ete nfd'],
  ['100% _sûr_ \\', '100 sur'],
  ['«Guide» – n°3 ; 2026/2027', 'guide n 3 2026 2027'],
  ['', ''],
  ['?!…', ''],
  // Arabic: diacritics and tatweel dropped.
  ['الاقتصادُ الاجتماعيُّ', 'الاقتصاد الاجتماعي'],
  ['تَسْيِيرُ التَّعَاوُنِيَّاتِ', 'تسيير التعاونيات'],
  ['مـــقـــاولـــة', 'مقاوله'],
  // Alef variants, alef maqsura and Persian yeh, hamza carriers, teh marbuta, keheh.
  ['إدارة أعمال آمنة ٱلمشروع', 'اداره اعمال امنه المشروع'],
  ['على مستوى', 'علي مستوي'],
  ['ی', 'ي'],
  ['مؤسسة رئيسية', 'موسسه رييسيه'],
  ['کتاب', 'كتاب'],
  // Digits: Arabic-Indic and Persian become ASCII; Arabic punctuation separates words.
  ['دورة ٢٠٢٦، الفوج ۳؛ هل؟', 'دوره 2026 الفوج 3 هل'],
  // Tifinagh letters are kept.
  ['ⵜⴰⵎⴰⵣⵉⵖⵜ', 'ⵜⴰⵎⴰⵣⵉⵖⵜ'],
  // Direction marks and isolates copied with a text are invisible, not separators.
  ['\u2068ES-101\u2069 مقا\u200Fولة', 'es 101 مقاوله'],
  // Mixed scripts.
  ['Formation تكوين ES-101', 'formation تكوين es 101'],
];
