import { inject, Injectable, type Signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { TranslocoService } from '@jsverse/transloco';
import type { ApiError } from '@oris/shared/api-client';
import { isEarlyCompletion, mayAttestCompletion, todayInMorocco } from '@oris/shared/domain';
import { type CompletionRule, LanguageService, type Session } from '@oris/web/core';
import { firstValueFrom } from 'rxjs';
import type { Enrollment } from '../shared/teaching-types';
import {
  type CompletionAnswer,
  CompletionDialog,
  completionDialogOptions,
  type CompletionRequest,
} from './completion-dialog';
import { displayName, formatPercent, type UnmetLine, unmetCriteria } from './enrollment-rules';
import { EnrollmentsApi } from './enrollments-api';

/** The API's codes for a completion refused by the course's rule. */
const UNMET_CODES = [
  'required_modules_incomplete',
  'attendance_below_threshold',
  'quiz_not_passed',
];

/** A completion the API refused: whose, and each unmet criterion as a sentence. */
export interface CompletionRefusal {
  name: string;
  lines: string[];
}

/**
 * Validating a trainee's completion on the session's enrollments page: the dialog that asks for
 * it and, when the API refuses it for the course's rule, which criteria are unmet, with the
 * trainee's figures, in the reader's language. Provided by the page.
 */
@Injectable()
export class CompletionValidation {
  private readonly dialog = inject(MatDialog);
  private readonly enrollments = inject(EnrollmentsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService).language;

  /** Asks the validator; undefined when they cancel. */
  async ask(request: {
    name: string;
    session: Session;
    administrator: boolean;
    lastMeetingStartsAt: string | null;
  }): Promise<CompletionAnswer | undefined> {
    const { name, session, administrator } = request;
    const today = todayInMorocco();
    const early = isEarlyCompletion(request.lastMeetingStartsAt, new Date());
    const ref = this.dialog.open<CompletionDialog, CompletionRequest, CompletionAnswer>(
      CompletionDialog,
      {
        ...completionDialogOptions,
        data: {
          name,
          pastDayAllowed: administrator,
          earliest: session.startsOn,
          today,
          attests: mayAttestCompletion({
            byAdministrator: administrator,
            sessionEndsOn: session.endsOn,
            today,
          }),
          early,
        },
      },
    );
    return firstValueFrom(ref.afterClosed());
  }

  /** Whether the API refused a completion because the course's rule is not met. */
  refusedByRule(problem: ApiError): boolean {
    return !!problem.code && UNMET_CODES.includes(problem.code);
  }

  /**
   * Says which criterion is unmet, with the trainee's figures, in the reader's language; the
   * course's rule is read once the trainee's detail has come (it may still be loading before).
   */
  async explainRefusal(
    enrollment: Enrollment,
    problem: ApiError,
    rule: Signal<CompletionRule | null>,
  ): Promise<CompletionRefusal> {
    const name = displayName(enrollment.person, this.language());
    try {
      const detail = await this.enrollments.detail(enrollment.id);
      const lines = unmetCriteria(detail, rule()).map((line) => this.sentence(line));
      return { name, lines: lines.length ? lines : [problem.detail ?? ''] };
    } catch {
      return { name, lines: [problem.detail ?? problem.message] };
    }
  }

  sentence(line: UnmetLine): string {
    const language = this.language();
    const params: Record<string, string | number> = { ...line.params };
    for (const key of ['percent', 'required']) {
      if (key in line.params) params[key] = formatPercent(line.params[key], language);
    }
    return this.transloco.translate(line.key, params);
  }
}
