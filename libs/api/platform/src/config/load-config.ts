import { existsSync } from 'node:fs';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AppConfig, DEV_CREDENTIAL_SIGNING_SEED, DEV_JWT_SECRET } from './app-config';

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidConfigError';
  }
}

const describe = (error: ValidationError): string =>
  `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (got ${JSON.stringify(
    error.value,
  )})`;

/**
 * Reads and validates the environment once. Empty strings count as unset so that
 * `.env.example` can list every variable without overriding the defaults.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig()).concat('COOKIE_SECURE', 'SMTP_URL');
  const given: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') given[key] = value;
  }
  const config = plainToInstance(AppConfig, given, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  const problems = errors.map(describe);
  // The development secret is public (it is in this repository): anyone could sign tokens with
  // it. It is accepted only where someone said, explicitly, that this is not a deployment.
  const explicitlyNotDeployed = given['NODE_ENV'] === 'development' || given['NODE_ENV'] === 'test';
  if (config.JWT_SECRET === DEV_JWT_SECRET && !explicitlyNotDeployed) {
    problems.push(
      'JWT_SECRET: must be set to a private value (the development default is accepted only with NODE_ENV=development set explicitly)',
    );
  }
  if (config.CREDENTIAL_SIGNING_SEED === DEV_CREDENTIAL_SIGNING_SEED && !explicitlyNotDeployed) {
    problems.push(
      'CREDENTIAL_SIGNING_SEED: must be set to a private value (the development default is accepted only with NODE_ENV=development set explicitly)',
    );
  }
  if (problems.length > 0) throw new InvalidConfigError(problems);
  return config;
}

/**
 * The configuration of commands that only describe the code (the OpenAPI document, a generated
 * migration): they sign nothing and serve no one, so they run without a deployment's secrets; CI
 * checks the OpenAPI document with no environment at all. A NODE_ENV that is set still wins.
 */
export function loadCodeDescriptionConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return loadConfig({ NODE_ENV: 'development', ...env });
}

/**
 * Reads a local `.env` (development convenience) into the environment without overriding
 * variables already set. Entry points call it once, before `loadConfig`.
 */
export function loadEnvFile(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
