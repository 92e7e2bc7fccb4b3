import { Injectable } from '@nestjs/common';
import { User, UserRole } from '@oris/api/identity';
import { EntityManager, In } from 'typeorm';

export interface PersonRef {
  id: string;
  fullName: string;
}

/** The few facts about people the catalogue needs: names to show, and who is a trainer. */
@Injectable()
export class People {
  /** Names by id, in the order asked; unknown ids are left out. */
  async refs(manager: EntityManager, ids: readonly string[]): Promise<PersonRef[]> {
    if (ids.length === 0) return [];
    const users = await manager.find(User, {
      where: { id: In([...new Set(ids)]) },
      select: { id: true, fullName: true },
    });
    const byId = new Map(users.map((user) => [user.id, user.fullName]));
    return ids.flatMap((id) => {
      const fullName = byId.get(id);
      return fullName === undefined ? [] : [{ id, fullName }];
    });
  }

  /** The ids among these that are not active trainers (unknown, disabled, or without the role). */
  async notTrainers(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await manager
      .createQueryBuilder(UserRole, 'role')
      .innerJoin('role.user', 'user')
      .select('role.userId', 'userId')
      .where('role.userId IN (:...ids)', { ids })
      .andWhere(`role.role = 'trainer'`)
      .andWhere('user.disabledAt IS NULL')
      .getRawMany<{ userId: string }>();
    const trainers = new Set(rows.map((row) => row.userId));
    return ids.filter((id) => !trainers.has(id));
  }
}
