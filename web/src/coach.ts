// SPDX-License-Identifier: EUPL-1.2
// The wording coach on the client: ask the server about a text once the typing pauses, and turn
// its verdict into what the page shows. No text or DOM here, so all of it is unit-tested.

import type { CoachCheck, CoachHint, CoachKind, CoachVerdict } from './types';

export interface CoachRequest {
  kind: CoachKind;
  text: string;
  /** question only: false where closed questions are fine (Balint). */
  open_questions?: boolean;
}

export interface CoachResult {
  /** The text the verdict is about; the field may have changed since. */
  text: string;
  verdict: CoachVerdict;
}

export type CheckText = (request: CoachRequest, signal: AbortSignal) => Promise<CoachVerdict>;

/** After this long without typing, the text is checked. */
export const PAUSE_MS = 400;

/**
 * Checks the text of one field while someone types: once per pause in the typing, only the
 * latest text (an earlier request still on its way is aborted), never an empty text. A failed
 * check shows nothing and says nothing: a hint is a bonus, never in the way.
 */
export class WordingCoach {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: AbortController | null = null;

  constructor(
    private readonly check: CheckText,
    private readonly onResult: (result: CoachResult | null) => void,
    private readonly pauseMs = PAUSE_MS,
  ) {}

  /** The field's text (or its kind) changed; null while hints are off. */
  update(request: CoachRequest | null): void {
    this.cancel();
    if (!request || !request.text.trim()) {
      this.onResult(null);
      return;
    }
    this.timer = setTimeout(() => void this.run(request), this.pauseMs);
  }

  /** Check now, without waiting for a pause; resolves with the result (null on failure). */
  flush(request: CoachRequest): Promise<CoachResult | null> {
    this.cancel();
    if (!request.text.trim()) {
      this.onResult(null);
      return Promise.resolve(null);
    }
    return this.run(request);
  }

  dispose(): void {
    this.cancel();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inflight?.abort();
    this.inflight = null;
  }

  private async run(request: CoachRequest): Promise<CoachResult | null> {
    const controller = new AbortController();
    this.inflight = controller;
    let result: CoachResult | null = null;
    try {
      const verdict = await this.check(request, controller.signal);
      result = { text: request.text, verdict };
    } catch {
      result = null;
    }
    // Superseded by newer typing: its own check will answer.
    if (controller.signal.aborted) return null;
    this.inflight = null;
    this.onResult(result);
    return result;
  }
}

/** What the note under a field shows for one hint. */
export type NoteItem =
  | { type: 'hint'; check: CoachCheck; hint: CoachHint }
  /** The advice as the record will keep it, and a way to take it into the field. */
  | { type: 'rewrite'; hint: CoachHint; rewrite: string; preview: boolean };

/**
 * The items of the note under a field. `addsOpener`: the page shows the advice opener in front
 * of the field and the server adds it when the advice is given, so a missing opener is not a
 * mistake; the note then only shows how the advice will read. Elsewhere (a written draft) it
 * suggests the opener, with the same sentence ready to take over.
 */
export function noteItems(verdict: CoachVerdict | null | undefined, addsOpener: boolean): NoteItem[] {
  if (!verdict) return [];
  return verdict.hints.map((hint): NoteItem => {
    if (hint.check === 'advice_opener' && hint.rewrite)
      return { type: 'rewrite', hint, rewrite: hint.rewrite, preview: addsOpener };
    return { type: 'hint', check: hint.check, hint };
  });
}

/** The facilitator's markers on a flagged question: one per hint, hidden advice with its words. */
export function questionMarks(verdict: CoachVerdict | null | undefined): { check: CoachCheck; words: string }[] {
  if (!verdict) return [];
  return verdict.hints
    .filter((h) => h.check === 'question_form' || h.check === 'hidden_advice')
    .map((h) => ({ check: h.check, words: quoteList(h.triggers ?? []) }));
}

/** ‘gewoon’, ‘al eens geprobeerd’ */
export function quoteList(words: string[]): string {
  return words.map((w) => `‘${w}’`).join(', ');
}
