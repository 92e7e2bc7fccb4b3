export * from './partnerships.module';
export * from './partnership.exception';
export { PartnershipsIndicator, yearQueryOf } from './indicator/partnerships-indicator';
export { PARTNERSHIPS_DEFINITION_VERSION } from './indicator/partnerships-definition';
export * from './dto/partnership.dto';
export * from './dto/partnership-input.dto';
export * from './dto/partnerships-indicator.dto';
export { PartnershipRenewalAlerts, PartnershipsWorkerModule } from './jobs/renewal-alerts';
export { DemoPartnerships } from './seed/demo-partnerships';
