import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, configureHttpApp, loadConfig, requestIdOf } from '@oris/api/platform';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

/** The API exactly as production runs it; tests call this with their own configuration. */
export async function createApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter({
      trustProxy: true,
      bodyLimit: 1_048_576,
      requestIdHeader: false,
      genReqId: requestIdOf,
    }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await configureHttpApp(app);
  return app;
}
