// SPDX-License-Identifier: EUPL-1.2
// A small session for the unit tests: Fenna facilitates and takes turns, Pieter presents,
// Anna and Bram have no device, Cas has a phone. It is Anna's turn in a spoken question round,
// and the server's view says what Fenna's screen may do: for Anna, ask or pass.

import type { CurrentStep, SessionState, StepKind } from './types';

const l = (x: string) => ({ nl: x, en: x });

export function step(kind: StepKind, extra: Partial<CurrentStep> = {}): CurrentStep {
  return {
    id: kind,
    index: 0,
    number: 1,
    kind,
    title: l(kind),
    rule: l('rule'),
    instruction: l('instruction'),
    minutes: 10,
    preparation_minutes: 0,
    speakers: [],
    listeners: [],
    contributions: 'spoken',
    ...extra,
  };
}

export function session(patch: Partial<SessionState> = {}): SessionState {
  return {
    version: 1,
    phase: 'running',
    finished: false,
    finished_at: null,
    title: 'Intervisie',
    method: { id: 'incident', name: l('Incidentmethode'), has_scribe: false, steps: [] },
    step: step('question_rounds'),
    visited_steps: [],
    participants: [
      { id: 1, name: 'Fenna', roles: ['facilitator', 'adviser'], device: true },
      { id: 2, name: 'Pieter', roles: ['presenter'], device: false },
      { id: 3, name: 'Anna', roles: ['adviser'], device: false },
      { id: 4, name: 'Bram', roles: ['adviser'], device: false },
      { id: 5, name: 'Cas', roles: ['adviser'], device: true },
    ],
    facilitator: 1,
    facilitator_takes_turns: true,
    coach_hints: true,
    contributions_override: null,
    presenter: 2,
    scribe: null,
    you: { id: 1, roles: ['facilitator', 'adviser'], vote: null },
    turn: { order: [1, 3, 4, 5], holder: 3, round: 1, awaiting_question: null, closed: false },
    timer: {
      planned_ms: 600000,
      left_ms: 600000,
      running: true,
      preparing: false,
      preparation_left_ms: null,
      preparation_ended: false,
    },
    disturbance: null,
    paused: false,
    paused_since: null,
    warnings: [],
    flip_chart: {
      candidates: [],
      chosen: null,
      statement: 'Ik wil vaker nee zeggen.',
      statements: ['Ik wil vaker nee zeggen.'],
      questions: [],
      observations: [],
      reflections: [],
      advice: [],
      notes: [],
      drafts: [],
      reaction: null,
      closing_remarks: [],
      private_notes: [],
    },
    connected: [1, 5],
    may: [
      'close_rounds',
      'next_step',
      'adjust_time',
      'pause',
      'raise_disturbance',
      'add_participant',
      'hand_over_facilitator',
      'set_coach_hints',
      'set_contributions',
      'answer_question',
      'decline_question',
    ],
    may_for: { '3': ['ask_question', 'pass'] },
    next_step: { ready: false, missing: 'rounds_still_open', confirm: true },
    floor: { who: 'participant', participant: 3, doing: 'asking' },
    ...patch,
  };
}
