import { parseArgs } from 'node:util';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import { CommandInputError, IdentityCommands, IdentityModule } from '@oris/api/identity';
import { AppConfig, ConfigModule, JobsModule } from '@oris/api/platform';

/** Just what the identity commands need: no HTTP server, no logging middleware. */
@Module({})
class IdentityCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityCliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-cli'),
        JobsModule.forRoot(),
        IdentityModule,
      ],
    };
  }
}

async function withIdentityCommands<T>(
  config: AppConfig,
  run: (commands: IdentityCommands) => Promise<T>,
): Promise<T> {
  const context = await NestFactory.createApplicationContext(IdentityCliModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    return await run(context.get(IdentityCommands));
  } finally {
    await context.close();
  }
}

export function createAdmin(config: AppConfig, args: string[]): Promise<string> {
  let values: { email?: string; password?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return Promise.reject(new CommandInputError((error as Error).message));
  }
  const { email, password, name } = values;
  if (!email || !password) {
    return Promise.reject(
      new CommandInputError(
        'Usage: admin:create --email <email> --password <password> [--name <full name>]',
      ),
    );
  }
  return withIdentityCommands(config, (commands) =>
    commands.createAdmin({ email, password, name }),
  );
}
