// SPDX-License-Identifier: EUPL-1.2
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollWhileVisible, type Visibility } from './poll';

class Page implements Visibility {
  hidden = false;
  private fns = new Set<() => void>();
  addEventListener(_: 'visibilitychange', fn: () => void) {
    this.fns.add(fn);
  }
  removeEventListener(_: 'visibilitychange', fn: () => void) {
    this.fns.delete(fn);
  }
  set(hidden: boolean) {
    this.hidden = hidden;
    for (const fn of this.fns) fn();
  }
  get listeners() {
    return this.fns.size;
  }
}

describe('asking again while the page is in sight', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks every interval, and not before the first has passed', async () => {
    const ask = vi.fn(() => Promise.resolve());
    const stop = pollWhileVisible(ask, 7000, () => true, new Page());
    expect(ask).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(7000);
    expect(ask).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(14000);
    expect(ask).toHaveBeenCalledTimes(3);
    stop();
  });

  it('stops while hidden, and asks at once when the page is back', async () => {
    const page = new Page();
    const ask = vi.fn(() => Promise.resolve());
    const stop = pollWhileVisible(ask, 7000, () => true, page);
    page.set(true);
    await vi.advanceTimersByTimeAsync(60000);
    expect(ask).not.toHaveBeenCalled();
    page.set(false);
    expect(ask).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(7000);
    expect(ask).toHaveBeenCalledTimes(2);
    stop();
  });

  it('asks only while wanted', async () => {
    let wanted = false;
    const ask = vi.fn(() => Promise.resolve());
    const stop = pollWhileVisible(ask, 5000, () => wanted, new Page());
    await vi.advanceTimersByTimeAsync(20000);
    expect(ask).not.toHaveBeenCalled();
    wanted = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(ask).toHaveBeenCalledTimes(1);
    stop();
  });

  it('never has two requests out at once, and carries on after a failure', async () => {
    let finish: () => void = () => undefined;
    const ask = vi.fn(() => new Promise<void>((_, fail) => (finish = () => fail(new Error('offline')))));
    const stop = pollWhileVisible(ask, 5000, () => true, new Page());
    await vi.advanceTimersByTimeAsync(30000);
    expect(ask).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ask).toHaveBeenCalledTimes(2);
    stop();
  });

  it('stops for good, and lets go of the page', async () => {
    const page = new Page();
    const ask = vi.fn(() => Promise.resolve());
    const stop = pollWhileVisible(ask, 5000, () => true, page);
    stop();
    expect(page.listeners).toBe(0);
    await vi.advanceTimersByTimeAsync(20000);
    expect(ask).not.toHaveBeenCalled();
  });
});
