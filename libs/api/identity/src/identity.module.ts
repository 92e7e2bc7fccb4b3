import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@oris/api/notifications';
import { RegionsModule } from '@oris/api/regions';
import { AccountAccess } from './access/account-access';
import { JwtAuthGuard } from './access/jwt-auth.guard';
import { RolesGuard } from './access/roles.guard';
import { RouteAccess } from './access/route-access';
import { IdentityCommands } from './admin/identity-commands.service';
import { AuditEvent } from './audit/audit-event.entity';
import { AuditLog } from './audit/audit-log.service';
import { AuditEventsController } from './audit/audit-events.controller';
import { AuditTrail } from './audit/audit-trail.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { EmailConfirmationService } from './auth/email-confirmation.service';
import { IdentityEmails } from './auth/identity-emails';
import { PasswordResetService } from './auth/password-reset.service';
import { ConsentController } from './consent/consent.controller';
import { ConsentGuard } from './consent/consent.guard';
import { ConsentHooks } from './consent/consent-hooks';
import { ConsentRecords } from './consent/consent-records.service';
import { Consent } from './entities/consent.entity';
import { EmailConfirmationToken } from './entities/email-confirmation-token.entity';
import { PasswordResetToken } from './entities/password-reset-token.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';
import { UserRole } from './entities/user-role.entity';
import { MyDataService } from './my-data/my-data.service';
import { AccountErasure } from './erasure/account-erasure.service';
import { ErasureParticipants } from './erasure/erasure-participants';
import { PasswordHasher } from './passwords/password-hasher.service';
import { RateLimitModule } from '@oris/api/platform';
import { AccessTokens } from './tokens/access-tokens.service';
import { RefreshTokens } from './tokens/refresh-tokens.service';
import { MeController } from './users/me.controller';
import { AccountDisabling } from './users/account-disabling.service';
import { RolesService } from './users/roles.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/**
 * Accounts, sessions and roles. Importing it closes the whole HTTP app by default: its guards
 * demand a valid access token on every route not marked `@Public()`, and honour `@Roles()`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      User,
      UserRole,
      Consent,
      RefreshToken,
      PasswordResetToken,
      EmailConfirmationToken,
      AuditEvent,
    ]),
    // Keys and algorithm are passed on every call by AccessTokens, so nothing is configured here.
    JwtModule.register({}),
    RegionsModule,
    NotificationsModule,
    RateLimitModule,
  ],
  controllers: [
    AuthController,
    MeController,
    ConsentController,
    UsersController,
    AuditEventsController,
  ],
  providers: [
    AccessTokens,
    RouteAccess,
    RefreshTokens,
    PasswordHasher,
    IdentityEmails,
    AuthService,
    PasswordResetService,
    EmailConfirmationService,
    UsersService,
    RolesService,
    AccountAccess,
    AccountDisabling,
    AuditLog,
    AuditTrail,
    IdentityCommands,
    MyDataService,
    AccountErasure,
    ErasureParticipants,
    ConsentHooks,
    ConsentRecords,
    // Order matters: authentication first, then roles, then consent.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: ConsentGuard },
  ],
  exports: [
    AuditLog,
    UsersService,
    IdentityCommands,
    AccessTokens,
    AccountAccess,
    ConsentHooks,
    ConsentRecords,
    ErasureParticipants,
  ],
})
export class IdentityModule {}
