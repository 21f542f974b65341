/**
 * The satisfaction scales a rating may be given on. The law sets no scale (Decree 118/2025 Art. 33
 * names the items, not points), so the scale is a choice: 5 levels (Rất không hài lòng … Rất hài
 * lòng, the wording of ministry survey pages) by default, or the 3 levels many portals use
 * (Không hài lòng, Bình thường, Hài lòng). A rating says which one it used (`scale`, default 5), so
 * the collector and the dashboard count a "satisfied" answer correctly on either.
 */
import type { WidgetMessageId } from '../i18n/widget';

export type ScaleLevels = 3 | 5;
export const SCALE_LEVELS: readonly ScaleLevels[] = [5, 3];
export const DEFAULT_SCALE_LEVELS: ScaleLevels = 5;

/** Catalog keys of each level's label; index 0 names level 1. */
export const SCALE_LABELS: Record<ScaleLevels, readonly WidgetMessageId[]> = {
  5: ['widget.rating.1', 'widget.rating.2', 'widget.rating.3', 'widget.rating.4', 'widget.rating.5'],
  3: ['widget.rating.2', 'widget.rating.3', 'widget.rating.4'],
};

/** The lowest level that counts as satisfied: "Hài lòng" or "Rất hài lòng" (4 of 5, 3 of 3). */
export const SATISFIED_FROM: Record<ScaleLevels, number> = { 5: 4, 3: 3 };

/** Whether `level` on a scale of `levels` is a "Hài lòng" or "Rất hài lòng" answer. */
export function isSatisfied(level: number, levels: ScaleLevels = DEFAULT_SCALE_LEVELS): boolean {
  return level >= SATISFIED_FROM[levels];
}
