import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Chip } from '@oris/web/ui';
import type { CertificateStatus } from './certificate-types';

/** Valid or revoked, in words (never by colour alone). */
@Component({
  selector: 'oris-certificate-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Chip, TranslocoPipe],
  template: `<oris-chip [tone]="status() === 'valid' ? 'positive' : 'alert'">{{
    'certificates.status.' + status() | transloco
  }}</oris-chip>`,
})
export class CertificateStatusChip {
  readonly status = input.required<CertificateStatus>();
}
