import type { ParamMap, Params } from '@angular/router';
import { FOLLOWUP_HORIZONS, isOneOf, REGION_CODES, type RegionCode } from '@oris/shared/domain';
import type { GroupBy, Horizon } from '../shared/insertion-types';

/** The dashboard's filters as the form holds them. */
export interface DashboardFilters {
  from: string;
  to: string;
  months: Horizon;
  asOf: string;
  /** With `knownTime`, a Moroccan wall-clock moment: its day, `YYYY-MM-DD` (a datepicker). */
  knownAt: string;
  /** Its time, `HH:mm` (midnight when empty). */
  knownTime: string;
  region: RegionCode | null;
  course: string | null;
  session: string | null;
}

/** Everything the page shows, as its address says it: shareable, and the same after a reload. */
export interface DashboardState {
  filters: DashboardFilters;
  /** The breakdown the table shows. */
  table: GroupBy;
}

export const DEFAULT_MONTHS: Horizon = 9;
export const DEFAULT_TABLE: GroupBy = 'region';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The state an address asks for. A parameter that is not what the page could have written (a
 * hand-edited or truncated link) is left at its default rather than sent to the API to refuse.
 */
export function readState(params: ParamMap, groupBys: readonly GroupBy[]): DashboardState {
  const text = (name: string, shape: RegExp) => {
    const value = params.get(name);
    return value !== null && shape.test(value) ? value : null;
  };
  const months = Number(params.get('months'));
  const region = params.get('region');
  const table = params.get('table');
  const course = text('course', ID);
  return {
    filters: {
      from: text('from', DAY) ?? '',
      to: text('to', DAY) ?? '',
      months: (FOLLOWUP_HORIZONS as readonly number[]).includes(months)
        ? (months as Horizon)
        : DEFAULT_MONTHS,
      asOf: text('asOf', DAY) ?? '',
      // One parameter in the address, `YYYY-MM-DDTHH:mm`; two fields in the form.
      knownAt: text('knownAt', MOMENT)?.slice(0, 10) ?? '',
      knownTime: text('knownAt', MOMENT)?.slice(11) ?? '',
      region: region !== null && isOneOf(REGION_CODES, region) ? region : null,
      course,
      // A session belongs to a course: without one, it is not a filter of its own.
      session: course ? text('session', ID) : null,
    },
    table: table !== null && isOneOf(groupBys, table) ? table : DEFAULT_TABLE,
  };
}

/** The address's query for a state: only what differs from the defaults, in a stable order. */
export function writeState(state: DashboardState): Params {
  const { filters } = state;
  const params: Params = {};
  if (filters.from) params['from'] = filters.from;
  if (filters.to) params['to'] = filters.to;
  if (filters.months !== DEFAULT_MONTHS) params['months'] = String(filters.months);
  if (filters.asOf) params['asOf'] = filters.asOf;
  if (filters.knownAt) params['knownAt'] = `${filters.knownAt}T${filters.knownTime || '00:00'}`;
  if (filters.region) params['region'] = filters.region;
  if (filters.course) params['course'] = filters.course;
  if (filters.course && filters.session) params['session'] = filters.session;
  if (state.table !== DEFAULT_TABLE) params['table'] = state.table;
  return params;
}
