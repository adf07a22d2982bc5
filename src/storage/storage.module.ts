import { Global, Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { createObjectStorage } from './create-object-storage';
import { ObjectStorage } from './object-storage';
import { StorageHealth } from './storage.health';

/** Creates the buckets once the app is wired; a store that is down stops the boot (fail fast). */
@Injectable()
export class StorageBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bucketQuarantine, bucketDocuments } = this.config.storage;
    await this.storage.ensureBuckets([bucketQuarantine, bucketDocuments]);
  }
}

/** Provides the ObjectStorage port (MinIO adapter or embedded local folder) to every module. */
@Global()
@Module({
  providers: [
    {
      provide: ObjectStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ObjectStorage => createObjectStorage(config.storage),
    },
    StorageBootstrap,
    StorageHealth,
  ],
  exports: [ObjectStorage, StorageHealth],
})
export class StorageModule {}
