import { Global, Module, type Provider } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FILE_STORAGE } from './file-storage';
import { LocalDirectoryStorage } from './local-directory-storage';

/** `FILE_STORAGE` as a folder on local disk, `STORAGE_DIR` (relative paths from the working directory). */
export const fileStorageProvider: Provider = {
  provide: FILE_STORAGE,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new LocalDirectoryStorage(config.STORAGE_DIR),
};

/** Provides `FILE_STORAGE` to every module; imported once by each app (API and worker). */
@Global()
@Module({ providers: [fileStorageProvider], exports: [FILE_STORAGE] })
export class StorageModule {}
