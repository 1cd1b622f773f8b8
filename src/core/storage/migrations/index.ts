import { initialSchema } from './001-initial';
import { mediaSchema } from './002-media';
import { workflowSchema } from './003-workflow';
import { syncSchema } from './004-sync';
import { trashOutboxSchema } from './005-trash-outbox';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, mediaSchema, workflowSchema, syncSchema, trashOutboxSchema];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
