import type { paths } from '@oris/shared/api-client';

export type CatalogueQuery = NonNullable<paths['/api/v1/courses']['get']['parameters']['query']>;
