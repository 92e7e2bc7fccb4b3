import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, pageOf, RequestValidationException } from '@oris/api/platform';
import { RegionsService } from '@oris/api/regions';
import type { Role } from '@oris/shared/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { ConsentRecords } from '../consent/consent-records.service';
import { MeDto } from '../dto/consent.dto';
import { UpdateMeDto } from '../dto/me.dto';
import { UserDto } from '../dto/user.dto';
import { UserListQuery } from '../dto/user-list.query';
import { User } from '../entities/user.entity';
import { UserRole } from '../entities/user-role.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { toUserDto } from './user.mapper';

export const PERSONAL_DATA_VIEWED = 'personal_data.viewed';

/** `%`, `_` and `\` typed by a person are matched literally by ILIKE … ESCAPE '\'. */
export const escapeLike = (text: string): string =>
  text.replace(/[\\%_]/g, (character) => `\\${character}`);

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly audit: AuditLog,
    private readonly consents: ConsentRecords,
  ) {}

  /** The signed-in person, with whether they must answer the consent prompt. */
  async getMe(id: string, manager: EntityManager = this.dataSource.manager): Promise<MeDto> {
    const user = await this.get(id, manager);
    return { ...user, consent: await this.consents.status(id, user.roles, manager) };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserDto> {
    const user = await manager.findOne(User, { where: { id } });
    if (!user)
      throw new IdentityException(IdentityErrorCode.UserNotFound, `No user with id ${id}.`);
    return toUserDto(user, await this.rolesOf(manager, id));
  }

  /** Law 09-08: staff reading someone's personal data leaves a trace. */
  getForStaff(actorId: string, id: string): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.get(id, manager);
      if (actorId !== id) {
        await this.audit.record(manager, {
          actorId,
          action: PERSONAL_DATA_VIEWED,
          subjectType: 'user',
          subjectId: id,
        });
      }
      return user;
    });
  }

  async rolesOf(manager: EntityManager, userId: string): Promise<Role[]> {
    const rows = await manager.find(UserRole, { where: { userId }, select: { role: true } });
    return rows.map((row) => row.role);
  }

  async list(query: UserListQuery): Promise<Page<UserDto>> {
    const builder = this.dataSource.manager
      .createQueryBuilder(User, 'u')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'ASC')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.q) {
      builder.andWhere(
        `(u.email ILIKE :pattern ESCAPE '\\' OR u.fullName ILIKE :pattern ESCAPE '\\' OR u.fullNameAr ILIKE :pattern ESCAPE '\\')`,
        { pattern: `%${escapeLike(query.q)}%` },
      );
    }
    if (query.role) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM user_role filter WHERE filter.user_id = u.id AND filter.role = :role)',
        { role: query.role },
      );
    }
    const [users, total] = await builder.getManyAndCount();
    const roles = users.length
      ? await this.dataSource.manager.find(UserRole, {
          where: { userId: In(users.map((user) => user.id)) },
        })
      : [];
    const items = users.map((user) =>
      toUserDto(
        user,
        roles.filter((row) => row.userId === user.id).map((row) => row.role),
      ),
    );
    return pageOf(items, total, query);
  }

  async updateProfile(id: string, changes: UpdateMeDto): Promise<MeDto> {
    if (changes.regionCode !== undefined) await this.assertRegion(changes.regionCode);
    const patch: Partial<User> = {};
    for (const key of [
      'fullName',
      'fullNameAr',
      'gender',
      'birthYear',
      'regionCode',
      'phone',
      'locale',
    ] as const) {
      if (changes[key] !== undefined) Object.assign(patch, { [key]: changes[key] });
    }
    if (Object.keys(patch).length > 0) await this.dataSource.manager.update(User, { id }, patch);
    return this.getMe(id);
  }

  /** The DTO checks the vocabulary; this checks the database, which is the reference. */
  async assertRegion(code: string): Promise<void> {
    if (!(await this.regions.exists(code))) {
      throw new RequestValidationException([
        { field: 'regionCode', message: 'regionCode must be one of the 12 regions' },
      ]);
    }
  }
}
