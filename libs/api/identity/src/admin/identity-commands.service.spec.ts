import type { AppConfig } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import type { AccountAccess } from '../access/account-access';
import type { PasswordHasher } from '../passwords/password-hasher.service';
import type { RolesService } from '../users/roles.service';
import { CommandInputError, IdentityCommands } from './identity-commands.service';

describe('IdentityCommands', () => {
  const untouchable = new Proxy(
    {},
    {
      get: (_target, property) => {
        throw new Error(`touched ${String(property)}`);
      },
    },
  );
  const commands = (config: Partial<AppConfig>) =>
    new IdentityCommands(
      untouchable as DataSource,
      untouchable as PasswordHasher,
      untouchable as RolesService,
      config as AppConfig,
      untouchable as AccountAccess,
    );

  it('refuses to seed demo accounts in production, before touching the database', async () => {
    await expect(commands({ isProduction: true }).seedDemo()).rejects.toThrow(CommandInputError);
  });

  it('refuses an administrator with a common password, before touching the database', async () => {
    await expect(
      commands({ isProduction: true }).createAdmin({
        email: 'root@oris.ma',
        password: 'motdepasse1',
      }),
    ).rejects.toThrow(/--password is too common/);
  });

  it('refuses an administrator without a valid email', async () => {
    await expect(
      commands({}).createAdmin({ email: 'root', password: 'cedre-atlas-2026!' }),
    ).rejects.toThrow(/--email/);
  });
});
