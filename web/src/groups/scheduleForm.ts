// SPDX-License-Identifier: EUPL-1.2
// The schedule form's rules, checked before sending so a person hears at once what to change;
// the codes are the server's refusal codes (docs/api.md), so both speak with one voice.

import { wallTimeToInstant } from './time';
import { dateProblem, timeProblem } from './wallClock';
import type { NewMeeting } from './types';

export interface ScheduleInput {
  date: string;
  time: string;
  minutes: string;
  place: string;
  videoLink: string;
}

export type ScheduleField = 'date' | 'time' | 'minutes' | 'place' | 'video_link';

export type ScheduleCheck =
  { ok: true; meeting: NewMeeting } | { ok: false; problems: Partial<Record<ScheduleField, string>> };

export const minMinutes = 30;
export const maxMinutes = 480;

/** An http(s) address, as the server accepts for a video link. */
export function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export function checkSchedule(input: ScheduleInput, now: number): ScheduleCheck {
  const problems: Partial<Record<ScheduleField, string>> = {};
  const place = input.place.trim();
  const link = input.videoLink.trim();
  const dateIssue = dateProblem(input.date);
  const timeIssue = timeProblem(input.time);
  if (dateIssue) problems.date = dateIssue;
  if (timeIssue) problems.time = timeIssue;
  const startsAt = dateIssue || timeIssue ? null : wallTimeToInstant(input.date, input.time);
  if (!dateIssue && !timeIssue && startsAt === null) problems.time = 'time_invalid';
  if (startsAt !== null && startsAt <= now) problems.date = 'in_the_past';
  const minutes = Number(input.minutes);
  if (!Number.isInteger(minutes) || minutes < minMinutes || minutes > maxMinutes) problems.minutes = 'bad_length';
  if (!place && !link) problems.place = 'no_place';
  if (link && !isWebLink(link)) problems.video_link = 'bad_link';
  if (Object.keys(problems).length > 0 || startsAt === null) return { ok: false, problems };
  const meeting: NewMeeting = { starts_at: startsAt, minutes };
  if (place) meeting.place = place;
  if (link) meeting.video_link = link;
  return { ok: true, meeting };
}

/** The field a refusal of the server concerns, so its message stands beside that field. */
export function scheduleFieldOf(code: string, field: string): ScheduleField | null {
  const byCode: Record<string, ScheduleField> = {
    in_the_past: 'date',
    bad_length: 'minutes',
    no_place: 'place',
    bad_link: 'video_link',
  };
  if (byCode[code]) return byCode[code];
  if (field === 'place' || field === 'video_link' || field === 'minutes') return field;
  if (field === 'starts_at') return 'date';
  return null;
}
