// SPDX-License-Identifier: EUPL-1.2
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PAUSE_MS,
  WordingCoach,
  noteItems,
  questionMarks,
  quoteList,
  type CoachRequest,
  type CoachResult,
} from './coach';
import type { CoachHint, CoachVerdict } from './types';

const closedHint: CoachHint = {
  check: 'question_form',
  reason: { nl: 'Dit is een gesloten vraag.', en: 'This is a closed question.' },
  suggestion: { nl: 'Begin met wat of hoe.', en: 'Start with what or how.' },
  span: { start: 0, end: 6, text: 'Heb je' },
};
const adviceHint: CoachHint = {
  check: 'hidden_advice',
  reason: { nl: 'Hier zit misschien advies in.', en: 'There may be advice in this.' },
  suggestion: { nl: 'Vraag naar wat de inbrenger ziet.', en: 'Ask what the presenter sees.' },
  span: { start: 7, end: 25, text: 'al eens geprobeerd' },
  triggers: ['al eens geprobeerd', 'gewoon'],
};
const openerHint: CoachHint = {
  check: 'advice_opener',
  reason: { nl: 'Een advies begint met de opening.', en: 'Advice starts with the opener.' },
  suggestion: { nl: 'Zet die ervoor.', en: 'Put it in front.' },
  span: { start: 0, end: 13, text: 'Ik zou haar' },
  rewrite: 'Als ik in jouw schoenen stond, dan zou ik haar bellen',
};

function verdict(kind: CoachVerdict['kind'], hints: CoachHint[]): CoachVerdict {
  return { kind, checks: {}, hints };
}

describe('WordingCoach', () => {
  let calls: {
    request: CoachRequest;
    signal: AbortSignal;
    resolve: (v: CoachVerdict) => void;
    reject: (e: unknown) => void;
  }[];
  let results: (CoachResult | null)[];
  let coach: WordingCoach;

  beforeEach(() => {
    vi.useFakeTimers();
    calls = [];
    results = [];
    coach = new WordingCoach(
      (request, signal) => new Promise((resolve, reject) => calls.push({ request, signal, resolve, reject })),
      (r) => results.push(r),
    );
  });
  afterEach(() => {
    coach.dispose();
    vi.useRealTimers();
  });

  it('asks once the typing pauses, only for the latest text', async () => {
    coach.update({ kind: 'question', text: 'Heb', open_questions: true });
    vi.advanceTimersByTime(PAUSE_MS - 50);
    coach.update({ kind: 'question', text: 'Heb je', open_questions: true });
    vi.advanceTimersByTime(PAUSE_MS - 50);
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(calls).toHaveLength(1);
    expect(calls[0].request).toEqual({ kind: 'question', text: 'Heb je', open_questions: true });
    calls[0].resolve(verdict('question', [closedHint]));
    await vi.runAllTimersAsync();
    expect(results).toEqual([{ text: 'Heb je', verdict: verdict('question', [closedHint]) }]);
  });

  it('aborts a check still on its way when the text changes, and drops its answer', async () => {
    coach.update({ kind: 'statement', text: 'Mijn collega' });
    vi.advanceTimersByTime(PAUSE_MS);
    expect(calls).toHaveLength(1);
    coach.update({ kind: 'statement', text: 'Mijn collega komt' });
    expect(calls[0].signal.aborted).toBe(true);
    calls[0].resolve(verdict('statement', []));
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(2);
    calls[1].resolve(verdict('statement', []));
    await vi.runAllTimersAsync();
    expect(results).toEqual([{ text: 'Mijn collega komt', verdict: verdict('statement', []) }]);
  });

  it('never asks about an empty text, and clears the note at once', () => {
    coach.update({ kind: 'advice', text: '   \n' });
    vi.advanceTimersByTime(PAUSE_MS * 3);
    expect(calls).toHaveLength(0);
    expect(results).toEqual([null]);
  });

  it('switched off: no check, no note, and a pending check is aborted', () => {
    coach.update({ kind: 'question', text: 'Heb je?' });
    vi.advanceTimersByTime(PAUSE_MS);
    coach.update(null);
    expect(calls[0].signal.aborted).toBe(true);
    expect(results).toEqual([null]);
  });

  it('a failed check shows nothing and throws nothing', async () => {
    coach.update({ kind: 'question', text: 'Heb je?' });
    vi.advanceTimersByTime(PAUSE_MS);
    calls[0].reject(new Error('429'));
    await vi.runAllTimersAsync();
    expect(results).toEqual([null]);
  });

  it('flush asks at once and hands back the answer', async () => {
    coach.update({ kind: 'advice', text: 'Ik zou' });
    const pending = coach.flush({ kind: 'advice', text: 'Ik zou haar bellen' });
    expect(calls).toHaveLength(1);
    calls[0].resolve(verdict('advice', [openerHint]));
    expect(await pending).toEqual({ text: 'Ik zou haar bellen', verdict: verdict('advice', [openerHint]) });
    vi.advanceTimersByTime(PAUSE_MS * 2);
    expect(calls).toHaveLength(1);
  });
});

describe('noteItems', () => {
  it('shows reason and suggestion for question and statement hints', () => {
    expect(noteItems(verdict('question', [closedHint, adviceHint]), false)).toEqual([
      { type: 'hint', check: 'question_form', hint: closedHint },
      { type: 'hint', check: 'hidden_advice', hint: adviceHint },
    ]);
  });

  it('where the page adds the opener, shows how the advice will read', () => {
    expect(noteItems(verdict('advice', [openerHint]), true)).toEqual([
      { type: 'rewrite', hint: openerHint, rewrite: openerHint.rewrite, preview: true },
    ]);
  });

  it('in a written draft, suggests the opener with the sentence ready', () => {
    expect(noteItems(verdict('advice', [openerHint]), false)[0]).toMatchObject({ type: 'rewrite', preview: false });
  });

  it('nothing to show without a verdict or hints', () => {
    expect(noteItems(null, true)).toEqual([]);
    expect(noteItems(verdict('question', []), true)).toEqual([]);
  });
});

describe('questionMarks', () => {
  it('one marker per flag, hidden advice with its words', () => {
    expect(questionMarks(verdict('question', [closedHint, adviceHint]))).toEqual([
      { check: 'question_form', words: '' },
      { check: 'hidden_advice', words: '‘al eens geprobeerd’, ‘gewoon’' },
    ]);
  });

  it('ignores what is not about a question', () => {
    expect(questionMarks(verdict('advice', [openerHint]))).toEqual([]);
    expect(questionMarks(undefined)).toEqual([]);
  });

  it('quotes words the Dutch way', () => {
    expect(quoteList(['gewoon'])).toBe('‘gewoon’');
    expect(quoteList([])).toBe('');
  });
});
