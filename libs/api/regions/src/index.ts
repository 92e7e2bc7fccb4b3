export * from './dto/region.dto';
export * from './entities/region.entity';
export * from './regions.module';
export * from './regions.service';
