// The live connection to one session.
//
// The server sends each participant's view as a snapshot on connecting and then single events.
// Folding events on the client would mean copying the engine's rules (turn order, timers,
// roles, per-viewer filtering); instead the client keeps one long-lived socket for commands,
// acks and event notices, and on every new event fetches a fresh snapshot over a short second
// socket. The server's view is then the only truth, and a snapshot on loopback takes a few ms.

import type { Command, ServerMessage, SessionState } from './types';

export type LinkStatus = 'connecting' | 'online' | 'offline' | 'denied';

export type CommandResult =
  | { ok: true; seq: number }
  | { ok: false; code: string; message: string };

export interface LiveView {
  state: SessionState | null;
  status: LinkStatus;
  /** performance.now() when `state` arrived; the timer counts down from there. */
  receivedAt: number;
}

type Listener = (view: LiveView) => void;

function liveUrl(sessionId: string, token: string): string {
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${location.host}/api/sessions/${encodeURIComponent(sessionId)}/live?token=${encodeURIComponent(token)}`;
}

const RETRY_MS = [300, 800, 1500, 3000, 5000];

export class LiveSession {
  private socket: WebSocket | null = null;
  private view: LiveView = { state: null, status: 'connecting', receivedAt: 0 };
  private listeners = new Set<Listener>();
  private pending = new Map<string, (r: CommandResult) => void>();
  private nextId = 1;
  private highestSeq = 0;
  private refreshing = false;
  private retries = 0;
  private retryTimer: number | undefined;
  private closed = false;
  private openedOnce = false;
  /** Acked commands whose events are not yet in the shown snapshot. */
  private afterSeq: { seq: number; run: () => void }[] = [];

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
    // Those were acknowledged: they happened, even if their snapshot never came on this socket.
    for (const w of this.afterSeq) w.run();
    this.afterSeq = [];
  }

  private reconnectNow = (): void => {
    if (this.closed || this.view.status === 'online' || this.view.status === 'denied') return;
    window.clearTimeout(this.retryTimer);
    this.retries = 0;
    this.connect();
  };

  private connect(): void {
    if (this.closed) return;
    // Always connect without `since`: the snapshot is the whole view, so nothing has to be folded.
    const socket = new WebSocket(liveUrl(this.sessionId, this.token));
    this.socket = socket;
    if (this.view.status !== 'connecting' && !this.openedOnce) this.emit({ status: 'connecting' });
    socket.onopen = () => {
      this.openedOnce = true;
    };
    socket.onmessage = (e) => this.onMessage(socket, e);
    socket.onclose = () => {
      if (this.socket !== socket) return;
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
        this.acceptSnapshot(msg.seq, msg.state, true);
        this.emit({ status: 'online' });
        break;
      case 'event':
        this.highestSeq = Math.max(this.highestSeq, msg.seq);
        this.refresh();
        break;
      case 'ack': {
        this.highestSeq = Math.max(this.highestSeq, msg.seq);
        const resolve = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (this.view.state && this.view.state.version >= msg.seq) {
          resolve?.({ ok: true, seq: msg.seq });
        } else {
          // Resolve once the snapshot that includes this command has arrived.
          this.afterSeq.push({ seq: msg.seq, run: () => resolve?.({ ok: true, seq: msg.seq }) });
          this.refresh();
        }
        break;
      }
      case 'error': {
        if (msg.id === null) break;
        const resolve = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        resolve?.({ ok: false, code: msg.code, message: msg.message });
        break;
      }
      case 'presence':
        if (this.view.state) {
          this.emit({ state: { ...this.view.state, connected: msg.connected } });
        }
        break;
    }
  }

  private acceptSnapshot(seq: number, state: SessionState, fromMain: boolean): void {
    const known = this.view.state;
    if (known && !fromMain && state.version < known.version) return;
    this.highestSeq = Math.max(this.highestSeq, seq);
    // The side socket's own presence is counted in its snapshot; keep the main socket's list.
    const connected = !fromMain && known ? known.connected : state.connected;
    this.emit({ state: { ...state, connected }, receivedAt: performance.now() });
    const ready = this.afterSeq.filter((w) => w.seq <= state.version);
    this.afterSeq = this.afterSeq.filter((w) => w.seq > state.version);
    for (const w of ready) w.run();
  }

  /** Fetch a fresh snapshot over a short-lived second socket. */
  private refresh(): void {
    if (this.refreshing || this.closed) return;
    this.refreshing = true;
    const side = new WebSocket(liveUrl(this.sessionId, this.token));
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.refreshing = false;
      side.onmessage = null;
      side.onclose = null;
      side.close();
      const version = this.view.state?.version ?? 0;
      if (this.highestSeq > version) this.refresh();
    };
    side.onmessage = (e) => {
      try {
        const msg = JSON.parse(String(e.data)) as ServerMessage;
        if (msg.type === 'snapshot') {
          this.acceptSnapshot(msg.seq, msg.state, false);
          finish();
        }
      } catch {
        finish();
      }
    };
    side.onclose = () => {
      if (done) return;
      done = true;
      this.refreshing = false;
      // The main socket's reconnect brings a snapshot anyway if the server is gone.
      if (this.socket && this.socket.readyState === WebSocket.OPEN) {
        window.setTimeout(() => this.refresh(), 500);
      }
    };
  }
}
