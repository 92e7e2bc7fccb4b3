import 'reflect-metadata';
import {
  AppConfig,
  createOpenApiDocument,
  handleShutdownSignals,
  InvalidConfigError,
  loadEnvFile,
  serveOpenApi,
} from '@oris/api/platform';
import { createApp } from './app/create-app';

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const app = await createApp();
  serveOpenApi(app, createOpenApiDocument(app));
  const config = app.get(AppConfig);
  handleShutdownSignals(app);
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
}

bootstrap().catch((error: unknown) => {
  // Before the logger exists, stderr is the only place a misconfiguration can be reported.
  process.stderr.write(
    `${error instanceof InvalidConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
