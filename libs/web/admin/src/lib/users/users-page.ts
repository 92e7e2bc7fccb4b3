import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ApiError, type UserDto, type UserPageDto } from '@oris/shared/api-client';
import { type Role, ROLES } from '@oris/shared/domain';
import { latestLoad, RegionsService } from '@oris/web/core';
import { Icon, Pager, ProblemAlert, transientText } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { AdminUsersService } from './admin-users.service';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

@Component({
  selector: 'oris-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatMenuModule,
    Pager,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly users = inject(AdminUsersService);
  private readonly transloco = inject(TranslocoService);
  private readonly confirmation = inject(Confirmation);
  protected readonly regions = inject(RegionsService);

  protected readonly roles = ROLES;
  protected readonly columns = ['name', 'email', 'region', 'roles', 'actions'];
  protected readonly pageSize = PAGE_SIZE;
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly roleFilter = new FormControl<Role | ''>('', { nonNullable: true });

  private readonly list = latestLoad<UserPageDto>();
  protected readonly result = this.list.value;
  protected readonly loading = this.list.loading;
  /** An action's problem, else the list's. */
  private readonly actionProblem = signal<ApiError | null>(null);
  protected readonly problem = computed(() => this.actionProblem() ?? this.list.problem());
  /** Announced to screen readers after a role change. */
  protected readonly announcement = transientText();
  private page = 1;

  constructor() {
    this.regions.load().catch(() => undefined);
    this.search.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe(() => this.showFirstPage());
    this.roleFilter.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.showFirstPage());
    void this.loadUsers();
  }

  /** Keeps a person's row (and an open menu) in place when the list is reloaded. */
  protected readonly trackById = (_index: number, user: UserDto): string => user.id;

  protected showPage(page: number): void {
    this.page = page;
    void this.loadUsers();
  }

  protected async toggleRole(user: UserDto, role: Role): Promise<void> {
    const granting = !user.roles.includes(role);
    this.actionProblem.set(null);
    try {
      const updated = granting
        ? await this.users.grantRole(user.id, role)
        : await this.users.revokeRole(user.id, role);
      this.replaceUser(updated);
      this.announcement.set(
        this.transloco.translate(granting ? 'admin.users.granted' : 'admin.users.revoked', {
          role: this.transloco.translate(`roles.${role}`),
          name: updated.fullName,
        }),
      );
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  protected async toggleDisabled(user: UserDto): Promise<void> {
    const disabling = user.disabledAt === null;
    this.actionProblem.set(null);
    try {
      const updated = disabling
        ? await this.users.disable(user.id)
        : await this.users.enable(user.id);
      this.replaceUser(updated);
      this.announcement.set(
        this.transloco.translate(disabling ? 'admin.users.disabled' : 'admin.users.enabled', {
          name: updated.fullName,
        }),
      );
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  protected async eraseAccount(user: UserDto): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'admin.users.erase.confirmTitle',
      textKey: 'admin.users.erase.confirmText',
      confirmKey: 'admin.users.erase.confirm',
      params: { name: user.fullName },
      destructive: true,
    });
    if (!confirmed) return;
    this.actionProblem.set(null);
    try {
      this.replaceUser(await this.users.erase(user.id));
      this.announcement.set(
        this.transloco.translate('admin.users.erase.done', { name: user.fullName }),
      );
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  private showFirstPage(): void {
    this.page = 1;
    void this.loadUsers();
  }

  private async loadUsers(): Promise<void> {
    const q = this.search.value.trim();
    const role = this.roleFilter.value;
    const landed = await this.list.load(() =>
      this.users.list({
        page: this.page,
        pageSize: PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(role ? { role } : {}),
      }),
    );
    if (landed) this.actionProblem.set(null);
  }

  private replaceUser(updated: UserDto): void {
    this.list.update(
      (page) =>
        page && {
          ...page,
          items: page.items.map((user) => (user.id === updated.id ? updated : user)),
        },
    );
  }
}
