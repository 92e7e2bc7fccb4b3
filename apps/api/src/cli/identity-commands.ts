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

const CREATE_ADMIN_USAGE =
  'Usage: admin:create --email <email> (--password <password> | --password-stdin) [--name <full name>] [--promote]';

/**
 * The password from standard input (one line; the final line break is not part of it), so that
 * it stays out of the shell history and of the process list.
 */
async function readPasswordFromStdin(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function createAdmin(
  config: AppConfig,
  args: string[],
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  let values: {
    email?: string;
    password?: string;
    'password-stdin'?: boolean;
    name?: string;
    promote?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        name: { type: 'string' },
        promote: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CommandInputError(`${(error as Error).message}\n${CREATE_ADMIN_USAGE}`);
  }
  const { email, name, promote } = values;
  const fromStdin = values['password-stdin'] ?? false;
  if (!email || fromStdin === (values.password !== undefined)) {
    throw new CommandInputError(CREATE_ADMIN_USAGE);
  }
  const password = fromStdin ? await readPasswordFromStdin(stdin) : (values.password as string);
  return withIdentityCommands(config, (commands) =>
    commands.createAdmin({ email, password, name, promote: promote ?? false }),
  );
}
