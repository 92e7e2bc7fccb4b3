import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase } from '@oris/api/database/testing';
import { InsertionYearSource, YEAR_INDICATOR_SOURCES } from '@oris/api/indicators';
import {
  configureHttpApp,
  createRootLogger,
  loadConfig,
  PinoLoggerService,
} from '@oris/api/platform';
import {
  type CountedRecord,
  type ImpactIndicator,
  type Locale,
  type YearIndicatorFigures,
  type YearIndicatorQuery,
  type YearIndicatorSource,
} from '@oris/shared/domain';
import { AppModule } from '../../src/app/app.module';
import type { TestApp } from '../support/test-app';

/** A record of a test registry: counted in `year` once recorded (by `recordedAt`). */
export interface TestRecord {
  id: string;
  year: number;
  label: string;
  recordedAt: Date;
}

/**
 * A small registry held in memory, implementing the year source contract as the registries do:
 * the records of the year known at `knownAt`, counted by id, with a versioned definition.
 */
export class TestYearSource implements YearIndicatorSource {
  readonly records: TestRecord[] = [];

  constructor(
    readonly indicator: ImpactIndicator,
    private readonly version = `${indicator}-test-1`,
  ) {}

  add(record: Omit<TestRecord, 'recordedAt'>, recordedAt = new Date()): void {
    this.records.push({ ...record, recordedAt });
  }

  async compute(query: YearIndicatorQuery): Promise<YearIndicatorFigures> {
    const counted = this.records
      .filter((record) => record.year === query.year && record.recordedAt <= query.knownAt)
      .map((record) => record.id)
      .sort();
    return {
      indicator: this.indicator,
      year: query.year,
      asOf: query.asOf,
      knownAt: query.knownAt.toISOString(),
      value: counted.length,
      companions: [{ key: 'recorded', value: counted.length }],
      breakdown: [],
      counted,
      definition: {
        version: this.version,
        text: {
          fr: `Enregistrements ${this.indicator} de l’année ; connus le ${query.knownAt.toISOString()}.`,
          ar: `سجلات ${this.indicator} للسنة؛ المعروفة في ${query.knownAt.toISOString()}.`,
          en: `${this.indicator} records of the year; as known on ${query.knownAt.toISOString()}.`,
        },
      },
    };
  }

  async describe(ids: readonly string[], locale: Locale): Promise<CountedRecord[]> {
    return ids.flatMap((id) => {
      const record = this.records.find((candidate) => candidate.id === id);
      return record
        ? [
            {
              id,
              label: `${record.label} (${locale})`,
              date: `${record.year}-06-01`,
              path: `/observatory/${this.indicator}/${id}`,
            },
          ]
        : [];
    });
  }
}

/**
 * The real API (as startTestApp boots it) whose year sources are the real insertion one and the
 * given test sources, provided through the impact module's token as the app wires the registries.
 */
export async function startImpactTestApp(sources: YearIndicatorSource[]): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-${database.name}`,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, createRootLogger(config))],
  })
    .overrideProvider(YEAR_INDICATOR_SOURCES)
    .useFactory({
      factory: (insertion: InsertionYearSource) => [insertion, ...sources],
      inject: [InsertionYearSource],
    })
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(PinoLoggerService));
  await configureHttpApp(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    config,
    database,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
