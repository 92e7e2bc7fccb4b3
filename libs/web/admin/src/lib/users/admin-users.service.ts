import { inject, Injectable } from '@angular/core';
import { unwrap, type UserDto, type UserPageDto, type UsersQuery } from '@oris/shared/api-client';
import type { Role } from '@oris/shared/domain';
import { AuthSession, ORIS_API } from '@oris/web/core';

/** The administrators' view of accounts and the roles they hold. */
@Injectable({ providedIn: 'root' })
export class AdminUsersService {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);

  list(query: UsersQuery): Promise<UserPageDto> {
    return unwrap(this.api.GET('/api/v1/users', { params: { query } }));
  }

  async grantRole(userId: string, role: Role): Promise<UserDto> {
    return this.keepSessionInStep(
      await unwrap(
        this.api.PUT('/api/v1/users/{id}/roles/{role}', { params: { path: { id: userId, role } } }),
      ),
    );
  }

  async revokeRole(userId: string, role: Role): Promise<UserDto> {
    return this.keepSessionInStep(
      await unwrap(
        this.api.DELETE('/api/v1/users/{id}/roles/{role}', {
          params: { path: { id: userId, role } },
        }),
      ),
    );
  }

  /** Effective on the person's next request: their sessions end at once. */
  disable(userId: string): Promise<UserDto> {
    return unwrap(
      this.api.PUT('/api/v1/users/{id}/disabled', { params: { path: { id: userId } } }),
    );
  }

  enable(userId: string): Promise<UserDto> {
    return unwrap(
      this.api.DELETE('/api/v1/users/{id}/disabled', { params: { path: { id: userId } } }),
    );
  }

  /** Law 09-08 erasure on the person's request: anonymised everywhere; cannot be undone. */
  erase(userId: string): Promise<UserDto> {
    return unwrap(
      this.api.POST('/api/v1/users/{id}/erasure', { params: { path: { id: userId } } }),
    );
  }

  /** An administrator changing their own roles sees the navigation follow. */
  private keepSessionInStep(user: UserDto): UserDto {
    this.session.updateUser(user);
    return user;
  }
}
