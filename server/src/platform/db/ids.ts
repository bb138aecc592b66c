import { v7 } from 'uuid';

/** Time-ordered UUIDs (v7): index-friendly like a sequence, but globally unique across shards. */
export const newId = (): string => v7();
