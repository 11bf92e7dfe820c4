// SPDX-License-Identifier: EUPL-1.2
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveSession, type LiveView } from './live';

// The language the page speaks, as the i18n module would say it.
const page = vi.hoisted(() => ({ lang: 'nl' }));
vi.mock('./i18n', () => ({ lang: () => page.lang }));
import type { SessionState } from './types';

/** A stand-in for the browser's WebSocket that records what the client does. */
class FakeSocket {
  static OPEN = 1;
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e?: { code: number; reason: string }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) });
  }
}

function state(version: number, extra: Partial<SessionState> = {}): SessionState {
  return { version, connected: [1], title: 'T', ...extra } as SessionState;
}

// What the page hears from the browser, such as `online` when the network comes back.
let listeners = new Map<string, () => void>();

beforeEach(() => {
  FakeSocket.made = [];
  listeners = new Map();
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { protocol: 'http:', host: 'example.test' });
  vi.stubGlobal('window', {
    addEventListener: (k: string, f: () => void) => listeners.set(k, f),
    removeEventListener: (k: string) => listeners.delete(k),
    setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  page.lang = 'nl';
});

describe('LiveSession', () => {
  it('asks for refusals in English when the page speaks English, and in Dutch otherwise', () => {
    new LiveSession('abc', '1.secret');
    expect(FakeSocket.made[0].url).not.toContain('lang=');
    page.lang = 'en';
    new LiveSession('abc', '1.secret');
    expect(FakeSocket.made[1].url).toBe(
      'ws://example.test/api/sessions/abc/live?token=1.secret&stream=patches&lang=en',
    );
  });

  it('keeps one socket that asks for patches and shows each view as it comes', async () => {
    const live = new LiveSession('abc', '1.secret');
    const views: LiveView[] = [];
    live.subscribe((v) => views.push(v));
    expect(FakeSocket.made).toHaveLength(1);
    const socket = FakeSocket.made[0];
    expect(socket.url).toBe('ws://example.test/api/sessions/abc/live?token=1.secret&stream=patches');
    socket.open();
    socket.receive({ type: 'snapshot', seq: 4, state: state(4) });
    expect(live.current.status).toBe('online');
    expect(live.current.state?.version).toBe(4);

    const result = live.send({ kind: 'start' });
    const sent = socket.sent[0] as { type: string; id: string; command: unknown };
    expect(sent).toMatchObject({ type: 'command', command: { kind: 'start' } });
    // The server sends what changed in this view, then the ack.
    const before = live.current.state;
    socket.receive({
      type: 'patch',
      seq: 6,
      patch: [
        { op: 'replace', path: '/version', value: 6 },
        { op: 'add', path: '/phase', value: 'running' },
        { op: 'add', path: '/connected/1', value: 2 },
      ],
    });
    expect(live.current.state).toMatchObject({ version: 6, phase: 'running', connected: [1, 2] });
    expect(before).toMatchObject({ version: 4, connected: [1] }); // a new state, not a changed one
    socket.receive({ type: 'ack', id: sent.id, seq: 6 });
    await expect(result).resolves.toEqual({ ok: true, seq: 6 });

    // Presence alone (the event and snapshot streams have it) still counts.
    socket.receive({ type: 'presence', connected: [1] });
    expect(live.current.state?.connected).toEqual([1]);
    expect(live.current.state?.version).toBe(6);

    // No second socket was ever opened.
    expect(FakeSocket.made).toHaveLength(1);
    live.close();
  });

  it('connects again for a whole view when a patch does not fit, and never shows half of it', () => {
    const live = new LiveSession('abc', '1.secret');
    const first = FakeSocket.made[0];
    first.open();
    first.receive({ type: 'snapshot', seq: 3, state: state(3) });
    first.receive({
      type: 'patch',
      seq: 4,
      patch: [
        { op: 'replace', path: '/version', value: 4 },
        { op: 'replace', path: '/flip_chart/questions/7/text', value: 'Wat?' },
      ],
    });
    expect(live.current.state?.version).toBe(3);
    expect(first.readyState).toBe(3);
    expect(FakeSocket.made).toHaveLength(2);
    const second = FakeSocket.made[1];
    second.open();
    second.receive({ type: 'snapshot', seq: 4, state: state(4) });
    expect(live.current).toMatchObject({ status: 'online', state: { version: 4 } });
    // The old socket's late messages count for nothing.
    first.receive({ type: 'patch', seq: 5, patch: [{ op: 'replace', path: '/version', value: 5 }] });
    expect(live.current.state?.version).toBe(4);
    live.close();
  });

  it('answers a refused command with its code', async () => {
    const live = new LiveSession('abc', '1.secret');
    const socket = FakeSocket.made[0];
    socket.open();
    socket.receive({ type: 'snapshot', seq: 2, state: state(2) });
    const result = live.send({ kind: 'pass' });
    const { id } = socket.sent[0] as { id: string };
    socket.receive({ type: 'error', id, code: 'not_your_turn', message: 'Niet jouw beurt.' });
    await expect(result).resolves.toEqual({ ok: false, code: 'not_your_turn', message: 'Niet jouw beurt.' });
    live.close();
  });

  it('reconnects after a drop and takes the new snapshot whole', async () => {
    vi.useFakeTimers();
    const live = new LiveSession('abc', '1.secret');
    const first = FakeSocket.made[0];
    first.open();
    first.receive({ type: 'snapshot', seq: 3, state: state(3) });
    const lost = live.send({ kind: 'pass' });
    first.readyState = 3;
    first.onclose?.();
    await expect(lost).resolves.toMatchObject({ ok: false, code: 'connection_lost' });
    expect(live.current.status).toBe('offline');
    vi.advanceTimersByTime(400);
    expect(FakeSocket.made).toHaveLength(2);
    const second = FakeSocket.made[1];
    expect(second.url).toContain('&stream=patches');
    expect(second.url).not.toContain('since');
    second.open();
    second.receive({ type: 'snapshot', seq: 9, state: state(9) });
    expect(live.current).toMatchObject({ status: 'online', state: { version: 9 } });
    live.close();
    vi.useRealTimers();
  });

  it('stops trying by itself when the place is open on too many screens', async () => {
    vi.useFakeTimers();
    const live = new LiveSession('abc', '1.secret');
    const socket = FakeSocket.made[0];
    socket.open();
    socket.receive({
      type: 'error',
      id: null,
      code: 'too_many_connections',
      message: 'Deze plek is op te veel schermen tegelijk open.',
    });
    expect(live.current).toMatchObject({ status: 'crowded', state: null });
    expect(socket.readyState).toBe(3);
    // The server's close comes after; nothing knocks again, not even when the network returns.
    socket.onclose?.();
    vi.advanceTimersByTime(60_000);
    listeners.get('online')?.();
    expect(FakeSocket.made).toHaveLength(1);
    expect(live.current.status).toBe('crowded');
    live.close();
    vi.useRealTimers();
  });

  it('connects again when the person asks, after closing another screen', () => {
    const live = new LiveSession('abc', '1.secret');
    FakeSocket.made[0].open();
    FakeSocket.made[0].receive({ type: 'error', id: null, code: 'too_many_connections', message: '' });
    live.retry();
    expect(live.current.status).toBe('connecting');
    expect(FakeSocket.made).toHaveLength(2);
    const second = FakeSocket.made[1];
    second.open();
    second.receive({ type: 'snapshot', seq: 7, state: state(7) });
    expect(live.current).toMatchObject({ status: 'online', state: { version: 7 } });
    live.close();
  });

  it('says it again when the place is still crowded on asking', () => {
    const live = new LiveSession('abc', '1.secret');
    FakeSocket.made[0].open();
    FakeSocket.made[0].receive({ type: 'error', id: null, code: 'too_many_connections', message: '' });
    live.retry();
    FakeSocket.made[1].open();
    FakeSocket.made[1].receive({ type: 'error', id: null, code: 'too_many_connections', message: '' });
    expect(live.current.status).toBe('crowded');
    expect(FakeSocket.made).toHaveLength(2);
    live.close();
  });

  it('leaves the session page for the crowded notice when a dropped screen comes back to a full place', async () => {
    vi.useFakeTimers();
    const live = new LiveSession('abc', '1.secret');
    const first = FakeSocket.made[0];
    first.open();
    first.receive({ type: 'snapshot', seq: 3, state: state(3) });
    first.readyState = 3;
    first.onclose?.();
    vi.advanceTimersByTime(400);
    const second = FakeSocket.made[1];
    second.open();
    second.receive({ type: 'error', id: null, code: 'too_many_connections', message: '' });
    expect(live.current).toMatchObject({ status: 'crowded', state: null });
    const refused = live.send({ kind: 'pass' });
    await expect(refused).resolves.toMatchObject({ ok: false, code: 'offline' });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.made).toHaveLength(2);
    live.close();
    vi.useRealTimers();
  });

  it('hears too many screens in the close frame’s reason alone, too', () => {
    vi.useFakeTimers();
    const live = new LiveSession('abc', '1.secret');
    FakeSocket.made[0].open();
    FakeSocket.made[0].onclose?.({ code: 1000, reason: 'too_many_connections' });
    expect(live.current.status).toBe('crowded');
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.made).toHaveLength(1);
    live.close();
    vi.useRealTimers();
  });

  it('asks again only after a crowded notice, never over a working connection', () => {
    const live = new LiveSession('abc', '1.secret');
    FakeSocket.made[0].open();
    FakeSocket.made[0].receive({ type: 'snapshot', seq: 1, state: state(1) });
    live.retry();
    expect(FakeSocket.made).toHaveLength(1);
    expect(live.current.status).toBe('online');
    live.close();
  });
});
