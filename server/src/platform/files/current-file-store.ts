import { loadConfig, type FileStorageSettings } from '../config.ts';
import { DiskFileStore } from './disk-file-store.ts';
import type { FileStore } from './file-store.ts';

export async function fileStoreFrom(settings: FileStorageSettings): Promise<FileStore> {
  if (settings.kind === 'disk') return new DiskFileStore(settings.dir);
  // The AWS SDK takes a third of a second to load: a server on disk storage never pays for it.
  const { S3FileStore } = await import('./s3-file-store.ts');
  return S3FileStore.fromSettings(settings);
}

let current: Promise<FileStore> | undefined;

/**
 * The process's file store. Until start-up hands one over with useFileStore, it is built from the
 * environment on first use (KEHU_DATA_DIR/files, or KEHU_S3_* when a bucket is set).
 */
export function fileStore(): Promise<FileStore> {
  current ??= fileStoreFrom(loadConfig().files);
  return current;
}

/** Start-up code holding its own Config (and tests, with a temporary folder) choose the store here. */
export function useFileStore(store: FileStore): void {
  current = Promise.resolve(store);
}
