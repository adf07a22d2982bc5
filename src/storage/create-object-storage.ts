import type { StorageConfig } from '../config/app-config';
import { LocalFolderObjectStorage } from './local-folder-object-storage';
import { MinioObjectStorage } from './minio-object-storage';
import type { ObjectStorage } from './object-storage';

/** MinIO/S3 when an endpoint is configured, else the embedded local folder under `dir`. */
export function createObjectStorage(config: StorageConfig): ObjectStorage {
  return config.s3Endpoint ? MinioObjectStorage.fromConfig(config) : new LocalFolderObjectStorage(config.dir);
}
