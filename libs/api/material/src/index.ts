export * from './material.module';
export * from './material.exception';
export * from './entities/module-material.entity';
export * from './dto/material.dto';
export { DemoMaterial } from './seed/demo-material';
export type { DemoMaterialOptions, DemoMaterialResult } from './seed/demo-material';
