import type { DemoCourse } from './demo-course';
import { ES_101, ESS_AR_160, FS_180 } from './social-entrepreneurship';
import { GP_201 } from './project-engineering';
import { MI_110 } from './impact-measurement';
import { COOP_120 } from './cooperatives';
import { DT_130 } from './territorial-design';
import { PL_140, FUND_170 } from './advocacy-partnerships';
import { NUM_150 } from './digital-inclusion';

export type { DemoCourse, DemoModule, DemoSession } from './demo-course';

/** The demo catalogue, one file per course family (its theme); this order is the seed's. */
export const DEMO_COURSES: DemoCourse[] = [
  ES_101,
  GP_201,
  MI_110,
  COOP_120,
  DT_130,
  PL_140,
  NUM_150,
  ESS_AR_160,
  FUND_170,
  FS_180,
];
