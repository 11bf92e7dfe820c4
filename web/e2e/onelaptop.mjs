// SPDX-License-Identifier: EUPL-1.2
// One laptop on a beamer: the facilitator runs a whole incident session for six people, five of
// them added by name without a device of their own, by keyboard only; then the presenter's record.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  artifacts,
  assert,
  axe,
  beamer,
  checkNoPageErrors,
  closeAll,
  key,
  person,
  see,
  stepIs,
  tabTo,
  typeInto,
  mark,
} from './lib.mjs';

const STATEMENT = 'Ik wil vaker nee zeggen zonder me schuldig te voelen.';
const REFRAMED = 'Ik wil mijn grenzen bewaken zonder de sfeer in het team te verliezen.';
const CAS_QUESTION = 'Wanneer voel je het verschil tussen willen en moeten?';
const BRAM_ADVICE = 'zou ik eerst om bedenktijd vragen voordat ik ja zeg.';
const KEY_POINT = 'Eén keer per week bewust nee zeggen, en kijken wat er gebeurt.';

/** What the beamer shows: the screen as it is, not the whole page. */
async function screen(p, file) {
  await p.page.screenshot({ path: join(artifacts, `${file}.png`), fullPage: false });
}

/** The polite live region that says whose turn it is, in the strip. */
function turnLine(p) {
  return p.page.locator('.console-strip .turn[aria-live="polite"]');
}

async function turnIs(p, text) {
  await turnLine(p).filter({ hasText: text }).waitFor();
}

/** The strip's key buttons: the legend of what works now. */
async function legend(p) {
  return p.page.locator('.console-strip .key-row .key-btn').allInnerTexts();
}

export async function oneLaptop(browser, server) {
  const fac = await person(browser, 'Fenna', beamer);
  const page = fac.page;

  // The start page, by keyboard: the method, the title, the name, Enter.
  await page.goto(`${server.base}/`);
  await tabTo(fac, page.getByRole('radio', { name: /^Incidentmethode/ }), 'the incident method');
  await key(fac, 'Space');
  await tabTo(fac, page.getByLabel('Naam van de bijeenkomst', { exact: true }), 'the title');
  await page.keyboard.type('Eén laptop, zes mensen');
  await tabTo(fac, page.getByLabel('Jouw naam', { exact: true }), 'the name');
  await page.keyboard.type('Fenna');
  await key(fac, 'Enter');
  await see(fac, 'Laat de groep binnenkomen');

  // Into one-laptop mode, by keyboard.
  await tabTo(fac, page.getByRole('button', { name: 'Eén-laptopstand', exact: true }), 'the one-laptop switch', 120);
  await key(fac, 'Enter');
  await page.locator('.console-strip').waitFor();
  await see(fac, 'Nog niet begonnen');
  await see(fac, 'Iedereen komt binnen');
  mark('one-laptop: created');

  // Five people without a device, by name. Their names hold n, v, p and b: typed, they stay words.
  const field = 'Naam van wie zonder eigen apparaat meedoet';
  await key(fac, '/');
  for (const name of ['Pieter', 'Anna', 'Bram', 'Cas', 'Daan']) {
    await page.keyboard.type(name);
    await key(fac, 'Enter');
    await page.locator('.beamer-names li.no-device', { hasText: name }).waitFor();
  }
  await key(fac, 'Escape');
  assert((await page.getByText('Stap 1 van 9').count()) === 0, 'typing names started nothing');
  assert((await page.locator('.beamer-names li').count()) === 6, 'six people in the room');
  assert((await page.locator('.beamer-names li.no-device').count()) === 5, 'five of them without a device');
  await see(fac, 'Doe mee: scan de QR-code met je telefoon');
  await axe(fac, 'one-laptop lobby');
  await screen(fac, 'onelaptop-01-lobby-1920');
  assert(await page.getByLabel(field, { exact: true }).isVisible(), 'the name field stays for more people');

  // The "?" overlay: every key, in words; Escape closes it and gives the focus back.
  await key(fac, '?');
  const dialog = page.getByRole('dialog', { name: 'Sneltoetsen' });
  await dialog.waitFor();
  await see(fac, 'Wie aan de beurt is, past');
  await axe(fac, 'the keys overlay');
  await screen(fac, 'onelaptop-02-keys-overlay-1920');
  await key(fac, 'Escape');
  await dialog.waitFor({ state: 'detached' });

  // N begins.
  await key(fac, 'n');
  await stepIs(fac, 1, 9);
  mark('one-laptop: lobby');

  // Step 1: an issue for Pieter, chosen with its number.
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'Pieter' });
  await key(fac, 'Escape');
  await typeInto(fac, 'Vraagstuk van Pieter', 'Ik zeg te vaak ja tegen extra werk.', { slash: true });
  await see(fac, 'Ik zeg te vaak ja tegen extra werk.');
  await see(fac, 'genoteerd door Fenna');
  await key(fac, '1');
  await page.locator('.people-line li', { hasText: 'inbrenger' }).filter({ hasText: 'Pieter' }).waitFor();
  await key(fac, 'n');
  await stepIs(fac, 2, 9);

  // Step 2: Fenna types the statement Pieter says; E starts and ends the time to think.
  await see(fac, 'Pieter (inbrenger) heeft het woord');
  await typeInto(fac, 'Het vraagstuk van Pieter', STATEMENT, { slash: true });
  await page.locator('.console-board .statement', { hasText: STATEMENT }).waitFor();
  await key(fac, 'e');
  await see(fac, 'Bedenktijd: nog');
  await key(fac, 'e');
  await page.getByText('Bedenktijd: nog').waitFor({ state: 'hidden' });
  await key(fac, 'n');
  await stepIs(fac, 3, 9);
  mark('one-laptop: statement');

  // Step 3: question rounds, out loud. Order: Fenna, Anna, Bram, Cas, Daan.
  await turnIs(fac, 'Jij bent aan de beurt');
  const keysNow = await legend(fac);
  assert(
    keysNow.some((k) => k.includes('Mijn vraag gesteld')) && keysNow.some((k) => k.includes('Ik pas')),
    `Fenna's own keys: ${keysNow}`,
  );
  await key(fac, 'v');
  await turnIs(fac, 'Pieter beantwoordt');
  await key(fac, 'b');
  await turnIs(fac, 'Anna is aan de beurt; jij tikt het in');
  await see(fac, 'Hardop gesteld');
  await axe(fac, 'one-laptop question rounds');
  await screen(fac, 'onelaptop-03-question-rounds-1920');
  await key(fac, 'v');
  await turnIs(fac, 'Pieter beantwoordt');
  await key(fac, 'g');
  await turnIs(fac, 'Bram is aan de beurt; jij tikt het in');
  await see(fac, 'Bij deze vraag gaf de inbrenger een grens aan.');
  await key(fac, 'p');
  await turnIs(fac, 'Cas is aan de beurt; jij tikt het in');
  // Cas's words typed in: the letters in it (v, b, n, p…) are not shortcuts.
  const asked = await page.locator('.questions li').count();
  await key(fac, '/');
  await page.keyboard.type(CAS_QUESTION);
  assert((await page.locator('.questions li').count()) === asked, 'typing a question sends nothing by itself');
  await key(fac, 'Enter');
  await turnIs(fac, 'Pieter beantwoordt');
  await key(fac, 'Escape');
  await see(fac, CAS_QUESTION);
  await key(fac, 'b');
  await turnIs(fac, 'Daan is aan de beurt; jij tikt het in');
  await key(fac, 'v');
  await turnIs(fac, 'Pieter beantwoordt');
  await key(fac, 'b');
  await turnIs(fac, 'Ronde 2');

  // A break and more time, by key.
  await key(fac, 't');
  await see(fac, 'Pauze: de tijd staat stil.');
  assert(!(await legend(fac)).some((k) => k.includes('vraag gesteld')), 'no turns during a break');
  await key(fac, 't');
  await page.getByText('Pauze: de tijd staat stil.').waitFor({ state: 'hidden' });
  await key(fac, '+');
  await see(fac, 'van 22 min');
  await key(fac, 's');
  await turnIs(fac, 'De vragenrondes zijn klaar');
  await key(fac, 'n');
  await stepIs(fac, 4, 9);
  mark('one-laptop: question rounds');

  // Step 4: the gossip round. An observation of Anna's (key points for the presenter wait for
  // the advice: one kind of note per step).
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'Anna' });
  await key(fac, 'Escape');
  await typeInto(fac, 'Wat Anna opviel', 'Bij vragen over zijn leidinggevende werd het stil.', { slash: true });
  await see(fac, 'Bij vragen over zijn leidinggevende werd het stil.');
  await screen(fac, 'onelaptop-04-gossip-1920');
  await key(fac, 's');
  await page.locator('.key-presenter').waitFor();
  await key(fac, 'r');
  await page.locator('.key-presenter').waitFor({ state: 'detached' });
  await key(fac, 'n');
  await stepIs(fac, 5, 9);

  // Step 5: the reframed issue, typed as Pieter says it.
  await typeInto(fac, 'Het vraagstuk van Pieter, opnieuw gezegd', REFRAMED, { slash: true });
  await page.locator('.console-board .statement', { hasText: REFRAMED }).waitFor();
  await key(fac, 'n');
  await stepIs(fac, 6, 9);

  // Step 6: one question, then on with the confirmation: N, and N again.
  await turnIs(fac, 'Jij bent aan de beurt');
  await key(fac, 'v');
  await turnIs(fac, 'Pieter beantwoordt');
  await key(fac, 'b');
  await turnIs(fac, 'Anna is aan de beurt');
  await key(fac, 'n');
  await see(fac, 'Deze stap is nog niet rond');
  await key(fac, 'n');
  await stepIs(fac, 7, 9);
  mark('one-laptop: gossip to new rounds');

  // Step 7: advice, after the time to think.
  await turnIs(fac, 'Bedenktijd: iedereen denkt in stilte na');
  await key(fac, 'e');
  await turnIs(fac, 'Jij bent aan de beurt');
  await key(fac, 'v');
  await turnIs(fac, 'Anna is aan de beurt; jij tikt het in');
  await key(fac, 'v');
  await turnIs(fac, 'Bram is aan de beurt; jij tikt het in');
  await typeInto(fac, 'Het advies van Bram (typen mag, hoeft niet)', BRAM_ADVICE, { slash: true });
  await turnIs(fac, 'Cas is aan de beurt; jij tikt het in');
  await key(fac, 'p');
  await turnIs(fac, 'Daan is aan de beurt; jij tikt het in');
  await key(fac, 'v');
  await turnIs(fac, 'Iedereen is aan de beurt geweest');
  await typeInto(fac, 'Kernpunt voor Pieter', KEY_POINT);
  await see(fac, KEY_POINT);
  await see(fac, `Als ik in jouw schoenen stond, dan ${BRAM_ADVICE}`);
  await see(fac, 'Hardop gegeven');
  await axe(fac, 'one-laptop advice');
  await screen(fac, 'onelaptop-05-advice-1920');
  await key(fac, 'n');
  await stepIs(fac, 8, 9);

  // Step 8: Pieter's reaction, said out loud.
  await page.locator('.key-presenter').waitFor();
  await key(fac, 'r');
  await page.locator('.key-presenter').waitFor({ state: 'detached' });
  await key(fac, 'n');
  await stepIs(fac, 9, 9);
  mark('one-laptop: advice and reaction');

  // Step 9: everyone looks back: Fenna first, then each in turn; Anna's words typed.
  for (const who of ['Ik heb teruggeblikt', 'Pieter heeft teruggeblikt']) {
    await page.locator('.key-contributed', { hasText: who }).waitFor();
    await key(fac, 'v');
  }
  await page.locator('.key-contributed', { hasText: 'Anna heeft teruggeblikt' }).waitFor();
  await typeInto(fac, 'Terugblik van Anna (mag leeg)', 'De stilte in het roddelrondje zei veel.', { slash: true });
  for (const who of ['Bram', 'Cas', 'Daan']) {
    await page.locator('.key-contributed', { hasText: `${who} heeft teruggeblikt` }).waitFor();
    await key(fac, 'v');
  }
  await page.locator('.key-contributed').waitFor({ state: 'detached' });
  await screen(fac, 'onelaptop-06-closing-1920');
  await key(fac, 'n');
  await see(fac, 'Afgerond');
  await axe(fac, 'one-laptop finished');
  await screen(fac, 'onelaptop-07-finished-1920');
  mark('one-laptop: closing');

  // The record for Pieter, who has no device: opened, checked and saved by keyboard.
  await tabTo(fac, page.getByRole('link', { name: 'Verslag voor Pieter openen' }), 'the record link');
  await key(fac, 'Enter');
  await see(fac, 'Verslag voor Pieter, die zonder eigen apparaat meedeed');
  await see(fac, REFRAMED);
  await see(fac, 'Kernpunten die de anderen voor je noteerden');
  await see(fac, KEY_POINT);
  await see(fac, CAS_QUESTION);
  // Questions said out loud without a key point are not empty lines: they name who asked them.
  await see(fac, 'zonder kern');
  assert(
    (await page.getByText('Hardop gesteld', { exact: true }).count()) === 0,
    'no empty “asked out loud” lines in the record',
  );
  await axe(fac, 'the record for a presenter without a device');
  await screen(fac, 'onelaptop-08-record-1920');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await tabTo(
        fac,
        page.getByRole('button', { name: 'Opslaan als tekstbestand', exact: true }),
        'the download button',
      );
      await key(fac, 'Enter');
    })(),
  ]);
  const md = readFileSync(await download.path(), 'utf8');
  assert(
    md.includes(REFRAMED) && md.includes(KEY_POINT) && md.includes('zonder kern'),
    `the Markdown holds the record:\n${md}`,
  );

  checkNoPageErrors([fac]);
  await closeAll([fac]);
}
