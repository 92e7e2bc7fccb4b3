import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import {
  answerClientError,
  AppConfig,
  configureHttpApp,
  createRootLogger,
  loadConfig,
  PinoLoggerService,
  requestIdOf,
} from '@oris/api/platform';
import { AppModule } from './app.module';

/** The API exactly as production runs it; tests call this with their own configuration. */
export async function createApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    new FastifyAdapter({
      loggerInstance: logger,
      // request-logging.ts writes one line per request with the fields we need; Fastify's own two
      // lines per request would repeat it. (The top-level disableRequestLogging option is deprecated.)
      logController: new LogController({ disableRequestLogging: true }),
      trustProxy: config.trustProxy,
      bodyLimit: 1_048_576,
      requestIdHeader: false,
      genReqId: requestIdOf,
      // What Node's HTTP parser refuses (431 headers, 400 malformed) as problem+json too.
      clientErrorHandler: answerClientError,
    }),
    // configureHttpApp registers the one JSON parser (depth and string checks) instead of Nest's.
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(PinoLoggerService));
  await configureHttpApp(app);
  return app;
}
