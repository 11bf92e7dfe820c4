// SPDX-License-Identifier: EUPL-1.2
// The rescheduler's form of new dates: one to five different moments to come. Rows left empty
// are ignored; the codes are the server's where it has one (bad_dates). Dates and times are
// the fields' values (wallClock.ts): "YYYY-MM-DD" and "HH:MM", with parts not chosen left empty.

import { wallTimeToInstant } from './time';
import { dateProblem, timeProblem } from './wallClock';

export interface DateRow {
  date: string;
  time: string;
}

export const maxProposedDates = 5;

export type ProposalCheck =
  { ok: true; dates: number[] } | { ok: false; rows: (string | null)[]; general: string | null };

export function checkProposal(rows: DateRow[], now: number): ProposalCheck {
  const problems: (string | null)[] = rows.map(() => null);
  const dates: number[] = [];
  rows.forEach((row, i) => {
    if (!row.date && !row.time) return;
    const incomplete = dateProblem(row.date) ?? timeProblem(row.time);
    const at = incomplete ? null : wallTimeToInstant(row.date, row.time);
    if (incomplete) problems[i] = incomplete;
    else if (at === null) problems[i] = 'time_invalid';
    else if (at <= now) problems[i] = 'in_the_past';
    else if (dates.includes(at)) problems[i] = 'date_twice';
    else dates.push(at);
  });
  let general: string | null = null;
  if (problems.every((p) => p === null)) {
    if (dates.length === 0) general = 'no_dates';
    else if (dates.length > maxProposedDates) general = 'bad_dates';
  }
  if (general || problems.some((p) => p !== null)) return { ok: false, rows: problems, general };
  return { ok: true, dates };
}
