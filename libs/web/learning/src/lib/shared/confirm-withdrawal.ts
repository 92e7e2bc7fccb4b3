import { inject, Injectable } from '@angular/core';
import { Confirmation } from '@oris/web/ui/dialogs';

interface WithdrawalQuestion {
  course: string;
  session: string;
  /** A confirmed seat goes to the next person waiting: say so before it is given up. */
  holdsSeat: boolean;
}

/** Asks before giving up a place, which may not come back (another person takes the seat). */
@Injectable({ providedIn: 'root' })
export class WithdrawalConfirmation {
  private readonly confirmation = inject(Confirmation);

  ask(question: WithdrawalQuestion): Promise<boolean> {
    return this.confirmation.ask({
      titleKey: 'learning.withdraw.title',
      textKey: question.holdsSeat ? 'learning.withdraw.textSeat' : 'learning.withdraw.text',
      confirmKey: 'learning.withdraw.confirm',
      // The harmless choice keeps the place.
      cancelKey: 'learning.withdraw.keep',
      params: { ...question },
      destructive: true,
    });
  }
}
