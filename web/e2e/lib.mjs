// SPDX-License-Identifier: EUPL-1.2
// Shared machinery of the browser tests: the server, the browser, people, checks.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const webDir = resolve(here, '..');
export const artifacts = join(webDir, 'e2e-artifacts');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const binary = resolve(webDir, process.env.INTERVISIE_BINARY ?? '../build/intervisie');
const methodsDir = resolve(webDir, process.env.INTERVISIE_METHODS_DIR ?? '../methods');

function waitForLine(child, pattern, what) {
  return new Promise((ok, fail) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start: ${seen}`)), 15000);
    const onData = (chunk) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        ok(m);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c) => (seen += c.toString()));
    child.on('error', (e) => fail(new Error(`${what} could not start: ${e.message}`)));
    child.on('exit', (code) => fail(new Error(`${what} exited (${code}): ${seen}`)));
  });
}

function checkBinary() {
  const help = spawnSync(binary, ['serve', '--help'], { encoding: 'utf8' });
  if (help.error || help.status !== 0) throw new Error(`cannot run ${binary}: ${help.error ?? help.stderr}`);
  if (!help.stdout.includes('--web-dir')) throw new Error(`${binary} cannot serve the web app (no --web-dir)`);
}

let streamChecked = false;

/** The status line of a raw WebSocket upgrade request. */
function upgradeStatus(port, target) {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    let seen = '';
    socket.on('data', (chunk) => {
      seen += chunk.toString('latin1');
      const m = seen.match(/^HTTP\/1\.1 (\d{3})/);
      if (m) {
        socket.destroy();
        ok(Number(m[1]));
      }
    });
    socket.on('error', fail);
    socket.setTimeout(5000, () => {
      socket.destroy();
      fail(new Error(`no answer to the upgrade: ${seen}`));
    });
  });
}

/** The real server on a free port with a fresh data dir, serving web/dist. */
export class Server {
  constructor() {
    this.data = mkdtempSync(join(tmpdir(), 'intervisie-e2e-'));
    this.port = 0;
    this.child = null;
    this.checked = false;
    this.base = '';
  }

  async start() {
    if (!this.checked) {
      checkBinary();
      this.checked = true;
    }
    // Argon2 at its lowest cost: the tests make many accounts, and their passwords guard nothing.
    const args = [
      'serve',
      '--port',
      String(this.port),
      '--data',
      this.data,
      '--methods-dir',
      methodsDir,
      '--web-dir',
      join(webDir, 'dist'),
      '--minimal-password-cost',
    ];
    this.child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // The end of what the server said on stderr: a sanitizer's report, when the ASan build runs.
    this.stderrTail = '';
    this.child.stderr.on('data', (c) => (this.stderrTail = (this.stderrTail + c.toString()).slice(-12000)));
    const m = await waitForLine(this.child, /listening on port (\d+)/, 'intervisie serve');
    this.port = Number(m[1]);
    // Without --public-url the server names itself http://localhost:<port> in join links.
    this.base = `http://localhost:${this.port}`;
    if (!streamChecked) {
      await this.checkPatchStream();
      streamChecked = true;
    }
  }

  /** The app needs `stream=patches` (protocol 3.1); an older server refuses it with 400. */
  async checkPatchStream() {
    const created = await this.api('POST', '/api/sessions', {
      method: 'balint',
      title: 'Probe',
      facilitator_name: 'Probe',
    });
    if (created.status !== 201) throw new Error(`probe session: ${JSON.stringify(created)}`);
    const { session_id: id, token } = created.body;
    const status = await upgradeStatus(
      this.port,
      `/api/sessions/${id}/live?token=${encodeURIComponent(token)}&stream=patches`,
    );
    if (status !== 101)
      throw new Error(`${binary} does not know stream=patches (it answered ${status}, not 101): rebuild it`);
  }

  /**
   * Ends the server as `make run`'s Ctrl-C would, and throws when it did not end cleanly: a crash
   * during the scenario, or a memory error or leak that the ASan + UBSan build reports at exit.
   */
  async stop() {
    if (!this.child) return;
    const child = this.child;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((ok) => {
        child.once('exit', ok);
        child.kill('SIGTERM');
      });
    }
    if (child.exitCode !== 0) {
      const end = new Error(
        `the server did not end cleanly (${child.signalCode ?? `exit ${child.exitCode}`}):\n${this.stderrTail}`,
      );
      end.serverEnd = true;
      throw end;
    }
  }

  /** Kill and start again on the same port and data: what a crash and restart looks like. */
  async restart() {
    const child = this.child;
    this.child = null;
    await new Promise((ok) => {
      child.once('exit', ok);
      child.kill('SIGKILL');
    });
    await this.start();
  }

  async close() {
    try {
      await this.stop();
    } finally {
      rmSync(this.data, { recursive: true, force: true });
    }
  }

  async api(method, path, body, headers = {}) {
    const r = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, body: json };
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
  });
}

export const phone = { width: 360, height: 740 };
export const laptop = { width: 1280, height: 800 };
export const tablet = { width: 768, height: 1024 };
export const beamer = { width: 1920, height: 1080 };

/** One person at one device; `device` may set another locale or time zone than a Dutch phone's. */
export async function person(browser, name, viewport = phone, device = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'nl-NL', ...device });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/WebSocket|Failed to load resource|ERR_CONNECTION_REFUSED/.test(m.text()))
      errors.push(m.text());
  });
  // Every live socket this page opens: the app keeps one per page (plus one per reconnect).
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  const p = { name, context, page, errors, sockets };
  const pages = openPages(browser);
  pages.add(p);
  context.on('close', () => pages.delete(p));
  return p;
}

// The pages still open, per browser: scenarios run side by side, each with a browser of its own.
const open = new WeakMap();
function openPages(browser) {
  if (!open.has(browser)) open.set(browser, new Set());
  return open.get(browser);
}

/** After a failure: a picture of every page still open in `browser`, to see what each person saw. */
export async function shootOpenPages(browser, prefix) {
  for (const p of openPages(browser)) {
    await p.page
      .screenshot({ path: join(artifacts, `${prefix}-${p.name}.png`), fullPage: true })
      .catch(() => undefined);
    await p.context.close().catch(() => undefined);
  }
}

mkdirSync(artifacts, { recursive: true });

export async function shot(p, file) {
  await p.page.screenshot({ path: join(artifacts, `${file}.png`), fullPage: true });
}

/** axe-core in the page: no serious or critical violation is allowed. */
export async function axe(p, label) {
  await p.page.evaluate(axeSource);
  const violations = await p.page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      );
  });
  if (violations.length) throw new Error(`axe on ${label} (${p.name}):\n  ${violations.join('\n  ')}`);
}

export function button(p, name) {
  return p.page.getByRole('button', { name, exact: true });
}

export async function click(p, name) {
  await button(p, name).click();
}

export async function see(p, text) {
  await p.page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ state: 'visible' });
}

export async function gone(p, text) {
  await p.page.getByText(text, { exact: false }).first().waitFor({ state: 'hidden' });
}

export async function fill(p, label, value) {
  await p.page.getByLabel(label, { exact: true }).fill(value);
}

export async function stepIs(p, n, total) {
  await see(p, `Stap ${n} van ${total}`);
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** The facilitator creates a session on the start page; returns the links it shows. */
export async function createOnStartPage(server, fac, { method, title, external = false }) {
  await fac.page.goto(`${server.base}/`);
  await fac.page.getByText(method, { exact: true }).click();
  await fill(fac, 'Naam van de bijeenkomst', title);
  await fill(fac, 'Jouw naam', fac.name);
  if (external) await fac.page.getByLabel('Ik begeleid alleen', { exact: false }).check();
  await click(fac, 'Bijeenkomst aanmaken');
  await see(fac, 'Laat de groep binnenkomen');
  const joinUrl = await fac.page.getByLabel('Deelnamelink').inputValue();
  const beamerLink = fac.page.getByRole('link', { name: 'Groot scherm openen' });
  const beamerUrl = (await beamerLink.count()) ? await beamerLink.getAttribute('href') : null;
  const sessionId = new URL(fac.page.url()).pathname.split('/')[2];
  return { joinUrl, beamerUrl, sessionId };
}

export async function joinThroughLink(p, joinUrl) {
  await p.page.goto(joinUrl);
  await fill(p, 'Jouw naam', p.name);
  await p.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(p, 'Meedoen');
  await see(p, 'Welkom. De begeleider begint');
}

export async function closeAll(people) {
  for (const p of people) await p.context.close();
}

export function checkNoPageErrors(people) {
  const errs = people.flatMap((p) => p.errors.map((e) => `${p.name}: ${e}`));
  assert(errs.length === 0, `errors in the pages:\n  ${errs.join('\n  ')}`);
}

let lastMark = Date.now();
/** With E2E_TRACE=1, print how long each stretch of a scenario took. */
export function mark(label) {
  if (!process.env.E2E_TRACE) return;
  const now = Date.now();
  console.log(`     ${((now - lastMark) / 1000).toFixed(1).padStart(5)} s  ${label}`);
  lastMark = now;
}

/** Several people join in this order; their pages load side by side. */
export async function joinAll(people, joinUrl) {
  await Promise.all(people.map((p) => p.page.goto(joinUrl)));
  for (const p of people) {
    await fill(p, 'Jouw naam', p.name);
    await p.page.getByLabel('Ik doe mee volgens deze spelregels').check();
    await click(p, 'Meedoen');
    await p.page.waitForURL(/\/s\//);
  }
  await Promise.all(people.map((p) => see(p, 'Welkom. De begeleider begint')));
}

/** Keyboard only: press Tab until `target` (a locator) has the focus, then check it shows. */
export async function tabTo(p, target, what, max = 80) {
  await target.waitFor({ state: 'visible' });
  for (let i = 0; i < max; i += 1) {
    await p.page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      const visible = await target.evaluate((el) => {
        const style = getComputedStyle(el);
        return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
      assert(visible, `${what} has the focus but shows no focus ring (${p.name})`);
      return i + 1;
    }
  }
  throw new Error(`${what} cannot be reached with Tab in ${max} presses (${p.name})`);
}

/** Press one key, with the focus on no field. */
export async function key(p, k) {
  await p.page.keyboard.press(k);
}

/** Press / until the strip's field (a locator) has the focus. */
export async function slashTo(p, field, label) {
  // The field must be on the screen before the key can reach it: a person sees it first.
  // On a busy machine the strip may still be swapping in this person's field when the key
  // lands; like a person who sees the cursor is not there yet, press it once more.
  await field.waitFor();
  let focused = false;
  for (let attempt = 0; attempt < 2 && !focused; attempt++) {
    await key(p, '/');
    for (let i = 0; i < 15 && !focused; i++) {
      focused = await field.evaluate((el) => el === document.activeElement);
      if (!focused) await p.page.waitForTimeout(100);
    }
  }
  assert(focused, `/ puts the focus in “${label}”`);
}

/** Type a line into a strip field reached by keyboard, then Enter; Escape hands the keys back. */
export async function typeInto(p, label, text, { slash = false } = {}) {
  const field = p.page.getByLabel(label, { exact: true });
  if (slash) {
    await slashTo(p, field, label);
    // A second press may have landed in the field: start from an empty one.
    await key(p, 'Control+a');
    await key(p, 'Backspace');
  } else {
    await tabTo(p, field, label);
  }
  await p.page.keyboard.type(text);
  // Held before sending: once sent, the field may give way to the next person's at once.
  const sent = await field.elementHandle();
  await key(p, 'Enter');
  // Sent: the field empties, or gives way to the next person's.
  await p.page.waitForFunction((el) => !el.isConnected || el.value === '', sent);
  await key(p, 'Escape');
}

/** The page opened exactly `n` live sockets, each asking for patches. */
export function socketsAre(p, n, when) {
  assert(
    p.sockets.every((u) => u.includes('stream=patches')),
    `${p.name}: a socket without stream=patches: ${p.sockets.join(' ')}`,
  );
  assert(p.sockets.length === n, `${p.name} opened ${p.sockets.length} live sockets ${when}, expected ${n}`);
}

/**
 * The facilitator chooses, for the whole session, one of "Zoals de werkvorm het per stap zegt",
 * "Alles hardop" or "Alles typen", and waits until the server has it.
 */
export async function contributionsAre(fac, label) {
  await openMenu(fac);
  await fac.page.getByLabel(label, { exact: true }).first().click();
  await fac.page.locator('.contrib-option.selected', { hasText: label }).first().waitFor();
}

/** The facilitator's settings live in one menu; open it when it is closed. */
export async function openMenu(fac) {
  const menu = fac.page.locator('details.fac-menu').first();
  await menu.waitFor();
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
}

/** The line that says whose turn it is, on one person's screen. */
export async function turnIs(p, text) {
  // The line under the step, or the band at the top of a phone (which then says it instead).
  await p.page
    .locator('.turn[aria-live="polite"], .band-slot[aria-live="polite"]', { hasText: text })
    .first()
    .waitFor();
}

/** The facilitator's part for the people without a device. */
export function forOthers(p) {
  return p.page.locator('section.for-others');
}

/**
 * A session made over the API, with people joined by name: returns the created session, each
 * person's id and token, and `open(p)`, which opens a person's page as if they had joined on it.
 */
export async function sessionWith(
  server,
  { method = 'incident', title = 'Intervisie team wijkzorg', facilitator = 'Fenna', names = [] } = {},
) {
  const created = await server.api('POST', '/api/sessions', { method, title, facilitator_name: facilitator });
  assert(created.status === 201, `session created: ${JSON.stringify(created.body)}`);
  const s = created.body;
  const ids = { [facilitator]: s.participant_id };
  const tokens = { [facilitator]: s.token };
  for (const name of names) {
    const r = await server.api('POST', `/api/sessions/${s.session_id}/participants`, {
      join_token: s.join_token,
      name,
    });
    assert(r.status === 201, `${name} joined: ${JSON.stringify(r.body)}`);
    ids[name] = r.body.participant_id;
    tokens[name] = r.body.token;
  }
  const open = async (p, name = p.name) => {
    const membership = { participantId: ids[name], token: tokens[name] };
    if (name === facilitator) Object.assign(membership, { joinUrl: s.join_url, beamerUrl: s.beamer_url });
    await p.page.goto(`${server.base}/`);
    await p.page.evaluate(({ id, m }) => localStorage.setItem(`intervisie.session.${id}`, JSON.stringify(m)), {
      id: s.session_id,
      m: membership,
    });
    await p.page.goto(`${server.base}/s/${s.session_id}`);
  };
  const openWall = async (p) => {
    await p.page.goto(
      `${server.base}/beamer/${s.session_id}#b=${encodeURIComponent(s.beamer_token)}&j=${encodeURIComponent(s.join_token)}`,
    );
  };
  return { ...s, ids, tokens, open, openWall };
}

/**
 * Commands sent over the protocol for people whose hands the scenario does not follow: one live
 * socket per person, from a page of its own. `send(name, command)` resolves on the ack and
 * rejects with the refusal's code.
 */
export async function protocolDriver(browser, server, session) {
  const p = await person(browser, 'driver', { width: 400, height: 300 });
  await p.page.goto(`${server.base}/healthz`);
  await p.page.evaluate(
    async ({ id, tokens }) => {
      window.sockets = {};
      window.waiting = {};
      let n = 0;
      window.send = (who, command) =>
        new Promise((ok, fail) => {
          const cid = `d${++n}`;
          window.waiting[cid] = { ok, fail };
          window.sockets[who].send(JSON.stringify({ type: 'command', id: cid, command }));
        });
      await Promise.all(
        Object.entries(tokens).map(
          ([who, token]) =>
            new Promise((ok) => {
              const ws = new WebSocket(
                `ws://${location.host}/api/sessions/${id}/live?token=${encodeURIComponent(token)}`,
              );
              ws.onmessage = (e) => {
                const m = JSON.parse(e.data);
                if (m.type === 'snapshot') ok();
                if ((m.type === 'ack' || m.type === 'error') && m.id && window.waiting[m.id]) {
                  const w = window.waiting[m.id];
                  delete window.waiting[m.id];
                  if (m.type === 'ack') w.ok(m.seq);
                  else w.fail(new Error(m.code));
                }
              };
              window.sockets[who] = ws;
            }),
        ),
      );
    },
    { id: session.session_id, tokens: session.tokens },
  );
  const send = (who, command) => p.page.evaluate(({ who, command }) => window.send(who, command), { who, command });
  return { send, close: () => p.context.close() };
}

/** Whether the element's box lies wholly inside the page's viewport (nobody scrolled to it). */
export async function inView(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.height > 0;
  });
}
