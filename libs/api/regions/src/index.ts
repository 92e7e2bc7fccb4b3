export * from './region.dto';
export * from './region.entity';
export * from './regions.module';
export * from './regions.service';
