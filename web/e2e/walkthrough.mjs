// SPDX-License-Identifier: EUPL-1.2
// A whole incident session, step by step, photographed on four screens: the facilitator's
// laptop, the presenter's phone, one adviser's phone and the beamer. The session is driven over
// the protocol (one WebSocket per person, from a driver page), so the same walkthrough runs
// against any version of the web app: what it shows is what people would see.
//
// Usage: node e2e/walkthrough.mjs <label>   →  web/e2e-artifacts/walkthrough/<label>/*.png

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Server, artifacts, launchBrowser, laptop, person, phone, beamer as beamerSize } from './lib.mjs';

const label = process.argv[2] ?? 'now';
const dir = join(artifacts, 'walkthrough', label);
mkdirSync(dir, { recursive: true });

/** A page on the server's origin that holds one live socket per person and sends their commands. */
async function driver(browser, server, people) {
  const p = await person(browser, 'driver', { width: 400, height: 300 });
  await p.page.goto(`${server.base}/healthz`);
  await p.page.evaluate(
    async ({ id, people }) => {
      window.sockets = {};
      window.waiting = {};
      let n = 0;
      window.send = (who, command) =>
        new Promise((ok, fail) => {
          const cid = `w${++n}`;
          window.waiting[cid] = { ok, fail };
          window.sockets[who].send(JSON.stringify({ type: 'command', id: cid, command }));
        });
      await Promise.all(
        Object.entries(people).map(
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
                  else w.fail(new Error(`${m.code}: ${m.message}`));
                }
              };
              window.sockets[who] = ws;
            }),
        ),
      );
    },
    { id: people.id, people: people.tokens },
  );
  return async (who, command) => {
    await p.page.evaluate(({ who, command }) => window.send(who, command), { who, command });
  };
}

async function open(browser, server, name, viewport, id, membership) {
  const p = await person(browser, name, viewport);
  await p.page.goto(`${server.base}/`);
  await p.page.evaluate(({ id, m }) => localStorage.setItem(`intervisie.session.${id}`, JSON.stringify(m)), {
    id,
    m: membership,
  });
  await p.page.goto(`${server.base}/s/${id}`);
  return p;
}

const server = new Server();
await server.start();
const browser = await launchBrowser();
try {
  const created = await server.api('POST', '/api/sessions', {
    method: 'incident',
    title: 'Intervisie team wijkzorg',
    facilitator_name: 'Fenna',
  });
  const s = created.body;
  const tokens = { Fenna: s.token };
  const ids = { Fenna: 1 };
  for (const name of ['Pieter', 'Anna', 'Bram', 'Carla', 'Daan']) {
    const r = await server.api('POST', `/api/sessions/${s.session_id}/participants`, {
      join_token: s.join_token,
      name,
    });
    tokens[name] = r.body.token;
    ids[name] = r.body.participant_id;
  }
  const fac = await open(browser, server, 'facilitator', laptop, s.session_id, {
    participantId: 1,
    token: s.token,
    joinUrl: s.join_url,
    beamerUrl: s.beamer_url,
  });
  const pres = await open(browser, server, 'presenter', phone, s.session_id, {
    participantId: ids.Pieter,
    token: tokens.Pieter,
  });
  const anna = await open(browser, server, 'adviser', phone, s.session_id, {
    participantId: ids.Anna,
    token: tokens.Anna,
  });
  const wall = await person(browser, 'beamer', beamerSize);
  await wall.page.goto(
    `${s.beamer_url.replace(/#.*/, '')}#b=${encodeURIComponent(s.beamer_token)}&j=${encodeURIComponent(s.join_token)}`,
  );
  const send = await driver(browser, server, { id: s.session_id, tokens });
  const screens = [
    [fac, 'facilitator-1280'],
    [pres, 'presenter-360'],
    [anna, 'adviser-360'],
    [wall, 'beamer-1920'],
  ];
  let count = 0;
  const shoot = async (name) => {
    count += 1;
    await new Promise((r) => setTimeout(r, 700));
    for (const [p, who] of screens) {
      const file = `${String(count).padStart(2, '0')}-${name}-${who}`;
      // What the screen shows without scrolling, and the whole page.
      await p.page.screenshot({ path: join(dir, `${file}.png`) });
      await p.page.screenshot({ path: join(dir, `${file}-full.png`), fullPage: true });
    }
  };

  await shoot('lobby');
  await send('Fenna', { kind: 'start' });
  await send('Pieter', { kind: 'propose_issue', text: 'Ik wil vaker nee zeggen tegen extra diensten.' });
  await send('Anna', { kind: 'propose_issue', text: 'Ik wil beter omgaan met een ouder die steeds boos belt.' });
  for (const who of ['Fenna', 'Anna', 'Bram', 'Carla']) await send(who, { kind: 'vote', candidate: 1 });
  await shoot('inventory');
  await send('Fenna', { kind: 'choose_issue', candidate: 1 });
  await send('Fenna', { kind: 'next_step' });
  await shoot('statement-empty');
  await send('Pieter', {
    kind: 'set_statement',
    text: 'Ik wil vaker nee zeggen tegen extra diensten zonder me schuldig te voelen.',
  });
  await send('Pieter', { kind: 'start_preparation' });
  await shoot('statement-preparation');
  await send('Fenna', { kind: 'end_preparation' });
  await send('Fenna', { kind: 'next_step' });
  await shoot('questions-first-turn');
  await send('Fenna', { kind: 'ask_question', text: 'Wat gebeurt er in je als de planner belt?' });
  await send('Pieter', { kind: 'answer_question' });
  await shoot('questions-anna-next');
  await send('Anna', { kind: 'ask_question', text: '' });
  await shoot('questions-pending');
  await send('Pieter', { kind: 'answer_question' });
  await send('Bram', { kind: 'ask_question', text: 'Wanneer lukte nee zeggen wel?' });
  await send('Pieter', { kind: 'answer_question' });
  await send('Carla', { kind: 'pass' });
  await send('Daan', { kind: 'ask_question', text: '' });
  await send('Pieter', { kind: 'decline_question' });
  for (let round = 0; round < 4; round++) {
    for (const who of ['Fenna', 'Anna', 'Bram', 'Carla', 'Daan']) {
      await send(who, {
        kind: 'ask_question',
        text: `Vraag ${round + 2} van ${who}: wat maakt het verschil voor jou?`,
      });
      await send('Pieter', { kind: 'answer_question' });
    }
  }
  await shoot('questions-many');
  await send('Fenna', { kind: 'close_rounds' });
  await send('Fenna', { kind: 'next_step' });
  await send('Anna', { kind: 'add_observation', text: 'Hij zegt vaak "moeten" als hij over het team praat.' });
  await send('Bram', { kind: 'add_observation', text: 'Het schuldgevoel lijkt ouder dan deze baan.' });
  await shoot('gossip');
  await send('Fenna', { kind: 'close_gossip' });
  await shoot('gossip-closed');
  await send('Pieter', { kind: 'reflect', text: 'Het "moeten" herken ik. Daar ga ik op letten.' });
  await send('Fenna', { kind: 'next_step' });
  await shoot('reframe');
  await send('Pieter', { kind: 'keep_statement' });
  await send('Fenna', { kind: 'next_step' });
  await shoot('advice-preparation');
  await send('Fenna', { kind: 'end_preparation' }).catch(() => undefined);
  await send('Fenna', { kind: 'give_advice', text: 'zou ik één dienst per maand bewust weigeren.' });
  await shoot('advice-anna-turn');
  await send('Anna', { kind: 'give_advice', text: '' });
  await send('Bram', { kind: 'give_advice', text: 'zou ik het gesprek met de planner vooraf oefenen.' });
  await send('Carla', { kind: 'give_advice', text: '' });
  await send('Daan', { kind: 'pass' });
  await shoot('advice-done');
  await send('Fenna', { kind: 'next_step' });
  await shoot('reaction-empty');
  await send('Pieter', {
    kind: 'react',
    tomorrow: 'De planner vragen om een vast vrij weekend.',
    think_over: 'Waarom ik me schuldig voel.',
  });
  await shoot('reaction');
  await send('Fenna', { kind: 'next_step' });
  await send('Anna', { kind: 'closing_remark', text: 'Ik herken veel voor mezelf.' });
  await shoot('closing');
  await send('Fenna', { kind: 'next_step', confirm: true });
  await shoot('finished');
  console.log(`walkthrough: ${count} moments × ${screens.length} screens in ${dir}`);
} finally {
  await browser.close();
  await server.close();
}
