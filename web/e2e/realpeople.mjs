// SPDX-License-Identifier: EUPL-1.2
// A meeting that survives real people (issue 11): a phone that dies mid-round, someone who
// switches browser, a stranger with the link, words typed where the app expected speech, a
// beamer nobody scrolls, a presenter reading the record afterwards.

import { readFileSync } from 'node:fs';
import {
  assert,
  axe,
  beamer,
  button,
  checkNoPageErrors,
  click,
  closeAll,
  fill,
  gone,
  inView,
  laptop,
  person,
  phone,
  protocolDriver,
  see,
  sessionWith,
  shot,
  stepIs,
  turnIs,
} from './lib.mjs';

const STATEMENT = 'Ik wil vaker nee zeggen tegen extra diensten zonder me schuldig te voelen.';

/** From the lobby to the first question round: an issue chosen, the statement set. */
async function toQuestionRounds(send, presenter = 'Pieter') {
  await send('Fenna', { kind: 'start' });
  await send(presenter, { kind: 'propose_issue', text: 'Ik wil vaker nee zeggen tegen extra diensten.' });
  await send('Fenna', { kind: 'choose_issue', candidate: 1 });
  await send('Fenna', { kind: 'next_step' });
  await send(presenter, { kind: 'set_statement', text: STATEMENT });
  await send('Fenna', { kind: 'next_step' });
}

/** The letter-by-letter way in for someone who comes back: the join link, then their own name. */
async function comeBackAs(p, joinUrl, name) {
  await p.page.goto(joinUrl);
  await see(p, 'Al binnen geweest, op een ander apparaat?');
  await click(p, `Ik ben ${name}`);
  await see(p, `Welkom terug, ${name}`);
}

export async function comingBack(browser, server) {
  const s = await sessionWith(server, { names: ['Pieter', 'Anna', 'Bram', 'Carla', 'Daan'] });
  const fac = await person(browser, 'Fenna', laptop);
  const anna = await person(browser, 'Anna', phone);
  const bram = await person(browser, 'Bram', phone);
  for (const p of [fac, anna, bram]) await s.open(p);
  const drive = await protocolDriver(browser, server, {
    session_id: s.session_id,
    tokens: { Fenna: s.tokens.Fenna, Pieter: s.tokens.Pieter, Carla: s.tokens.Carla, Daan: s.tokens.Daan },
  });
  await toQuestionRounds(drive.send);
  await stepIs(anna, 3, 9);

  // Anna's phone goes flat while Fenna asks (the page is gone; what the phone stored stays).
  const annaPage = anna.page.url();
  await anna.page.goto('about:blank');
  await drive.send('Fenna', { kind: 'ask_question', text: '' });
  await drive.send('Pieter', { kind: 'answer_question' });
  // Her turn: the group sees she is away, and the facilitator passes for her.
  await turnIs(fac, 'Anna is aan de beurt, maar is niet verbonden');
  await see(fac, 'Anna is niet verbonden.');
  await see(bram, 'Na Anna ben jij');
  await fac.page.locator('.group li', { hasText: 'Anna' }).filter({ hasText: 'niet verbonden' }).waitFor();
  await axe(fac, 'facilitator with someone away');
  await click(fac, 'Anna past');
  await see(bram, 'Jij bent aan de beurt');

  // Anna picks up her colleague's phone and opens the link: her own name, one tap, and Fenna lets her in.
  const annaBack = await person(browser, 'Anna (terug)', phone);
  await annaBack.page.goto(s.join_url);
  await see(annaBack, 'Intervisie team wijkzorg');
  await see(annaBack, 'Fenna nodigt je uit');
  await axe(annaBack, 'join page with the way back');
  await comeBackAs(annaBack, s.join_url, 'Anna');
  await see(annaBack, 'Fenna ziet je verzoek');
  await see(fac, 'Anna wil terugkomen op een nieuw apparaat. Toelaten?');
  await axe(fac, 'a return request');
  await shot(fac, 'realpeople-return-request-1280');
  await fac.page.getByRole('button', { name: 'Anna toelaten' }).click();
  await stepIs(annaBack, 3, 9);
  await fac.page
    .locator('.group li', { hasText: 'Anna' })
    .filter({ hasText: 'niet verbonden' })
    .waitFor({ state: 'detached' });
  // Her place in the order is hers again: after Fenna in the next round comes Anna.
  await click(bram, 'Pas');
  await drive.send('Carla', { kind: 'pass' });
  await drive.send('Daan', { kind: 'ask_question', text: 'Wanneer lukte het wel?' });
  await drive.send('Pieter', { kind: 'answer_question' });
  await see(annaBack, 'Na Fenna ben jij');
  await drive.send('Fenna', { kind: 'pass' });
  await see(annaBack, 'Jij bent aan de beurt');
  // Her own phone, charged again, opens the meeting: it says where her place went, calmly.
  await anna.page.goto(annaPage);
  await see(anna, 'Je doet nu mee op een ander apparaat');
  await see(annaBack, 'Jij bent aan de beurt');
  await anna.context.close();

  // A stranger with the link who types Anna's name does not get in by that alone.
  const stranger = await person(browser, 'Vreemde', phone);
  await stranger.page.goto(s.join_url);
  await fill(stranger, 'Jouw naam', 'Anna');
  await stranger.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(stranger, 'Meedoen');
  await see(stranger, 'Ben jij Anna?');
  await click(stranger, 'Ja, ik ben Anna: laat me binnen');
  await see(fac, 'Anna wil terugkomen op een nieuw apparaat. Toelaten?');
  await fac.page.getByRole('button', { name: 'Anna niet toelaten' }).click();
  await see(stranger, 'Je bent niet toegelaten');
  await see(annaBack, 'Jij bent aan de beurt');

  // Anna switches browser: the new one is let in, the old one lets go of her place.
  const annaOther = await person(browser, 'Anna (andere browser)', phone);
  await comeBackAs(annaOther, s.join_url, 'Anna');
  await fac.page.getByRole('button', { name: 'Anna toelaten' }).click();
  await see(annaBack, 'Je doet nu mee op een ander apparaat');
  await see(annaOther, 'Jij bent aan de beurt');
  await click(annaOther, 'Pas');

  // The facilitator's laptop dies: someone in the group lets her back in.
  await fac.context.close();
  const facBack = await person(browser, 'Fenna (terug)', laptop);
  await comeBackAs(facBack, s.join_url, 'Fenna');
  await see(facBack, 'Iemand uit de groep ziet je verzoek');
  await see(bram, 'Fenna (begeleider) wil terugkomen op een nieuw apparaat. Toelaten?');
  await bram.page.getByRole('button', { name: 'Fenna toelaten' }).click();
  await see(facBack, 'Begeleiding');
  await see(facBack, 'Vragenrondes afsluiten');

  checkNoPageErrors([facBack, annaBack, annaOther, bram, stranger]);
  await drive.close();
  await closeAll([facBack, annaBack, annaOther, bram, stranger]);
}

export async function noWordLost(browser, server) {
  const s = await sessionWith(server, { names: ['Pieter', 'Anna', 'Bram'] });
  const fac = await person(browser, 'Fenna', laptop);
  const anna = await person(browser, 'Anna', phone);
  const bram = await person(browser, 'Bram', phone);
  const wall = await person(browser, 'Beamer', beamer);
  for (const p of [fac, anna, bram]) await s.open(p);
  await s.openWall(wall);
  const drive = await protocolDriver(browser, server, {
    session_id: s.session_id,
    tokens: { Fenna: s.tokens.Fenna, Pieter: s.tokens.Pieter },
  });
  await toQuestionRounds(drive.send);
  await drive.send('Fenna', { kind: 'pass' });

  // Anna's turn in a spoken round: she prefers to type, and taps the biggest button.
  await see(anna, 'Jij bent aan de beurt');
  await click(anna, 'Liever typen?');
  const words = 'Wat gebeurt er in je als de planner belt?';
  await fill(anna, 'Mijn vraag', words);
  await see(anna, 'Wat je typte, gaat met de knop mee op de flap.');
  const big = anna.page.locator('.turn-buttons .btn-big');
  assert(
    (await big.innerText()).includes('Zet mijn vraag op de flap'),
    `the big button sends the words: ${await big.innerText()}`,
  );
  await big.click();
  await see(fac, words);
  await see(wall, words);
  await drive.send('Pieter', { kind: 'answer_question' });

  // A reload in the middle of typing keeps the words, in every field.
  await see(bram, 'Jij bent aan de beurt');
  await click(bram, 'Liever typen?');
  await fill(bram, 'Mijn vraag', 'Wie vraagt je het vaakst om een extra dienst?');
  await bram.page.reload();
  await see(bram, 'Jij bent aan de beurt');
  const kept = await bram.page.getByLabel('Mijn vraag', { exact: true }).inputValue();
  assert(kept === 'Wie vraagt je het vaakst om een extra dienst?', `typed text survives a reload: ${kept}`);
  await bram.page.locator('.turn-buttons .btn-big').click();
  await see(fac, 'Wie vraagt je het vaakst om een extra dienst?');
  await drive.send('Pieter', { kind: 'answer_question' });

  // The disturbance text survives a reload too.
  await click(anna, 'Storing melden');
  await fill(anna, 'Wat is er aan de hand? (mag leeg blijven)', 'Het is hier erg warm.');
  await anna.page.reload();
  await click(anna, 'Storing melden');
  const disturbance = await anna.page.getByLabel('Wat is er aan de hand? (mag leeg blijven)').inputValue();
  assert(disturbance === 'Het is hier erg warm.', `the disturbance text survives a reload: ${disturbance}`);
  await click(anna, 'Toch niet');

  // Advice, typed under a spoken step: the big button gives the typed advice.
  await drive.send('Fenna', { kind: 'close_rounds' });
  for (const step of ['gossip', 'reframe']) {
    if (step === 'gossip') {
      await drive.send('Fenna', { kind: 'next_step' });
      await fill(bram, 'Wat viel je op? (komt op de flap)', 'Het woord moeten kwam vaak terug.');
      await bram.page.reload();
      const obs = await bram.page.getByLabel('Wat viel je op? (komt op de flap)').inputValue();
      assert(obs === 'Het woord moeten kwam vaak terug.', `the observation survives a reload: ${obs}`);
      await click(bram, 'Op de flap');
      await see(wall, 'Het woord moeten kwam vaak terug.');
      await drive.send('Fenna', { kind: 'next_step', confirm: true });
    } else {
      await drive.send('Pieter', { kind: 'keep_statement' });
      await drive.send('Fenna', { kind: 'next_step' });
    }
  }
  await stepIs(anna, 7, 9);
  await drive.send('Fenna', { kind: 'end_preparation' });
  await drive.send('Fenna', { kind: 'give_advice', text: '' });
  await see(anna, 'Jij bent aan de beurt');
  await click(anna, 'Liever typen?');
  await fill(anna, 'Mijn advies', 'zou ik één dienst per maand bewust weigeren.');
  const bigAdvice = anna.page.locator('.turn-buttons .btn-big');
  assert((await bigAdvice.innerText()).includes('Zet mijn advies op de flap'), 'the big button sends the typed advice');
  await bigAdvice.click();
  await see(wall, 'Als ik in jouw schoenen stond, dan zou ik één dienst per maand bewust weigeren.');

  checkNoPageErrors([fac, anna, bram, wall]);
  await drive.close();
  await closeAll([fac, anna, bram, wall]);
}

export async function wallFollows(browser, server) {
  const names = ['Pieter', 'Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Floor'];
  const s = await sessionWith(server, { names });
  const big = await person(browser, 'Beamer 1920', beamer);
  const small = await person(browser, 'Beamer 1280', { width: 1280, height: 720 });
  const anna = await person(browser, 'Anna', phone);
  const pres = await person(browser, 'Pieter', phone);
  await s.openWall(big);
  await s.openWall(small);
  await s.open(anna);
  await s.open(pres);
  const drive = await protocolDriver(browser, server, s);
  const walls = [big, small];
  const newestInView = async (selector, what) => {
    for (const w of walls) {
      const last = w.page.locator(`.wall-now ${selector}`).last();
      await last.waitFor();
      assert(await inView(last), `${what}: the newest is in view on the ${w.name} without scrolling`);
    }
  };
  await toQuestionRounds(drive.send);
  // Thirty questions from eight people: the wall keeps the newest in view.
  const order = ['Fenna', 'Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Floor'];
  let n = 0;
  while (n < 30) {
    const who = order[n % order.length];
    n += 1;
    await drive.send(who, {
      kind: 'ask_question',
      text: n % 5 === 0 ? '' : `Vraag ${n}: wat maakt dat dit je juist nu zo raakt?`,
    });
    if (n === 30) break;
    await drive.send('Pieter', { kind: 'answer_question' });
  }
  for (const w of walls) await see(w, 'Vraag 29: wat maakt dat dit je juist nu zo raakt?');
  await newestInView('li.q', 'question 30');
  const pendingOnWall = big.page.locator('.wall-now li.q').last();
  assert(
    (await pendingOnWall.getAttribute('class')).includes('q-now'),
    'the question on the table is marked on the wall',
  );
  await shot(big, 'realpeople-wall-questions-1920');
  await shot(small, 'realpeople-wall-questions-1280');
  await drive.send('Pieter', { kind: 'answer_question' });
  await drive.send('Fenna', { kind: 'close_rounds' });
  await drive.send('Fenna', { kind: 'next_step' });
  for (const who of ['Anna', 'Bram', 'Carla'])
    await drive.send(who, { kind: 'add_observation', text: `${who} zag: het schuldgevoel lijkt ouder dan deze baan.` });
  await newestInView('[data-item="observation"]', 'observation');
  await drive.send('Fenna', { kind: 'close_gossip' });
  await drive.send('Pieter', { kind: 'reflect', text: 'Dat van het schuldgevoel klopt.' });
  await newestInView('[data-item="reflection"]', 'reflection');
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Pieter', { kind: 'keep_statement' });
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Fenna', { kind: 'end_preparation' });
  for (const who of order)
    await drive.send(who, {
      kind: 'give_advice',
      text: who === 'Bram' ? '' : `zou ik als ${who} eerst één dienst per maand weigeren en kijken wat er gebeurt.`,
    });
  await newestInView('[data-item="advice"]', 'advice');
  for (const w of walls) await see(w, 'Als ik in jouw schoenen stond, dan zou ik als Floor eerst');
  await shot(big, 'realpeople-wall-advice-1920');
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Pieter', {
    kind: 'react',
    tomorrow: 'De planner vragen om een vast vrij weekend.',
    think_over: 'Waarom ik me schuldig voel.',
  });
  await newestInView('[data-item="reaction"]', 'reaction');
  for (const w of walls) await see(w, 'De planner vragen om een vast vrij weekend.');
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Fenna', { kind: 'next_step', confirm: true });

  // After the end: a closing screen on the wall and on the phones, the case gone; the presenter keeps the record.
  for (const w of walls) {
    await see(w, 'Afgerond. Dank jullie wel.');
    const text = await w.page.locator('main').innerText();
    assert(!text.includes(STATEMENT) && !text.includes('Vraag 29'), `no case content on the ${w.name} after the end`);
  }
  await see(anna, 'De bijeenkomst is afgerond');
  const annaText = await anna.page.locator('main').innerText();
  assert(
    !annaText.includes(STATEMENT) && !annaText.includes('vast vrij weekend'),
    'an adviser’s phone keeps nothing of the case',
  );
  await see(pres, 'Mijn verslag openen');
  await axe(big, 'wall, finished');
  await shot(big, 'realpeople-wall-finished-1920');
  checkNoPageErrors([big, small, anna, pres]);
  await drive.close();
  await closeAll([big, small, anna, pres]);
}

export async function recordWorthTakingHome(browser, server) {
  const s = await sessionWith(server, { names: ['Pieter', 'Anna', 'Bram', 'Carla'] });
  const fac = await person(browser, 'Fenna', laptop);
  const anna = await person(browser, 'Anna', phone);
  const pres = await person(browser, 'Pieter', phone);
  for (const p of [fac, anna, pres]) await s.open(p);
  const drive = await protocolDriver(browser, server, {
    session_id: s.session_id,
    tokens: { Fenna: s.tokens.Fenna, Pieter: s.tokens.Pieter, Bram: s.tokens.Bram, Carla: s.tokens.Carla },
  });
  await toQuestionRounds(drive.send);
  await drive.send('Fenna', { kind: 'ask_question', text: 'Wat gebeurt er in je als de planner belt?' });
  await drive.send('Pieter', { kind: 'answer_question' });

  // Anna asks out loud, taps once, and jots the key point down right after.
  await see(anna, 'Jij bent aan de beurt');
  await click(anna, 'Ik heb mijn vraag gesteld');
  await see(anna, 'De kern van je vraag, in één regel');
  await fill(anna, 'De kern van je vraag, in één regel', 'Wat kost nee zeggen je?');
  await click(anna, 'Kern bewaren');
  await see(fac, 'Wat kost nee zeggen je?');
  await drive.send('Pieter', { kind: 'answer_question' });
  // Bram asks out loud and leaves the key point; the facilitator notes it from the flip chart.
  await drive.send('Bram', { kind: 'ask_question', text: '' });
  await drive.send('Pieter', { kind: 'answer_question' });
  await fac.page.locator('.flip-now li.q', { hasText: 'Bram' }).getByRole('button', { name: 'Kern noteren' }).click();
  await fill(fac, 'De kern van de vraag van Bram', 'Wanneer lukte nee zeggen wel?');
  await click(fac, 'Kern bewaren');
  await see(anna, 'Wanneer lukte nee zeggen wel?');
  // Carla asks out loud, and nobody writes the key point.
  await drive.send('Carla', { kind: 'ask_question', text: '' });
  await drive.send('Pieter', { kind: 'answer_question' });
  await drive.send('Fenna', { kind: 'close_rounds' });
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Anna', { kind: 'add_observation', text: 'Hij zegt vaak moeten.' }).catch(() => undefined);
  await drive.send('Bram', { kind: 'add_observation', text: 'Het schuldgevoel lijkt ouder dan deze baan.' });
  await drive.send('Fenna', { kind: 'next_step', confirm: true });
  await drive.send('Pieter', { kind: 'keep_statement' });
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Fenna', { kind: 'end_preparation' });
  await drive.send('Fenna', { kind: 'give_advice', text: 'zou ik één dienst per maand bewust weigeren.' });
  await see(anna, 'Jij bent aan de beurt');
  await click(anna, 'Ik heb mijn advies gegeven');
  await fill(anna, 'De kern van je advies, in één regel', 'Oefen het gesprek met de planner vooraf.');
  await click(anna, 'Kern bewaren');
  await drive.send('Bram', { kind: 'give_advice', text: '' });
  await drive.send('Carla', { kind: 'pass' });
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Pieter', { kind: 'react', tomorrow: 'Eén keer nee zeggen.', think_over: '' });
  await drive.send('Fenna', { kind: 'next_step' });
  await drive.send('Fenna', { kind: 'next_step', confirm: true });

  // The record names who asked and advised, with the key points; nothing reads as an empty line.
  await pres.page.getByRole('link', { name: 'Mijn verslag openen' }).click();
  await see(pres, 'Persoonlijk verslag voor de inbrenger');
  const record = await pres.page.locator('article.report').innerText();
  for (const wanted of [
    'Wat gebeurt er in je als de planner belt?',
    '— Fenna',
    'Wat kost nee zeggen je?',
    '— Anna',
    'Wanneer lukte nee zeggen wel?',
    '— Bram',
    'Ook hardop gesteld, zonder kern: Carla.',
    'Oefen het gesprek met de planner vooraf.',
    'Ook hardop gegeven, zonder kern: Bram.',
    'Het schuldgevoel lijkt ouder dan deze baan.',
  ]) {
    assert(record.includes(wanted), `the record holds “${wanted}”:\n${record}`);
  }
  assert(
    !record.includes('Hardop gesteld') && !record.includes('Hardop gegeven'),
    'no empty “said out loud” line in the record',
  );
  await axe(pres, 'record with authors');
  await shot(pres, 'realpeople-record-360');
  const [download] = await Promise.all([pres.page.waitForEvent('download'), click(pres, 'Opslaan als tekstbestand')]);
  const text = readFileSync(await download.path(), 'utf8');
  assert(download.suggestedFilename().endsWith('.txt'), `a text file: ${download.suggestedFilename()}`);
  assert(
    text.includes('Anna') && text.includes('Wat kost nee zeggen je?'),
    'the text file names the authors and the key points',
  );
  // A week later, on another visit: the record is still there for the presenter.
  await pres.page.reload();
  await see(pres, 'Wat kost nee zeggen je?');
  checkNoPageErrors([fac, anna, pres]);
  await drive.close();
  await closeAll([fac, anna, pres]);
}

export async function turnsAndFlow(browser, server) {
  const s = await sessionWith(server, { names: ['Pieter', 'Anna', 'Bram', 'Carla'] });
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', phone);
  const bram = await person(browser, 'Bram', phone);
  const wall = await person(browser, 'Beamer', beamer);
  for (const p of [fac, pres, anna, bram]) await s.open(p);
  await s.openWall(wall);
  const drive = await protocolDriver(browser, server, { session_id: s.session_id, tokens: { Carla: s.tokens.Carla } });

  // Before the start the settings are open, as part of getting ready; once under way they wait
  // in one closed menu, not in every step.
  await see(fac, 'Laat de groep binnenkomen');
  await fac.page.getByRole('switch', { name: /Taalhints/ }).waitFor();
  await click(fac, 'Beginnen');
  await stepIs(fac, 1, 9);
  assert(
    !(await fac.page.getByRole('switch', { name: /Taalhints/ }).isVisible()),
    'the wording coach switch waits in the menu',
  );
  // Inventory: what is missing is said in words.
  await see(fac, 'Kies eerst samen een vraagstuk.');
  assert((await button(fac, 'Verder: Het vraagstuk benoemen').count()) === 0, 'no “next” while nothing is chosen');
  await fill(pres, 'Mijn vraagstuk', 'Ik wil vaker nee zeggen tegen extra diensten.');
  await click(pres, 'Op de flap zetten');
  await click(anna, 'Stem op: Ik wil vaker nee zeggen tegen extra diensten.');
  await click(fac, 'Kies het vraagstuk met de meeste stemmen');
  await see(pres, 'Jij brengt vandaag de casus in');
  // The facilitator has scrolled down; the next step starts at the top for everyone.
  await fac.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await anna.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await click(fac, 'Verder: Het vraagstuk benoemen');
  await stepIs(fac, 2, 9);
  for (const p of [fac, anna]) {
    const top = await p.page
      .waitForFunction(() => window.scrollY === 0, null, { timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    assert(top, `${p.name} is at the top of the new step`);
  }
  await see(pres, 'Jij hebt het woord');
  await fill(pres, 'Mijn vraagstuk', STATEMENT);
  await click(pres, 'Op de flap zetten');
  await click(pres, 'Bedenktijd starten');
  // The time to think: one timer on every screen, and nobody "has the word".
  await see(wall, 'Bedenktijd: iedereen denkt in stilte na');
  for (const p of [fac, pres, anna, wall]) {
    await see(p, 'Bedenktijd: nog');
    assert((await p.page.locator('[role="timer"]').count()) === 1, `one timer on ${p.name}’s screen`);
  }
  assert((await wall.page.getByText('heeft het woord').count()) === 0, 'nobody has the word while everyone thinks');
  await click(fac, 'Verder: Rondjes vragen');

  // Question rounds: the band on your phone, and "after X it is you" for the next.
  await see(fac, 'Jij bent aan de beurt');
  await see(anna, 'Na Fenna ben jij');
  await shot(anna, 'realpeople-next-360');
  await click(fac, 'Ik heb mijn vraag gesteld');
  await see(pres, 'Fenna stelde je een vraag');
  await turnIs(anna, 'Pieter beantwoordt de vraag van Fenna');
  await turnIs(fac, 'Pieter beantwoordt jouw vraag');
  assert(
    (await pres.page.getByText('Pieter beantwoordt').count()) === 0,
    'the presenter never reads about himself in the third person',
  );
  const answer = pres.page.getByRole('button', { name: 'Beantwoord', exact: true });
  assert(await inView(answer), 'the presenter’s answer button is in view on a phone without scrolling');
  await answer.click();
  await see(anna, 'Jij bent aan de beurt');
  await see(bram, 'Na Anna ben jij');
  const primary = anna.page.locator('.turn-buttons .btn-big');
  assert(await inView(primary), 'the turn’s primary button is in view on a 360×740 phone without scrolling');
  await shot(anna, 'realpeople-your-turn-360');
  // With the keyboard open the page is shorter: typing, the big button stays in view.
  await click(anna, 'Liever typen?');
  await anna.page.getByLabel('Mijn vraag', { exact: true }).focus();
  await anna.page.setViewportSize({ width: 360, height: 420 });
  await anna.page.keyboard.type('Wat maakt het zo lastig?');
  await anna.page.waitForTimeout(300);
  assert(await inView(primary), 'the turn’s primary button is in view with the keyboard open');
  await anna.page.setViewportSize(phone);
  await primary.click();
  await click(pres, 'Beantwoord');
  await click(bram, 'Pas');
  await drive.send('Carla', { kind: 'pass' });
  await click(fac, 'Vragenrondes afsluiten');
  await click(fac, 'Verder: Rondje roddelen');
  await see(pres, 'Jij luistert nu');
  await click(fac, 'Rondje afsluiten');
  // After the gossip round the word is the presenter's, on every screen.
  await see(pres, 'Jij hebt het woord');
  await turnIs(anna, 'Pieter (inbrenger) heeft het woord');
  await turnIs(wall, 'Pieter (inbrenger) heeft het woord');
  await see(pres, 'Wat je hier typt, komt op de flap en op het grote scherm.');

  // The facilitator's menu holds the settings; one-laptop mode keeps its strip slim.
  await fac.page.getByText('Instellingen en mensen').click();
  await fac.page.getByRole('switch', { name: /Taalhints/ }).waitFor();
  await click(fac, 'Eén-laptopstand');
  const strip = fac.page.locator('.console-strip');
  await strip.waitFor();
  const box = await strip.boundingBox();
  assert(
    box && box.height <= 0.25 * 800,
    `the one-laptop strip takes at most a quarter of a 1280×800 screen: ${box?.height}px`,
  );
  await shot(fac, 'realpeople-onelaptop-1280');
  await fac.page.keyboard.press('?');
  const title = fac.page.getByRole('heading', { name: 'Sneltoetsen' });
  await title.waitFor();
  assert(await inView(title), 'the shortcut overview shows its own title');
  await fac.page.keyboard.press('Escape');
  await axe(fac, 'one-laptop strip');

  checkNoPageErrors([fac, pres, anna, bram, wall]);
  await drive.close();
  await closeAll([fac, pres, anna, bram, wall]);
}

export async function joiningAndPrivacy(browser, server) {
  // The start page: a way in with a code, and a method's length as people say it.
  const zoe = await person(browser, 'Zoë', phone);
  await zoe.page.goto(`${server.base}/`);
  await see(zoe, 'Meedoen met een code');
  await see(zoe, 'ongeveer anderhalf uur');
  assert((await zoe.page.getByText(/ongeveer \d+ minuten/).count()) === 0, 'no “about 86 minutes”');

  const s = await sessionWith(server, { names: ['Pieter', 'Anna'] });
  const fac = await person(browser, 'Fenna', laptop);
  const wall = await person(browser, 'Beamer', beamer);
  await s.open(fac);
  await s.openWall(wall);
  const code = (await wall.page.locator('.beamer-code .join-code').innerText()).replace(/\D/g, '');
  assert(/^\d{6}$/.test(code), `the wall shows a six-digit code: ${code}`);
  await see(fac, 'Of met de code op de startpagina:');

  // A wrong code says so kindly; the right one leads to the join page with the meeting's name.
  await fill(zoe, 'Code van het grote scherm', code === '000000' ? '111111' : '000000');
  await click(zoe, 'Meedoen');
  await see(zoe, 'Die code kennen we niet');
  await fill(zoe, 'Code van het grote scherm', `${code.slice(0, 3)} ${code.slice(3)}`);
  await click(zoe, 'Meedoen');
  await see(zoe, 'Intervisie team wijkzorg');
  await see(zoe, 'Fenna nodigt je uit');
  await fill(zoe, 'Jouw naam', 'Zoë');
  await zoe.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(zoe, 'Meedoen');
  await see(zoe, 'Welkom. De begeleider begint');
  // The phone's header names the meeting.
  await see(zoe, 'Intervisie team wijkzorg');
  assert(await zoe.page.locator('.topbar .session-title').isVisible(), 'the meeting’s name is in the phone’s header');

  // A disturbance without a name: nobody, not even the wall, learns who raised it.
  await click(zoe, 'Storing melden');
  await zoe.page.getByLabel('Zonder mijn naam melden').check();
  await click(zoe, 'Nu melden');
  await see(fac, 'Er is een storing gemeld');
  await see(wall, 'Er is een storing gemeld');
  assert((await fac.page.getByText('Storing gemeld door Zoë').count()) === 0, 'no name with an anonymous disturbance');
  await click(fac, 'Opgelost, we gaan verder');
  await gone(wall, 'Er is een storing gemeld');

  checkNoPageErrors([zoe, fac, wall]);
  await closeAll([zoe, fac, wall]);
}
