// SPDX-License-Identifier: EUPL-1.2
// The live connection to one session: one WebSocket per page.
//
// The client asks for `stream=patches` (docs/protocol.md 3.1): the server sends this
// participant's whole view on connecting, and after every change only what changed in it (a
// JSON Patch), before the ack of the command that caused it. Folding events on the client would
// mean copying the engine's rules (turn order, timers, roles, per-viewer filtering); this way
// the server's view is the only truth and the page shows exactly the view the server made.
// A patch that does not fit (it never should) makes the page connect again for a whole view.

import { applyPatch } from 'fast-json-patch';
import type { Command, ServerMessage, SessionState } from './types';
import { lang } from './i18n';

/**
 * `moved`: this place was taken back on another device (protocol `seat_moved`).
 * `crowded`: this place is open on too many screens at once (`too_many_connections`); the page
 * waits for the person to close one and try again, since trying by itself would only add to it.
 */
export type LinkStatus = 'connecting' | 'online' | 'offline' | 'denied' | 'moved' | 'crowded';

export type CommandResult = { ok: true; seq: number } | { ok: false; code: string; message: string };

export interface LiveView {
  state: SessionState | null;
  status: LinkStatus;
  /** performance.now() when `state` arrived; the timer counts down from there. */
  receivedAt: number;
}

type Listener = (view: LiveView) => void;

function liveUrl(sessionId: string, token: string): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const id = encodeURIComponent(sessionId);
  // `lang`: the engine's refusals come in the language the page speaks (protocol 3.1); a switch
  // of language counts from the next connection.
  const language = lang() === 'en' ? '&lang=en' : '';
  return `${proto}//${location.host}/api/sessions/${id}/live?token=${encodeURIComponent(token)}&stream=patches${language}`;
}

const RETRY_MS = [300, 800, 1500, 3000, 5000];

export class LiveSession {
  private socket: WebSocket | null = null;
  private view: LiveView = { state: null, status: 'connecting', receivedAt: 0 };
  private listeners = new Set<Listener>();
  private pending = new Map<string, (r: CommandResult) => void>();
  private nextId = 1;
  private retries = 0;
  private retryTimer: number | undefined;
  private closed = false;
  private openedOnce = false;

  constructor(
    private readonly sessionId: string,
    private readonly token: string,
  ) {
    this.connect();
    window.addEventListener('online', this.reconnectNow);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  get current(): LiveView {
    return this.view;
  }

  close(): void {
    this.closed = true;
    window.removeEventListener('online', this.reconnectNow);
    window.clearTimeout(this.retryTimer);
    this.socket?.close();
    this.failPending('connection_closed');
  }

  send(command: Command): Promise<CommandResult> {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.resolve({ ok: false, code: 'offline', message: '' });
    }
    const id = `c${Date.now().toString(36)}-${this.nextId++}`;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      socket.send(JSON.stringify({ type: 'command', id, command }));
    });
  }

  private emit(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l(this.view);
  }

  private failPending(code: string): void {
    for (const resolve of this.pending.values()) resolve({ ok: false, code, message: '' });
    this.pending.clear();
  }

  /** After `crowded`: the person closed another screen and asks to connect again. */
  retry(): void {
    if (this.closed || this.view.status !== 'crowded') return;
    this.retries = 0;
    this.emit({ status: 'connecting' });
    this.connect();
  }

  private reconnectNow = (): void => {
    const status = this.view.status;
    if (this.closed || status === 'online' || status === 'denied' || status === 'crowded') return;
    window.clearTimeout(this.retryTimer);
    this.retries = 0;
    this.connect();
  };

  private connect(): void {
    if (this.closed) return;
    // No `since`: with stream=patches every connection starts with the whole view.
    const socket = new WebSocket(liveUrl(this.sessionId, this.token));
    this.socket = socket;
    if (this.view.status !== 'connecting' && !this.openedOnce) this.emit({ status: 'connecting' });
    socket.onopen = () => {
      this.openedOnce = true;
    };
    socket.onmessage = (e) => this.onMessage(socket, e);
    socket.onclose = (e) => {
      if (this.socket !== socket) return;
      // The error message says it first (protocol 3.3); a close frame's reason alone counts too.
      if (e?.reason === 'too_many_connections') return this.crowded(socket);
      this.socket = null;
      this.failPending('connection_lost');
      if (this.closed) return;
      if (!this.openedOnce && this.view.state === null) {
        // Never got in: either the server is away, or it refused this token.
        void this.serverIsUp().then((up) => {
          if (this.closed) return;
          if (up) this.emit({ status: 'denied' });
          else this.scheduleRetry();
        });
        return;
      }
      this.scheduleRetry();
    };
  }

  /**
   * Eight screens hold this place already. The server closes this one; trying again by ourselves
   * would only knock on the same door, so the person decides when (`retry`).
   */
  private crowded(socket: WebSocket): void {
    this.socket = null;
    window.clearTimeout(this.retryTimer);
    this.failPending('connection_closed');
    this.emit({ status: 'crowded', state: null });
    socket.close();
  }

  private scheduleRetry(): void {
    this.emit({ status: 'offline' });
    const delay = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)];
    this.retries += 1;
    this.retryTimer = window.setTimeout(() => this.connect(), delay);
  }

  private async serverIsUp(): Promise<boolean> {
    try {
      const r = await fetch('/healthz', { cache: 'no-store' });
      return r.ok;
    } catch {
      return false;
    }
  }

  private onMessage(socket: WebSocket, e: MessageEvent): void {
    if (this.socket !== socket) return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(String(e.data)) as ServerMessage;
    } catch {
      return;
    }
    switch (msg.type) {
      case 'snapshot':
        this.retries = 0;
        this.emit({ state: msg.state, status: 'online', receivedAt: performance.now() });
        break;
      case 'patch': {
        const state = this.view.state;
        let next: SessionState;
        try {
          if (!state) throw new Error('a patch before the first snapshot');
          // Validated and on a copy: the state on screen is never half-patched.
          next = applyPatch(state, msg.patch, true, false).newDocument;
        } catch {
          // Start again from a whole view rather than show one the server never made.
          socket.close();
          this.socket = null;
          this.failPending('connection_lost');
          this.connect();
          break;
        }
        this.emit({ state: next, receivedAt: performance.now() });
        break;
      }
      case 'ack':
      case 'error': {
        if (msg.type === 'error' && msg.id === null && (msg.code === 'seat_moved' || msg.code === 'place_ended')) {
          // Someone let this person in on another device, or their account was deleted: this
          // page is no longer theirs, and trying again would not change that.
          this.closed = true;
          window.removeEventListener('online', this.reconnectNow);
          this.failPending('connection_closed');
          this.emit({ status: msg.code === 'seat_moved' ? 'moved' : 'denied', state: null });
          socket.close();
          break;
        }
        if (msg.type === 'error' && msg.id === null && msg.code === 'too_many_connections') {
          this.crowded(socket);
          break;
        }
        // The patch with this command's effect came before its ack, so the page is current.
        if (msg.id === null) break;
        const resolve = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        resolve?.(
          msg.type === 'ack' ? { ok: true, seq: msg.seq } : { ok: false, code: msg.code, message: msg.message },
        );
        break;
      }
      // Not sent on stream=patches (there `connected` and every event's effect come by patch);
      // handled anyway, so a server that sends them cannot leave the page behind.
      case 'presence':
        if (this.view.state) this.emit({ state: { ...this.view.state, connected: msg.connected } });
        break;
      case 'event':
        break;
    }
  }
}
