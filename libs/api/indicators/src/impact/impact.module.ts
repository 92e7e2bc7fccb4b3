import { type DynamicModule, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { IdentityModule } from '@oris/api/identity';
import type { YearIndicatorSource } from '@oris/shared/domain';
import { ImpactController, PublicImpactController, ReportsController } from './impact.controller';
import { ImpactReports } from './impact-reports.service';
import { YEAR_INDICATOR_SOURCES } from './impact-sources';
import { ImpactIndicators } from './impact.service';
import { InsertionYearSource } from './insertion-year-source';
import { PublicImpact } from './public-impact.service';
import { ReportExport } from './report-export.service';

export interface ImpactModuleOptions {
  /** The modules exporting the registries' indicator services. */
  imports?: ModuleMetadata['imports'];
  /** The registries' indicator services (`YearIndicatorSource`s), beside the insertion one. */
  sources?: Type<YearIndicatorSource>[];
}

/**
 * The four indicators together: the impact page, targets, frozen yearly reports and the public
 * impact page. The insertion source is this library's; the registries' sources are given to
 * `register` by the app, which composes them under {@link YEAR_INDICATOR_SOURCES}.
 */
@Module({})
export class ImpactModule {
  static register(options: ImpactModuleOptions = {}): DynamicModule {
    const sources = options.sources ?? [];
    return {
      module: ImpactModule,
      imports: [IdentityModule, ...(options.imports ?? [])],
      controllers: [ImpactController, ReportsController, PublicImpactController],
      providers: [
        InsertionYearSource,
        {
          provide: YEAR_INDICATOR_SOURCES,
          useFactory: (...given: YearIndicatorSource[]) => given,
          inject: [InsertionYearSource, ...sources],
        },
        ImpactIndicators,
        ImpactReports,
        ReportExport,
        PublicImpact,
      ],
      exports: [YEAR_INDICATOR_SOURCES, InsertionYearSource, ImpactIndicators, ImpactReports],
    };
  }
}
