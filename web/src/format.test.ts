// SPDX-License-Identifier: EUPL-1.2
import './testStorage';
import { describe, expect, it } from 'vitest';
import { aboutDuration, formatClock } from './format';

describe('how numbers read', () => {
  it('counts down as minutes and seconds', () => {
    expect(formatClock(125000)).toBe('2:05');
    expect(formatClock(-61000)).toBe('1:01');
  });

  it('says a method’s length the way people do', () => {
    expect(aboutDuration(86)).toBe('anderhalf uur');
    expect(aboutDuration(60)).toBe('een uur');
    expect(aboutDuration(47)).toBe('drie kwartier');
    expect(aboutDuration(32)).toBe('een half uur');
    expect(aboutDuration(18)).toBe('20 minuten');
    expect(aboutDuration(120)).toBe('2 uur');
    expect(aboutDuration(150)).toBe('2,5 uur');
  });
});
