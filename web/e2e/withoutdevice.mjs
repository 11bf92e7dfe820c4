// SPDX-License-Identifier: EUPL-1.2
// The Balint method for six, with the presenter and two advisers on the facilitator's laptop
// (added by name, without a device) and two advisers on their own phones. The facilitator writes
// and shares the advice of those without a device, speaks for the presenter, and at the end
// opens the presenter's record as the server gives it.

import { readFileSync } from 'node:fs';
import {
  assert,
  axe,
  checkNoPageErrors,
  click,
  closeAll,
  createOnStartPage,
  fill,
  joinAll,
  key,
  laptop,
  person,
  phone,
  see,
  shot,
  slashTo,
  stepIs,
  typeInto,
  mark,
  turnIs,
  forOthers,
  openMenu,
} from './lib.mjs';

const STATEMENT = 'Ik wil een cliënt die steeds afzegt beter bereiken.';
const FENNA_DRAFT = 'Ik zou een vast moment afspreken en haar vooraf een bericht sturen.';
const ANNA_DRAFT = 'Ik zou samen met haar uitzoeken wat het afzeggen haar oplevert.';
const ANNA_ESSENCE = 'Vraag wat afzeggen haar brengt.';
const BRAM_DRAFT = 'Ik zou de huisarts vragen mee te denken over een eerste stap.';
const CAS_DRAFT = 'Ik zou het gesprek naar een plek verplaatsen waar zij zich thuis voelt.';
const DAAN_DRAFT = 'Ik zou benoemen wat het afzeggen met jou doet.';
const TOMORROW = 'Een vast belmoment voorstellen.';

function strip(p) {
  return p.page.locator('.console-strip');
}

/** Into one-laptop mode and out of it, from the facilitator's panel and the strip. */
async function consoleOn(p) {
  await openMenu(p);
  await click(p, 'Eén-laptopstand');
  await strip(p).waitFor();
}

async function consoleOff(p) {
  await click(p, 'Terug naar het volledige overzicht');
  await strip(p).waitFor({ state: 'detached' });
  await p.page.locator('section.facilitator').waitFor();
}

export async function balintWithoutDevice(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const cas = await person(browser, 'Cas', phone);
  const daan = await person(browser, 'Daan', phone);
  const phones = [cas, daan];
  const page = fac.page;

  const { joinUrl } = await createOnStartPage(server, fac, { method: 'Balintmethode', title: 'Balint op één laptop' });
  for (const name of ['Pieter', 'Anna', 'Bram']) {
    await fill(fac, 'Naam van wie zonder eigen apparaat meedoet', name);
    await click(fac, 'Toevoegen');
    await page.locator('.group li.no-device', { hasText: name }).waitFor();
  }
  await joinAll(phones, joinUrl);
  await see(fac, 'De groep (6 van 8)');
  await page.getByLabel('Wie brengt de casus in?').selectOption({ label: 'Pieter' });
  await click(fac, 'Aanwijzen');
  await see(fac, 'Inbrenger: Pieter');
  await click(fac, 'Beginnen');
  for (const p of [fac, ...phones]) await stepIs(p, 1, 5);
  mark('without a device: lobby');

  // Step 1: Pieter says his issue, Fenna puts it on the flip chart for him.
  await see(fac, 'Pieter vertelt wat er speelt');
  await fill(fac, 'Het vraagstuk van Pieter', STATEMENT);
  await forOthers(fac).getByRole('button', { name: 'Op de flap zetten', exact: true }).click();
  await see(cas, STATEMENT);
  await click(fac, 'Bedenktijd starten');
  await click(fac, 'Bedenktijd beëindigen');
  await click(fac, 'Verder: Rondjes vragen');
  for (const p of [fac, ...phones]) await stepIs(p, 2, 5);

  // Step 2, out loud. Order: Fenna, Anna, Bram, Cas, Daan; Fenna taps in Pieter's answers.
  await turnIs(fac, 'Jij bent aan de beurt');
  await click(fac, 'Ik heb mijn vraag gesteld');
  await see(fac, 'Pieter doet mee zonder eigen apparaat. Tik in wat er gebeurde:');
  await click(fac, 'Pieter heeft geantwoord');
  await turnIs(fac, 'Anna is aan de beurt; jij tikt het in');
  await forOthers(fac).getByRole('button', { name: 'Vraag gesteld', exact: true }).click();
  await see(fac, 'Pieter doet mee zonder eigen apparaat. Tik in wat er gebeurde:');
  await click(fac, 'Pieter heeft geantwoord');
  await turnIs(fac, 'Bram is aan de beurt; jij tikt het in');
  await click(fac, 'Bram past');
  await turnIs(cas, 'Jij bent aan de beurt');
  await click(cas, 'Ik heb mijn vraag gesteld');
  await see(fac, 'Pieter doet mee zonder eigen apparaat. Tik in wat er gebeurde:');
  await click(fac, 'Pieter heeft geantwoord');
  await turnIs(daan, 'Jij bent aan de beurt');
  await click(daan, 'Pas');
  await turnIs(fac, 'Jij bent aan de beurt');
  await click(fac, 'Vragenrondes afsluiten');
  await click(fac, 'Verder: Advies opschrijven');
  for (const p of [fac, ...phones]) await stepIs(p, 3, 5);
  mark('without a device: questions');

  // Step 3: everyone writes. Fenna her own, and Anna's as Anna tells it.
  await fill(fac, 'Mijn advies (alleen zichtbaar voor mij)', FENNA_DRAFT);
  await click(fac, 'Bewaren');
  await page.locator('.your-part .saved', { hasText: 'Bewaard' }).waitFor();
  await see(fac, 'Voor wie zonder apparaat meedoet');
  await page.getByLabel('Wiens advies?', { exact: true }).selectOption({ label: 'Anna' });
  await fill(fac, 'Het geschreven advies van Anna', ANNA_DRAFT);
  await click(fac, 'Bewaren voor Anna');
  await forOthers(fac).locator('.saved', { hasText: 'Bewaard' }).waitFor();
  await see(fac, 'Bewaard voor: Anna.');
  await see(fac, 'Nog niets van: Bram.');
  await axe(fac, 'writing advice for someone without a device');
  await shot(fac, 'withoutdevice-01-write-for-anna');
  for (const [p, text] of [
    [cas, CAS_DRAFT],
    [daan, DAAN_DRAFT],
  ]) {
    await fill(p, 'Mijn advies (alleen zichtbaar voor mij)', text);
    await click(p, 'Bewaren');
    await see(p, 'Bewaard');
  }
  assert(
    (await cas.page.getByText(ANNA_DRAFT).count()) === 0,
    'Anna’s advice stays off the others’ screens until she shares it',
  );

  // Bram's advice on the one-laptop strip: his place in the picker, then / and the words.
  await consoleOn(fac);
  await page.getByLabel('Van', { exact: true }).selectOption({ label: 'Bram' });
  await key(fac, 'Escape');
  await slashTo(fac, page.getByLabel('Geschreven advies van Bram', { exact: true }), 'Bram’s advice');
  // A second press may have landed in the field: start from an empty one.
  await key(fac, 'Control+a');
  await key(fac, 'Backspace');
  await page.keyboard.type(BRAM_DRAFT);
  await key(fac, 'Enter');
  await strip(fac).locator('.saved', { hasText: 'Bewaard' }).waitFor();
  await key(fac, 'Escape');
  await shot(fac, 'withoutdevice-02-strip-write-for-bram');
  await consoleOff(fac);
  await see(fac, 'Bewaard voor: Anna, Bram.');
  await click(fac, 'Verder: Adviezen delen');
  for (const p of [fac, ...phones]) await stepIs(p, 4, 5);
  mark('without a device: writing');

  // Step 4: in turn. Fenna shares her own, then Anna's with the essence Anna says.
  await turnIs(fac, 'Jij bent aan de beurt');
  await click(fac, 'Delen met de inbrenger');
  await turnIs(fac, 'Anna is aan de beurt; jij tikt het in');
  await see(fac, 'Wat Anna opschreef');
  await forOthers(fac).getByText(ANNA_DRAFT).waitFor();
  await fill(fac, 'De kern van Anna in één zin (mag leeg)', ANNA_ESSENCE);
  await axe(fac, 'sharing for someone without a device');
  await shot(fac, 'withoutdevice-03-share-for-anna');
  await click(fac, 'Anna heeft gedeeld');
  await turnIs(fac, 'Bram is aan de beurt; jij tikt het in');
  for (const p of phones) await see(p, ANNA_DRAFT);
  await see(cas, ANNA_ESSENCE);

  // Bram's turn on the strip: he tells it, one key hands over what he wrote.
  await consoleOn(fac);
  await strip(fac).locator('.key-contributed', { hasText: 'Bram: advies gedeeld' }).waitFor();
  await key(fac, 'v');
  await turnIs(fac, 'Cas is aan de beurt, op het eigen apparaat');
  await see(cas, BRAM_DRAFT);
  await turnIs(cas, 'Jij bent aan de beurt');
  await fill(cas, 'De kern in één zin (mag leeg)', 'Kern van Cas');
  await click(cas, 'Delen met de inbrenger');
  await turnIs(daan, 'Jij bent aan de beurt');
  await click(daan, 'Pas');
  await turnIs(fac, 'Iedereen is aan de beurt geweest');
  await key(fac, 'n');
  await stepIs(fac, 5, 5);
  mark('without a device: sharing');

  // Step 5: Pieter says what he takes with him; Fenna types one line of it.
  await typeInto(fac, 'Wat Pieter morgen al kan doen', TOMORROW, { slash: true });
  await see(cas, 'Pieter heeft verteld wat er meegaat.');
  await strip(fac).locator('.key-next', { hasText: 'Bijeenkomst afronden' }).waitFor();
  await key(fac, 'n');
  for (const p of [fac, ...phones]) await see(p, 'Afgerond');

  // The record for Pieter, from the server, as Pieter would get it on his own device.
  const answered = page.waitForResponse((r) => /^\/api\/sessions\/[^/]+\/report$/.test(new URL(r.url()).pathname));
  await page.getByRole('link', { name: 'Verslag voor Pieter openen' }).click();
  const response = await answered;
  assert(
    response.status() === 200,
    `the server gives the facilitator the record of a presenter without a device (${response.status()})`,
  );
  const fromServer = await response.json();
  assert(
    fromServer.drafts.some((d) => d.essence === ANNA_ESSENCE && d.text === ANNA_DRAFT),
    `the server's record holds Anna's advice: ${JSON.stringify(fromServer.drafts)}`,
  );
  await see(fac, 'Verslag voor Pieter, die zonder eigen apparaat meedeed');
  await see(fac, STATEMENT);
  await see(fac, ANNA_ESSENCE);
  await see(fac, ANNA_DRAFT);
  await see(fac, BRAM_DRAFT);
  await see(fac, FENNA_DRAFT);
  await see(fac, TOMORROW);
  assert((await page.getByText(DAAN_DRAFT).count()) === 0, 'advice that was not shared stays out of the record');
  await axe(fac, 'the record of a presenter without a device');
  await shot(fac, 'withoutdevice-04-record');
  const [download] = await Promise.all([page.waitForEvent('download'), click(fac, 'Opslaan als tekstbestand')]);
  const md = readFileSync(await download.path(), 'utf8');
  assert(
    md.includes(ANNA_DRAFT) && md.includes(BRAM_DRAFT) && md.includes(TOMORROW),
    `the Markdown holds the shared advice:\n${md}`,
  );

  // Nobody else gets it: not a phone.
  await cas.page.goto(page.url());
  await see(cas, 'Dit verslag is alleen voor de inbrenger van deze bijeenkomst.');

  checkNoPageErrors([fac, ...phones]);
  await closeAll([fac, ...phones]);
}
