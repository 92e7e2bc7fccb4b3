import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@oris/api/catalogue';
import { IdentityModule } from '@oris/api/identity';
import { RawUploadBodyParser } from '@oris/api/platform';
import { MaterialCopier } from './copy/material-copier';
import { ModuleMaterial } from './entities/module-material.entity';
import { MaterialFilesController } from './http/material-files.controller';
import { MaterialController, ModuleMaterialController } from './http/module-material.controller';
import { FileLinks } from './material/file-links';
import { MaterialAccess } from './material/material-access';
import { MaterialReader } from './material/material-reader';
import { MaterialWriter } from './material/material-writer';
import { StoredMaterialFiles } from './material/stored-material-files';
import { DemoMaterial } from './seed/demo-material';

/** Material in modules: files through the storage, streamed with ranges, and videos by link. */
@Module({
  imports: [TypeOrmModule.forFeature([ModuleMaterial]), IdentityModule, CatalogueModule],
  controllers: [ModuleMaterialController, MaterialController, MaterialFilesController],
  providers: [
    MaterialAccess,
    MaterialReader,
    MaterialWriter,
    StoredMaterialFiles,
    FileLinks,
    MaterialCopier,
    RawUploadBodyParser,
    DemoMaterial,
  ],
  // DemoMaterial: for the CLI's demo seed only.
  exports: [DemoMaterial],
})
export class MaterialModule {}
