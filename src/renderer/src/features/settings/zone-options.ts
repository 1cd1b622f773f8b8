import type { NewsroomTimeZone } from '../../../../shared/newsroom-time';

/** The newsroom zones people choose from, WITA first (the default), with their i18n labels. */
export const ZONE_OPTIONS: { zone: NewsroomTimeZone; key: string }[] = [
  { zone: 'Asia/Makassar', key: 'settings.zone.wita' },
  { zone: 'Asia/Jakarta', key: 'settings.zone.wib' },
  { zone: 'Asia/Jayapura', key: 'settings.zone.wit' },
];
