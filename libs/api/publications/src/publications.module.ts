import { Module } from '@nestjs/common';
import { PublicationsRegistryModule } from './publications/publications-registry.module';

/** The observatory's publications: the registry and its indicator (publications/), serials and indexes. */
@Module({
  imports: [PublicationsRegistryModule],
  exports: [PublicationsRegistryModule],
})
export class PublicationsModule {}
