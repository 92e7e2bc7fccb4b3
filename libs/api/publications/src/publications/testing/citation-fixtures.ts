/** Citation files as editors paste them: Arabic titles, a broken entry, an entry without a date. */
export const BIBTEX_FIXTURE = `% Exported from a reference manager
@string{rms = {Revue marocaine des sciences sociales}}

@article{benali2025,
  title     = {Les coopératives féminines de l'arganier},
  author    = {Benali, Samira and {Al Amrani}, Youssef},
  journal   = rms,
  year      = {2025},
  month     = mar,
  volume    = {12},
  number    = {3},
  pages     = {45--67},
  doi       = {https://doi.org/10.5555/ORIS.2025.1},
  issn      = {0317-8471},
}

@book{alaoui2024,
  title     = {التعاونيات والتنمية المحلية في جهة فاس مكناس},
  author    = {العلوي, يوسف},
  year      = {2024},
  isbn      = {978-3-16-148410-0},
  publisher = {دار الأمان},
}

@article{broken,
  title = {An entry whose braces never close,
  year = {2024}

@techreport{nodate,
  title = {Working paper without a year},
  author = {Doe, Jane},
  type = {Working paper},
}
`;

export const RIS_FIXTURE = `TY  - JOUR
TI  - Social innovation hubs in Morocco
AU  - Benali, Samira
PY  - 2023/06/15
DO  - doi:10.5555/ORIS.2023.7
T2  - Journal of Social Innovation
VL  - 4
IS  - 2
SP  - 10
EP  - 20
SN  - 0317-8471
LA  - en
ER  - 

TY  - CHAP
TI  - الاقتصاد الاجتماعي والتضامني
AU  - بنعلي, سميرة
PY  - 2022
ER  - 
`;

export const CSL_FIXTURE = JSON.stringify([
  {
    type: 'paper-conference',
    title: 'Incubation sociale : leçons de trois régions',
    author: [{ family: 'Tazi', given: 'Karim' }],
    issued: { 'date-parts': [[2024, 10]] },
    DOI: '10.5555/oris.2024.3',
    language: 'fr',
  },
  { type: 'article-journal', title: '', issued: { 'date-parts': [[2024]] } },
  {
    type: 'article-journal',
    title: 'Bad DOI',
    DOI: '10.12/x',
    issued: { 'date-parts': [[2024, 1, 2]] },
  },
]);
