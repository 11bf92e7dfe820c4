// SPDX-License-Identifier: EUPL-1.2
// Warm, lukewarm, cold: how a question landed (Fresh Questioning).

import { t, type MessageKey } from '../i18n';
import type { Rating } from '../types';

const ratingKey: Record<Rating, MessageKey> = {
  warm: 'rating.warm',
  lukewarm: 'rating.lukewarm',
  cold: 'rating.cold',
};

export function RatingChip({ rating }: { rating: Rating }) {
  return <span class={`chip chip-${rating}`}>{t(ratingKey[rating])}</span>;
}
