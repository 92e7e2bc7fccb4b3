import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  type OnInit,
  signal,
  type Signal,
} from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { PRACTICE_LIMITS } from '@oris/shared/domain';
import { LanguageService } from '@oris/web/core';
import { DayPipe, Icon } from '@oris/web/ui';
import { FieldError } from '@oris/web/ui/forms';
import { contactGroup, type ContactGroup, rowsOf } from './practice-form';

/**
 * The sheet's contacts. A contact is published only when the person's consent is recorded (a
 * checkbox and how it was given; the API records the day); the others stay visible to editors only.
 */
@Component({
  selector: 'oris-contacts-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    DayPipe,
    FieldError,
    Icon,
  ],
  templateUrl: './contacts-editor.html',
  styleUrl: '../shared/practices.scss',
})
export class ContactsEditor implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  protected readonly lang = inject(LanguageService).language;
  readonly contacts = input.required<FormArray<ContactGroup>>();
  protected rows: Signal<ContactGroup[]> = signal([]);
  protected readonly max = PRACTICE_LIMITS.contactsMax;

  ngOnInit(): void {
    this.rows = rowsOf(this.contacts(), this.destroyRef);
  }

  protected add(): void {
    this.contacts().push(contactGroup());
    this.contacts().markAsDirty();
  }

  protected remove(index: number): void {
    this.contacts().removeAt(index);
    this.contacts().markAsDirty();
  }
}
