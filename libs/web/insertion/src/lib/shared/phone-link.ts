import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatPhone } from '@oris/shared/domain';

/**
 * A person's phone number as a `tel:` link, so an officer on a phone (or with a softphone) calls
 * in one tap. The number is always read left to right, Arabic interface included.
 */
@Component({
  selector: 'oris-phone-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslocoPipe],
  template: `<a
    class="phone"
    dir="ltr"
    [href]="'tel:' + phone()"
    [attr.aria-label]="'insertion.phone.call' | transloco: { number: display(), name: name() }"
    >{{ display() }}</a
  >`,
  styles: `
    .phone {
      white-space: nowrap;
    }
  `,
})
export class PhoneLink {
  /** E.164, as the API answers it. */
  readonly phone = input.required<string>();
  /** Whom the number reaches, for the link's accessible name. */
  readonly name = input.required<string>();

  protected readonly display = computed(() => formatPhone(this.phone()));
}
