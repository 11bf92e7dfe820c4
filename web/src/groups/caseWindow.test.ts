import { describe, expect, it } from 'vitest';
import { caseWindowOpen } from './caseWindow';

const start = Date.UTC(2027, 0, 12, 18, 30);
const meeting = { starts_at: start, ends_at: start + 120 * 60_000, status: 'scheduled' };
const minutes = (n: number) => n * 60_000;

describe('starting a case', () => {
  it('opens an hour before the start and closes an hour after the end', () => {
    expect(caseWindowOpen(meeting, start - minutes(61))).toBe(false);
    expect(caseWindowOpen(meeting, start - minutes(60))).toBe(true);
    expect(caseWindowOpen(meeting, start + minutes(180))).toBe(true);
    expect(caseWindowOpen(meeting, start + minutes(181))).toBe(false);
  });

  it('never opens for a meeting that is called off', () => {
    expect(caseWindowOpen({ ...meeting, status: 'called_off' }, start)).toBe(false);
  });
});
