import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import type { ContractType, RegionCode, SituationKind } from '@oris/shared/domain';
import { ORIS_API } from '@oris/web/core';

export type Survey = components['schemas']['SurveyDto'];

/** The answer as the API takes it; the free-text fields are plain strings (or null). */
export interface SurveyAnswer {
  kind: SituationKind;
  contract: ContractType | null;
  employerName: string | null;
  sector: string | null;
  position: string | null;
  regionCode: RegionCode;
  startOn: string;
  endOn: string | null;
}

/** The public survey: what is asked behind a link, and the answer (which spends the link). */
@Injectable({ providedIn: 'root' })
export class SurveyApi {
  private readonly api = inject(ORIS_API);

  get(token: string): Promise<Survey> {
    return unwrap(this.api.GET('/api/v1/survey/{token}', { params: { path: { token } } }));
  }

  async answer(token: string, answer: SurveyAnswer): Promise<void> {
    await unwrap(
      this.api.POST('/api/v1/survey/{token}', {
        params: { path: { token } },
        body: answer,
      }),
    );
  }
}
