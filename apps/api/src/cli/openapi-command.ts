import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig, API_PREFIX, createOpenApiDocument } from '@oris/api/platform';
import { VersioningType } from '@nestjs/common';
import { AppModule } from '../app/app.module';

/**
 * Writes the OpenAPI document without connecting to anything: `preview` builds the module graph
 * and routes but instantiates no provider, so no database or Redis is needed.
 */
export async function writeOpenApi(config: AppConfig, file: string): Promise<string> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    {
      preview: true,
      logger: false,
    },
  );
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI });
  const document = createOpenApiDocument(app);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  return `Wrote ${file} (${Object.keys(document.paths).length} paths).`;
}
