import { ROLES, Role } from '@oris/shared/domain';
import { UserDto } from '../dto/user.dto';
import type { User } from '../entities/user.entity';

/** Roles in the vocabulary's order, so answers are stable. */
export const sortRoles = (roles: Iterable<Role>): Role[] =>
  [...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));

export function toUserDto(user: User, roles: Iterable<Role>): UserDto {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    fullNameAr: user.fullNameAr,
    gender: user.gender,
    birthYear: user.birthYear,
    regionCode: user.regionCode,
    phone: user.phone,
    locale: user.locale,
    roles: sortRoles(roles),
    createdAt: user.createdAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
    erasedAt: user.erasedAt?.toISOString() ?? null,
    emailConfirmedAt: user.emailConfirmedAt?.toISOString() ?? null,
  };
}
