/**
 * Settings: one row per key, the value as JSON. Reading merges the stored values over the
 * defaults and ignores any stored value the current schema does not accept (a value from an older
 * or newer version, or a hand-edited file), so a bad row can never stop the app from starting.
 */
import { SettingsSchema } from '../../shared/contract';
import type { Settings } from '../../shared/domain';
import type { SqliteDatabase } from '../storage/database';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: 'id',
  theme: 'system',
  role: 'writer',
  timeZone: 'Asia/Makassar',
  onboarded: false,
  displayName: '',
  photoLongEdge: 1600,
  photoFormat: 'jpeg',
  bylineOnPortal: false,
});

const SETTING_KEYS = Object.keys(SettingsSchema.shape) as (keyof Settings)[];

export class SettingsService {
  private readonly allStmt;
  private readonly upsertStmt;

  constructor(private readonly db: SqliteDatabase) {
    this.allStmt = db.prepare('SELECT key, value FROM settings');
    this.upsertStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  get(): Settings {
    const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const { key, value } of this.allStmt.all() as { key: string; value: string }[]) {
      if (!(SETTING_KEYS as string[]).includes(key)) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        continue;
      }
      const field = SettingsSchema.shape[key as keyof Settings].safeParse(parsed);
      if (field.success) settings[key] = field.data;
    }
    return settings as unknown as Settings;
  }

  /** Stores the given keys (already validated at the boundary) and returns the whole result. */
  update(patch: Partial<Settings>): Settings {
    return this.db
      .transaction(() => {
        for (const key of SETTING_KEYS) {
          if (patch[key] !== undefined) this.upsertStmt.run(key, JSON.stringify(patch[key]));
        }
        return this.get();
      })
      .immediate();
  }
}
