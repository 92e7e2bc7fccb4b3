import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@oris/api/platform';
import { addDays, todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { CreateToolDto } from '../dto/tool.dto';
import { ToolWriter } from '../tools/tool-writer';
import { VersionRecorder } from '../tools/version-recorder';
import { demoCsv, demoPdf } from './demo-files';

type DemoVersion = {
  number: string;
  releasedOn: string;
  language: string;
  url?: string;
  file?: () => Promise<{ bytes: Buffer; mediaType: string; fileName: string }>;
};

interface DemoTool {
  tool: CreateToolDto;
  versions: DemoVersion[];
  validate: boolean;
}

const pdf = (fileName: string, title: string, lines: string[]) => async () => ({
  bytes: await demoPdf(title, lines),
  mediaType: 'application/pdf',
  fileName,
});

/**
 * The demo's knowledge tools over the last three years, dated from the seed day, through the
 * registry's own services (files stored and hashed like an upload). Idempotent: a tool whose
 * French title exists is left as it is.
 */
@Injectable()
export class DemoKnowledgeTools {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ToolWriter,
    private readonly versions: VersionRecorder,
  ) {}

  async seed(editorId: string, today = todayInMorocco()): Promise<{ lines: string[] }> {
    const editor: AuthenticatedUser = {
      id: editorId,
      email: 'editor@oris.example',
      roles: ['observatory_editor'],
    };
    let created = 0;
    for (const demo of demoTools(today)) {
      const [existing] = await this.dataSource.query(
        `SELECT id FROM knowledge_tool WHERE titles->>'fr' = $1`,
        [demo.tool.titles['fr']],
      );
      if (existing) continue;
      const id = await this.writer.create(editor, demo.tool);
      for (const version of demo.versions) {
        const common = {
          number: version.number,
          releasedOn: version.releasedOn,
          language: version.language,
        };
        if (version.file) {
          const file = await version.file();
          await this.versions.addFile(
            editor,
            id,
            { ...common, fileName: file.fileName, mediaType: file.mediaType },
            { bytes: file.bytes, mediaType: file.mediaType },
          );
        } else {
          await this.versions.addLink(editor, id, { ...common, url: version.url ?? null });
        }
      }
      if (demo.validate) await this.writer.validate(editor, id);
      created += 1;
    }
    return {
      lines: [
        created > 0
          ? `Knowledge tools: ${created} demo tools recorded (/tools, /observatory/tools).`
          : 'Knowledge tools: already seeded.',
      ],
    };
  }
}

function demoTools(today: string): DemoTool[] {
  const year = Number(today.slice(0, 4));
  const inYear = (offset: number, monthDay: string) => `${year - offset}-${monthDay}`;
  return [
    {
      tool: {
        titles: {
          fr: 'Guide de l’entrepreneuriat social',
          ar: 'دليل المقاولة الاجتماعية',
        },
        descriptions: {
          fr: 'Les étapes d’un projet d’entreprise sociale, de l’idée au premier financement, avec des exemples marocains.',
          ar: 'مراحل مشروع المقاولة الاجتماعية من الفكرة إلى أول تمويل، مع أمثلة مغربية.',
        },
        originalLanguage: 'fr',
        kind: 'guide',
        purpose: 'dissemination',
        orisRole: 'creator',
        licence: 'CC-BY-4.0',
      },
      versions: [
        {
          number: '1.0',
          releasedOn: inYear(2, '03-15'),
          language: 'fr',
          file: pdf('guide-entrepreneuriat-social.pdf', 'Guide de l’entrepreneuriat social', [
            'ORIS — version 1.0 (français).',
            '1. De l’idée au projet. 2. Le modèle économique. 3. Le premier financement.',
          ]),
        },
        {
          number: '1.1-ar',
          releasedOn: inYear(1, '02-10'),
          language: 'ar',
          file: async () => ({
            bytes: Buffer.from(
              'دليل المقاولة الاجتماعية — الترجمة العربية (1.1)\n١. من الفكرة إلى المشروع\n٢. النموذج الاقتصادي\n٣. أول تمويل\n',
              'utf8',
            ),
            mediaType: 'text/plain',
            fileName: 'دليل-المقاولة-الاجتماعية.txt',
          }),
        },
      ],
      validate: true,
    },
    {
      tool: {
        titles: {
          fr: 'Baromètre de l’insertion des lauréats',
          en: 'Graduate insertion barometer',
        },
        descriptions: {
          fr: 'Jeu de données agrégé par région et par formation, sans donnée personnelle.',
        },
        originalLanguage: 'fr',
        kind: 'dataset',
        purpose: 'processing',
        orisRole: 'creator',
        licence: 'ODbL-1.0',
      },
      versions: [
        {
          number: '1.0',
          releasedOn: inYear(1, '06-30'),
          language: 'fr',
          file: async () => ({
            bytes: demoCsv([
              ['region', 'formation', 'laureats', 'inseres_9_mois'],
              ['MA-04', 'Entrepreneuriat social', 42, 25],
              ['MA-06', 'Coopératives', 31, 17],
            ]),
            mediaType: 'text/csv',
            fileName: 'barometre-insertion-v1.csv',
          }),
        },
        {
          number: '2.0',
          releasedOn: addDays(today, -60),
          language: 'fr',
          file: async () => ({
            bytes: demoCsv([
              ['region', 'formation', 'laureats', 'inseres_9_mois'],
              ['MA-04', 'Entrepreneuriat social', 58, 36],
              ['MA-06', 'Coopératives', 40, 22],
              ['MA-01', 'Ingénierie de projet', 27, 15],
            ]),
            mediaType: 'text/csv',
            fileName: 'barometre-insertion-v2.csv',
          }),
        },
      ],
      validate: true,
    },
    {
      tool: {
        titles: { fr: 'Questionnaire de suivi à 6, 9 et 12 mois' },
        descriptions: {
          fr: 'Le questionnaire court envoyé aux lauréats pour connaître leur situation.',
        },
        originalLanguage: 'fr',
        kind: 'survey_instrument',
        purpose: 'collection',
        orisRole: 'creator',
        licence: 'CC-BY-SA-4.0',
      },
      versions: [
        {
          number: '1.0',
          releasedOn: addDays(today, -120),
          language: 'fr',
          file: pdf('questionnaire-suivi.pdf', 'Questionnaire de suivi', [
            'Q1. Quelle est votre situation aujourd’hui ?',
            'Q2. Depuis quand ? Q3. Dans quelle région ?',
          ]),
        },
      ],
      validate: true,
    },
    {
      tool: {
        titles: {
          fr: 'Méthode de cartographie des acteurs territoriaux',
          ar: 'منهجية خرائطية الفاعلين الترابيين',
        },
        originalLanguage: 'fr',
        kind: 'method',
        purpose: 'collection',
        orisRole: 'co_creator',
        licence: 'CC-BY-NC-4.0',
      },
      versions: [
        {
          number: '1',
          releasedOn: inYear(2, '10-01'),
          language: 'fr',
          url: 'https://oris.example/outils/cartographie-acteurs',
        },
      ],
      validate: true,
    },
    {
      tool: {
        titles: {
          fr: 'Boîte à outils des objectifs de développement durable',
          en: 'Sustainable development goals toolkit',
        },
        descriptions: { fr: 'Ressource externe recensée par l’ORIS (non créée par l’ORIS).' },
        originalLanguage: 'fr',
        kind: 'platform',
        purpose: 'dissemination',
        orisRole: 'curator',
        licence: 'CC-BY-4.0',
      },
      versions: [
        {
          number: '2023',
          releasedOn: inYear(1, '09-01'),
          language: 'en',
          url: 'https://sdgs.un.org/',
        },
      ],
      validate: true,
    },
    {
      tool: {
        titles: { fr: 'Kit de formation des coopératives', ar: 'حقيبة تكوين التعاونيات' },
        originalLanguage: 'fr',
        kind: 'training_kit',
        purpose: 'dissemination',
        orisRole: 'adapter',
        licence: 'CC-BY-SA-4.0',
      },
      versions: [
        {
          number: '0.9',
          releasedOn: addDays(today, -30),
          language: 'fr',
          file: pdf('kit-cooperatives.pdf', 'Kit de formation des coopératives', [
            'Version de travail, en attente de validation.',
          ]),
        },
      ],
      validate: false,
    },
    {
      tool: {
        titles: { fr: 'Modèle de plan d’affaires social' },
        originalLanguage: 'fr',
        kind: 'template',
        purpose: 'processing',
        orisRole: 'creator',
        licence: null,
      },
      versions: [
        {
          number: '1.0',
          releasedOn: inYear(1, '04-20'),
          language: 'fr',
          url: 'https://oris.example/outils/plan-affaires-social',
        },
      ],
      validate: true,
    },
    {
      tool: {
        titles: {
          ar: 'دليل تنشيط الورشات التشاركية',
          fr: 'Guide d’animation des ateliers participatifs',
        },
        originalLanguage: 'ar',
        kind: 'guide',
        purpose: 'collection',
        orisRole: 'adapter',
        licence: 'CC-BY-4.0',
      },
      versions: [
        {
          number: '1.0',
          releasedOn: addDays(today, -200),
          language: 'fr',
          file: pdf('ateliers-participatifs.pdf', 'Guide d’animation des ateliers participatifs', [
            'Préparer, animer et restituer un atelier participatif.',
          ]),
        },
      ],
      validate: true,
    },
  ];
}
