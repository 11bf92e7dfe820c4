// SPDX-License-Identifier: EUPL-1.2
// On a phone: a large band when it is your turn, a gentle one just before, a quiet one while
// you listen. It is the first thing on the page, so nobody misses their moment.

import { band } from '../floor';
import { useSession } from './session';

export function TurnBand() {
  const { s, me } = useSession();
  const shown = band(s, me);
  return (
    <div class="band-slot" aria-live="polite" aria-atomic="true">
      {shown && (
        <p class={`band band-${shown.kind}`} role="status">
          {shown.text}
        </p>
      )}
    </div>
  );
}
