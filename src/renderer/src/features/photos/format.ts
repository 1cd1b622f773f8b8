/**
 * Sizes as the interface shows them: "4,6 MB", "118 KB", "6000×4000". Files are counted in binary
 * units (1 MB = 1024 KB), as the backend's limits are, so "batasnya 40 MB" and a file's size agree.
 */
import type { MediaItem } from '../../../../shared/domain';
import { numberLocale } from '../../i18n';

const KB = 1024;
const MB = 1024 * 1024;

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, fractionDigits: number): Intl.NumberFormat {
  const key = `${language}:${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(numberLocale(language), { minimumFractionDigits: 0, maximumFractionDigits: fractionDigits });
    formats.set(key, format);
  }
  return format;
}

/** "850 B", "118 KB", "4,6 MB" (Indonesian) or "4.6 MB" (English); one decimal below 10 MB. */
export function formatBytes(bytes: number, language: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < KB) return `${numberFormat(language, 0).format(bytes)} B`;
  // Rounding decides the unit: 1023.6 KB reads as "1 MB", not "1.024 KB".
  if (Math.round(bytes / KB) < 1024) return `${numberFormat(language, 0).format(Math.round(bytes / KB))} KB`;
  const megabytes = bytes / MB;
  return `${numberFormat(language, megabytes < 10 ? 1 : 0).format(megabytes)} MB`;
}

/** "6000×4000": pixel sizes are read as dimensions, without thousands separators. */
export function formatDimensions(width: number, height: number): string {
  return `${Math.round(width)}×${Math.round(height)}`;
}

/** What preparing the photo did: "4,6 MB · 6000×4000 → 118 KB · 1067×1600". */
export function formatPreparation(item: Pick<MediaItem, 'bytes' | 'width' | 'height' | 'original'>, language: string): string {
  const before = `${formatBytes(item.original.bytes, language)} · ${formatDimensions(item.original.width, item.original.height)}`;
  const after = `${formatBytes(item.bytes, language)} · ${formatDimensions(item.width, item.height)}`;
  return `${before} → ${after}`;
}

/** Share of the original's bytes that preparation saved, 0..100 (0 when it grew). */
export function savedPercent(item: Pick<MediaItem, 'bytes' | 'original'>): number {
  if (item.original.bytes <= 0) return 0;
  return Math.max(0, Math.round((1 - item.bytes / item.original.bytes) * 100));
}
