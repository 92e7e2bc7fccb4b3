import type { PartnershipStatus } from '@oris/shared/domain';
import type { ChipTone } from '@oris/web/ui';

/** The chip tone of each computed status. */
export const STATUS_TONES: Record<PartnershipStatus, ChipTone> = {
  draft: 'quiet',
  signed_not_started: 'waiting',
  in_force: 'positive',
  renewal_due: 'alert',
  expired: 'ended',
  terminated: 'ended',
};
