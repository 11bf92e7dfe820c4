// SPDX-License-Identifier: EUPL-1.2
// A question before something that cannot be undone, asked in the page itself. A leaf module:
// the live pages and the group pages both use it, and it brings no catalog of its own.

import { useEffect, useId, useRef } from 'preact/hooks';

/** The question takes the focus when it appears, so a screen reader reads it first. */
export function Confirm({
  question,
  yes,
  no,
  busy,
  onYes,
  onNo,
}: {
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-labelledby={id}>
      <p id={id} ref={ref} tabIndex={-1} class="confirm-title">
        {question}
      </p>
      <div class="actions">
        <button
          type="button"
          class="btn btn-danger"
          disabled={busy}
          aria-busy={busy ? 'true' : undefined}
          onClick={onYes}
        >
          {yes}
        </button>
        <button type="button" class="btn btn-quiet" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
