// class-transformer reads design types through reflect-metadata when this class is decorated.
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { IsTrustedProxyList, parseTrustedProxies } from './trusted-proxies';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** A development-only signing secret; production refuses to start with it (see loadConfig). */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-in-production-0123456789';

/**
 * A development-only Ed25519 seed for signing credentials (public: it is in this repository);
 * production refuses to start with it (see loadConfig).
 */
export const DEV_CREDENTIAL_SIGNING_SEED =
  'f3de02adfc236de31448448efcaf06774a8a01d404689c13332cca20b7a2b486';

/**
 * Every environment variable the platform reads, with its safe development default.
 * `.env.example` mirrors this class; `loadConfig` is the only reader of `process.env`.
 */
export class AppConfig {
  /**
   * development | test | production. Production turns on secure cookies. The public development
   * JWT secret is refused unless NODE_ENV is set explicitly to development (or test).
   */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Port of the HTTP API. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  API_PORT = 3000;

  /**
   * Interface the API listens on. Loopback by default, so that a development API is not reachable
   * from the network by accident; containers and servers behind a proxy set it (e.g. `0.0.0.0`).
   */
  @IsString()
  @MinLength(1)
  API_HOST = '127.0.0.1';

  /** Public URL of the web app, used in emailed links (password reset, surveys, certificates). */
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_WEB_URL = 'http://localhost:4200';

  /**
   * The reverse proxies in front of the API, whose X-Forwarded-For entries are believed (the
   * client address behind per-IP rate limits): comma-separated addresses, CIDR networks or
   * `loopback`/`linklocal`/`uniquelocal`, or `false` when clients connect directly. Every hop
   * between the client and the API must be listed (nginx, and a TLS front before it). Neither
   * `true` nor a hop count is accepted: both let a client that reaches the API directly choose
   * its own address.
   */
  @IsTrustedProxyList()
  TRUST_PROXY = 'loopback';

  /** PostgreSQL connection string. */
  @IsUrl({ require_tld: false, protocols: ['postgres', 'postgresql'] })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/oris';

  /** Redis connection string for the job queues. */
  @IsUrl({ require_tld: false, protocols: ['redis', 'rediss'] })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /**
   * Prefix of every BullMQ key in Redis. Processes share work only under the same prefix, so
   * several installations, or parallel test files, can use one Redis without taking each other's jobs.
   */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  QUEUE_PREFIX = 'oris';

  /**
   * Secret signing access tokens (HS256). At least 32 characters; mandatory unless NODE_ENV is
   * explicitly development or test.
   */
  @IsString()
  @MinLength(32)
  JWT_SECRET = DEV_JWT_SECRET;

  /** Lifetime of an access token, in seconds. Short: the web app keeps it in memory only. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  JWT_ACCESS_TTL_SECONDS = 900;

  /** Lifetime of a refresh token (and of its rotation family), in days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  JWT_REFRESH_TTL_DAYS = 30;

  /** Mark the refresh cookie `Secure`. Defaults to true in production. */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  COOKIE_SECURE?: boolean;

  /**
   * Sign-in attempts (right or wrong) allowed per client address and minute before 429; an IPv6
   * address counts by its /64. High, because a venue's trainees share one address: guessing is
   * held back per account (LOGIN_FAILURES_BEFORE_LOCK), this only bounds one address's spraying.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_ADDRESS = 120;

  /** Registrations allowed per client address and minute (a class registering at once fits). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REGISTER_RATE_LIMIT_PER_ADDRESS = 60;

  /** "Forgot password" requests allowed per client address and minute. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS = 30;

  /**
   * Hours an emailed email-confirmation link stays valid. Longer than a reset link: it only
   * proves an address, grants no access, and a trainee may open the welcome email days later.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(720)
  EMAIL_CONFIRMATION_TTL_HOURS = 72;

  /** "Resend the confirmation email" requests allowed per account and hour (each sends an email). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EMAIL_CONFIRMATION_RESEND_PER_HOUR = 3;

  /**
   * Wrong passwords for one account (sign-in, or the current password of a password change)
   * before it is locked for LOGIN_LOCK_SECONDS. Right passwords are not counted, and one clears
   * the count.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_FAILURES_BEFORE_LOCK = 5;

  /** First lock of an account, in seconds; each further wrong password doubles it. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_SECONDS = 30;

  /**
   * Longest lock, in seconds: a stranger typing wrong passwords can delay the owner by this
   * much at a time, never lock them out for good (a password reset also lifts the lock).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCK_MAX_SECONDS = 900;

  /** Password changes (`POST /me/password`) one account may attempt per hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  PASSWORD_CHANGE_RATE_LIMIT_PER_HOUR = 10;

  /**
   * Public certificate verifications (lookups and file checks) allowed per IP and minute before
   * 429. A person checking certificates stays far below 60; benchmarks raise it so that the
   * limit (its Redis count still runs) is not what they measure.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  VERIFY_RATE_LIMIT_PER_MINUTE = 60;

  /**
   * Public searches (`GET /search`) allowed per IP and minute before 429. A person typing and
   * ticking facets stays far below 300; benchmarks raise it so that the limit is not what they
   * measure.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  SEARCH_RATE_LIMIT_PER_MINUTE = 300;

  /** SMTP URL (smtp://user:pass@host:port). Empty: emails are written as .eml files under MAIL_DROP_DIR. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['smtp', 'smtps'] })
  SMTP_URL?: string;

  /** Sender address of every email. */
  @IsEmail({ require_tld: false })
  MAIL_FROM = 'no-reply@oris.example';

  /** Folder where emails are written when no SMTP_URL is set. */
  @IsString()
  MAIL_DROP_DIR = 'data/mail';

  /**
   * Folder of stored files (certificate PDFs), relative to the working directory or absolute.
   * Back it up with the database: a certificate's stored SHA-256 refers to its file here.
   */
  @IsString()
  @MinLength(1)
  STORAGE_DIR = 'data/files';

  /**
   * Age after which the worker deletes a temporary file left in STORAGE_DIR by a write that never
   * finished (a render killed mid-write). A write takes milliseconds; the margin covers a stalled disk.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_080)
  STORAGE_TEMP_FILE_MAX_AGE_MINUTES = 60;

  /**
   * Threads of the worker that draw certificate PDFs (CPU work, kept off the thread that runs the
   * queues). Defaults to the cores the process may use; lower it to leave cores to a database on
   * the same machine.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  RENDER_THREADS = Math.max(1, availableParallelism());

  /**
   * The tsconfig that @swc-node/register compiles with when the worker runs from its TypeScript
   * sources (development, tests): the render threads use it too. Empty: the workspace's
   * `tsconfig.base.json`. Unused by a built worker.
   */
  @IsOptional()
  @IsString()
  SWC_NODE_PROJECT?: string;

  /**
   * Milliseconds between SIGTERM and closing the listening port. Meanwhile `/api/health/ready`
   * answers 503 and requests are still served, so a load balancer polling readiness stops
   * sending new requests before the port closes. Defaults to 5000 in production, 0 otherwise.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60_000)
  SHUTDOWN_DRAIN_DELAY_MS?: number;

  /**
   * Hard deadline, in milliseconds from SIGTERM, for the whole shutdown (drain delay, in-flight
   * requests, closing connections): past it the process exits with code 1. Keep it under the
   * orchestrator's grace period (compose: `stop_grace_period: 30s`).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 25_000;

  /**
   * Days a sent or failed email keeps its content (template parameters, which hold names and
   * links, and its attachment references) before the worker's retention sweep clears it. The row
   * itself stays (recipient, template, status, dates) as the trace that the email went out once.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  RETENTION_EMAIL_CONTENT_DAYS = 30;

  /**
   * Months a consent record keeps the address it was given from, as evidence, before the worker's
   * retention sweep erases the address. The consent itself (purpose, notice version, date) stays.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  RETENTION_CONSENT_IP_MONTHS = 12;

  /**
   * Ed25519 seed (32 bytes, 64 hex characters; `openssl rand -hex 32`) of the key that signs the
   * Open Badges 3.0 credentials and the revocation status list. Its public key is published in
   * the issuer's DID document. Mandatory unless NODE_ENV is explicitly development or test.
   * Rotation: move the old key's public key (`publicKeyMultibase`, `z6Mk…`, shown by the DID
   * document) to CREDENTIAL_RETIRED_PUBLIC_KEYS, then set a new seed.
   */
  @Matches(/^[0-9a-f]{64}$/)
  CREDENTIAL_SIGNING_SEED = DEV_CREDENTIAL_SIGNING_SEED;

  /**
   * Public keys of former signing keys (Ed25519 `publicKeyMultibase` values, comma-separated):
   * still listed in the DID document, so credentials they signed stay verifiable.
   */
  @Matches(/^(z6Mk[1-9A-HJ-NP-Za-km-z]{44})?(,z6Mk[1-9A-HJ-NP-Za-km-z]{44})*$/, {
    message:
      'CREDENTIAL_RETIRED_PUBLIC_KEYS must be comma-separated Ed25519 publicKeyMultibase values (z6Mk…)',
  })
  CREDENTIAL_RETIRED_PUBLIC_KEYS = '';

  /**
   * The publications registry's DOI lookup (OBSERVATORY.md): `off` (default, and in tests) or
   * `crossref` (asks https://api.crossref.org/works/<doi>). It only proposes changes to a record.
   */
  @IsIn(['off', 'crossref'])
  PUBLICATION_DOI_LOOKUP: 'off' | 'crossref' = 'off';

  /** pino log level. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** TRUST_PROXY in the form Fastify takes it: the proxies' addresses, or false for none. */
  get trustProxy(): string[] | false {
    return parseTrustedProxies(this.TRUST_PROXY);
  }

  get shutdownDrainDelayMs(): number {
    return this.SHUTDOWN_DRAIN_DELAY_MS ?? (this.isProduction ? 5_000 : 0);
  }

  /** CREDENTIAL_RETIRED_PUBLIC_KEYS as a list. */
  get credentialRetiredPublicKeys(): string[] {
    return this.CREDENTIAL_RETIRED_PUBLIC_KEYS.split(',').filter((key) => key !== '');
  }

  get cookieSecure(): boolean {
    return this.COOKIE_SECURE ?? this.isProduction;
  }
}
