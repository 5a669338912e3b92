import type { VersionSnapshot } from '../diff/index.js';
import type { TextMeta } from '../schema.js';

/** `GET /api/sessions/:id/text` (docs/api.md): one version as the print view reads it. */
export interface VersionText {
  label: string;
  /** A revision's date as issued ("3 August 2024"); else the day the version was taken (YYYY-MM-DD). */
  date: string;
  at: string;
  meta: TextMeta;
  snapshot: VersionSnapshot;
}
