import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import type {
  CourseSummary,
  Followup,
  FollowupCounts,
  FollowupQuery,
  Indicator,
  IndicatorExportFormat,
  IndicatorExportQuery,
  IndicatorQuery,
  NewPlacement,
  Organisation,
  OrganisationInput,
  OrganisationQuery,
  PageOf,
  PhoneAnswer,
  PersonSituation,
  PersonToFollow,
  Placement,
  PlacementChange,
  PlacementDetail,
  PlacementQuery,
  PublicIndicators,
  Session,
  ToFollowQuery,
} from './shared/insertion-types';

/** The largest page the API serves: a filter's courses and a course's sessions fit in it. */
const CHOICES_PAGE_SIZE = 100;

/** Placements, the people to follow, and the registry of partner organisations. */
@Injectable({ providedIn: 'root' })
export class InsertionApi {
  private readonly api = inject(ORIS_API);

  toFollow(query: ToFollowQuery): Promise<PageOf<PersonToFollow>> {
    return unwrap(this.api.GET('/api/v1/placements/to-follow', { params: { query } }));
  }

  situation(personId: string): Promise<PersonSituation> {
    return unwrap(
      this.api.GET('/api/v1/people/{id}/situation', { params: { path: { id: personId } } }),
    );
  }

  placements(query: PlacementQuery): Promise<PageOf<Placement>> {
    return unwrap(this.api.GET('/api/v1/placements', { params: { query } }));
  }

  placement(id: string): Promise<PlacementDetail> {
    return unwrap(this.api.GET('/api/v1/placements/{id}', { params: { path: { id } } }));
  }

  create(placement: NewPlacement): Promise<Placement> {
    return unwrap(
      this.api.POST('/api/v1/placements', {
        body: placement,
      }),
    );
  }

  change(id: string, change: PlacementChange): Promise<Placement> {
    return unwrap(
      this.api.PATCH('/api/v1/placements/{id}', {
        params: { path: { id } },
        body: change,
      }),
    );
  }

  validate(id: string): Promise<Placement> {
    return unwrap(this.api.POST('/api/v1/placements/{id}/validate', { params: { path: { id } } }));
  }

  organisations(query: OrganisationQuery): Promise<PageOf<Organisation>> {
    return unwrap(this.api.GET('/api/v1/organisations', { params: { query } }));
  }

  createOrganisation(input: OrganisationInput): Promise<Organisation> {
    return unwrap(this.api.POST('/api/v1/organisations', { body: input }));
  }

  changeOrganisation(id: string, input: Partial<OrganisationInput>): Promise<Organisation> {
    return unwrap(
      this.api.PATCH('/api/v1/organisations/{id}', { params: { path: { id } }, body: input }),
    );
  }

  followups(query: FollowupQuery): Promise<PageOf<Followup>> {
    return unwrap(this.api.GET('/api/v1/followups', { params: { query } }));
  }

  followupCounts(
    query: Omit<FollowupQuery, 'page' | 'pageSize' | 'status'>,
  ): Promise<FollowupCounts> {
    return unwrap(this.api.GET('/api/v1/followups/counts', { params: { query } }));
  }

  /** An answer taken by phone: the facts as the trainee gave them. */
  answerFollowup(id: string, answer: PhoneAnswer): Promise<Followup> {
    return unwrap(
      this.api.POST('/api/v1/followups/{id}/answer', {
        params: { path: { id } },
        body: answer,
      }),
    );
  }

  indicator(query: IndicatorQuery): Promise<Indicator> {
    return unwrap(this.api.GET('/api/v1/indicators/insertion', { params: { query } }));
  }

  /**
   * The CSV or XLSX file, built by the API in the reader's language, through the client so the
   * in-memory bearer token goes with it (a plain link would not carry it). Read as bytes: the
   * CSV's BOM that lets Excel show Arabic must survive, and a workbook is binary.
   */
  indicatorFile(format: IndicatorExportFormat, query: IndicatorExportQuery): Promise<Blob> {
    const request =
      format === 'csv'
        ? this.api.GET('/api/v1/indicators/insertion.csv', { params: { query }, parseAs: 'blob' })
        : this.api.GET('/api/v1/indicators/insertion.xlsx', { params: { query }, parseAs: 'blob' });
    return unwrap(request) as Promise<unknown> as Promise<Blob>;
  }

  publicIndicators(): Promise<PublicIndicators> {
    return unwrap(this.api.GET('/api/v1/public/indicators'));
  }

  /** Published courses, for the filters: officers have no access to drafts, nor need it. */
  async courses(): Promise<CourseSummary[]> {
    const page = await unwrap(
      this.api.GET('/api/v1/courses', {
        params: { query: { page: 1, pageSize: CHOICES_PAGE_SIZE } },
      }),
    );
    return page.items;
  }

  async sessions(courseId: string): Promise<Session[]> {
    const page = await unwrap(
      this.api.GET('/api/v1/courses/{courseId}/sessions', {
        params: { path: { courseId }, query: { page: 1, pageSize: CHOICES_PAGE_SIZE } },
      }),
    );
    return page.items;
  }
}
