// SPDX-License-Identifier: EUPL-1.2
// A mixed room: six people, four on the facilitator's laptop (three added by name) and two on
// their own phones. Halfway, two of the laptop people open the join link on a phone, take over
// their own place, and from then on act themselves.

import {
  assert,
  axe,
  checkNoPageErrors,
  click,
  closeAll,
  createOnStartPage,
  fill,
  joinAll,
  laptop,
  person,
  phone,
  see,
  shot,
  stepIs,
  mark,
  turnIs,
  forOthers,
} from './lib.mjs';

const ISSUE = 'Ik wil een lastig gesprek met een ouder beter voorbereiden.';
const STATEMENT = 'Ik wil het gesprek met ouders rustig voeren, ook als zij boos worden.';
const CAS_QUESTION = 'Wat gebeurt er in jou als een ouder boos wordt?';
const CAS_NOTE = 'Rust begint bij je eigen voorbereiding.';

/** Open the join link on a phone as someone the facilitator added, and take over that place. */
async function claimPlace(p, joinUrl) {
  await p.page.goto(joinUrl);
  await fill(p, 'Jouw naam', p.name);
  await p.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(p, 'Meedoen');
  await see(p, `Ben jij ${p.name}?`);
}

/** The facilitator lets someone in who asks for their place; they land in the session. */
async function letIn(fac, p) {
  await click(p, `Ja, ik ben ${p.name}: laat me binnen`);
  await see(fac, `${p.name} wil terugkomen op een nieuw apparaat. Toelaten?`);
  await fac.page.getByRole('button', { name: `${p.name} toelaten` }).click();
}

export async function mixedRoom(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const daan = await person(browser, 'Daan', phone);
  const eva = await person(browser, 'Eva', phone);
  const bram = await person(browser, 'Bram', phone);
  const cas = await person(browser, 'Cas', phone);
  const { joinUrl } = await createOnStartPage(server, fac, {
    method: 'Incidentmethode',
    title: 'Half op de laptop, half op de telefoon',
  });

  // Anna, Bram and Cas on the laptop, by name; Daan and Eva on their own phones.
  for (const name of ['Anna', 'Bram', 'Cas']) {
    await fill(fac, 'Naam van wie zonder eigen apparaat meedoet', name);
    await click(fac, 'Toevoegen');
    await fac.page.locator('.group li.no-device', { hasText: name }).waitFor();
  }
  await joinAll([daan, eva], joinUrl);
  await see(fac, 'De groep (6 van 8)');
  await see(daan, 'zonder apparaat; Fenna tikt in');
  await axe(fac, 'lobby with people without a device');
  await click(fac, 'Beginnen');
  for (const p of [fac, daan, eva]) await stepIs(p, 1, 9);

  // Step 1: Eva puts her issue on the flip chart herself; Fenna puts one there for Cas.
  await fill(eva, 'Mijn vraagstuk', ISSUE);
  await click(eva, 'Op de flap zetten');
  await fac.page.getByLabel('Van wie is het vraagstuk?').selectOption({ label: 'Cas' });
  await fill(fac, 'Vraagstuk van Cas', 'Ik wil minder mails na werktijd beantwoorden.');
  await forOthers(fac).getByRole('button', { name: 'Op de flap zetten', exact: true }).click();
  await see(daan, 'genoteerd door Fenna');
  await click(fac, `Kies dit vraagstuk: ${ISSUE}`);
  await see(eva, 'Jij brengt vandaag de casus in');
  await click(fac, 'Verder: Het vraagstuk benoemen');
  await stepIs(eva, 2, 9);
  await fill(eva, 'Mijn vraagstuk', STATEMENT);
  await click(eva, 'Op de flap zetten');
  await see(fac, STATEMENT);
  await click(fac, 'Verder: Rondjes vragen');
  for (const p of [fac, daan, eva]) await stepIs(p, 3, 9);
  mark('mixed: to the question rounds');

  // Step 3, out loud. Order: Fenna, Anna, Bram, Cas, Daan. Fenna asks her own out loud.
  await see(fac, 'Jij bent aan de beurt: stel je vraag hardop, of pas.');
  await click(fac, 'Ik heb mijn vraag gesteld');
  await see(eva, 'Vraag van Fenna');
  await see(eva, 'Hardop gesteld');
  await click(eva, 'Beantwoord');

  // Anna has no device: every screen says so, and Fenna taps it in.
  await turnIs(daan, 'Anna is aan de beurt; Fenna tikt het in');
  await turnIs(fac, 'Anna is aan de beurt; jij tikt het in');
  await see(fac, 'Anna is aan de beurt en stelt een vraag, of past.');
  await axe(fac, 'recording for someone without a device');
  await shot(fac, 'mixed-01-facilitator-records-for-anna');
  await shot(daan, 'mixed-01-daan-sees-who-acts-360');
  await forOthers(fac).getByRole('button', { name: 'Vraag gesteld', exact: true }).click();
  await see(eva, 'Vraag van Anna');
  await click(eva, 'Beantwoord');
  await turnIs(fac, 'Bram is aan de beurt; jij tikt het in');

  // Halfway: Bram and Cas pick up their phones and take over their places.
  await claimPlace(bram, joinUrl);
  await axe(bram, 'take over your place');
  await shot(bram, 'mixed-02-claim-place-360');
  await letIn(fac, bram);
  await bram.page.waitForURL(/\/s\/[^/]+$/);
  await stepIs(bram, 3, 9);
  await see(bram, 'Jij bent aan de beurt: stel je vraag hardop, of pas.');
  await turnIs(fac, 'Bram is aan de beurt, op het eigen apparaat');
  await forOthers(fac).waitFor({ state: 'detached' });
  await see(fac, 'De groep (6 van 8)');
  assert((await fac.page.locator('.group li.no-device').count()) === 2, 'Bram is no longer without a device');
  await axe(bram, 'own turn after taking over');
  await shot(bram, 'mixed-03-bram-own-turn-360');

  await claimPlace(cas, joinUrl);
  await letIn(fac, cas);
  await cas.page.waitForURL(/\/s\/[^/]+$/);
  await see(cas, 'Bram is aan de beurt');

  await click(bram, 'Ik heb mijn vraag gesteld');
  await see(eva, 'Vraag van Bram');
  await click(eva, 'Beantwoord');

  // Cas prefers to type.
  await see(cas, 'Jij bent aan de beurt: stel je vraag hardop, of pas.');
  await cas.page.getByText('Liever typen?', { exact: true }).click();
  await fill(cas, 'Mijn vraag', CAS_QUESTION);
  await click(cas, 'Zet mijn vraag op de flap');
  await see(eva, CAS_QUESTION);
  await click(eva, 'Beantwoord');
  await see(daan, 'Jij bent aan de beurt');
  await click(daan, 'Pas');
  const casRow = fac.page.locator('.questions li', { hasText: CAS_QUESTION });
  await casRow.waitFor();
  assert((await casRow.locator('.recorded-by').count()) === 0, 'Cas typed her own question');
  const annaRow = fac.page.locator('.questions li', { hasText: 'Anna' });
  assert(
    (await annaRow.locator('.recorded-by', { hasText: 'genoteerd door jou' }).count()) === 1,
    'Anna’s question was noted by Fenna, who reads it as “by you”',
  );
  await click(fac, 'Vragenrondes afsluiten');
  await click(fac, 'Verder: Rondje roddelen');
  for (const p of [fac, daan, eva, bram, cas]) await stepIs(p, 4, 9);
  mark('mixed: question rounds, two places taken over');

  // Step 4: Cas notes what she noticed on her phone; Fenna notes what Anna noticed.
  await fill(cas, 'Wat viel je op? (komt op de flap)', 'Ze zegt vaak “eigenlijk”.');
  await click(cas, 'Op de flap');
  await see(fac, 'Ze zegt vaak “eigenlijk”.');
  await fill(fac, 'Wat Anna opviel', 'Ze praat sneller als het over boosheid gaat.');
  await forOthers(fac).getByRole('button', { name: 'Op de flap', exact: true }).click();
  await see(eva, 'Ze praat sneller als het over boosheid gaat.');
  await see(daan, 'genoteerd door Fenna');
  await axe(cas, 'gossip (phone)');
  await shot(cas, 'mixed-04-gossip-360');
  await click(fac, 'Rondje afsluiten');
  await click(eva, 'Ik heb verteld wat het met me deed');
  await click(fac, 'Verder: Vraagstuk opnieuw benoemen?');
  await click(eva, 'Het blijft zo');
  await click(fac, 'Verder: Adviezen geven');
  for (const p of [fac, bram]) await stepIs(p, 7, 9);
  await click(fac, 'Bedenktijd beëindigen');

  // Step 7: Fenna, Anna (through Fenna), then Bram on his own phone.
  await click(fac, 'Ik heb mijn advies gegeven');
  await forOthers(fac).getByRole('button', { name: 'Advies gegeven', exact: true }).click();
  await see(bram, 'Jij bent aan de beurt: zeg je advies hardop, of pas.');
  await click(bram, 'Ik heb mijn advies gegeven');
  await see(cas, 'Jij bent aan de beurt');
  // Cas jots down a key point for Eva's record on her phone, while the advice goes round.
  await cas.page.getByText('Een kernpunt noteren voor Eva').click();
  await fill(cas, 'Kernpunt voor de inbrenger', CAS_NOTE);
  await click(cas, 'Noteren');
  await see(fac, 'Kernpunten voor Eva');
  await see(fac, CAS_NOTE);
  await axe(cas, 'advice with a key point (phone)');
  await shot(cas, 'mixed-05-key-point-360');
  await click(fac, 'Toch verder (Verder: Reactie van de inbrenger)');
  await stepIs(eva, 8, 9);
  await click(eva, 'Ik heb gereageerd');
  await click(fac, 'Verder: Afronden');
  await stepIs(eva, 9, 9);
  await click(fac, 'Toch verder (Bijeenkomst afronden)');
  await see(eva, 'Mijn verslag openen');
  mark('mixed: to the end');

  // Eva's record holds Cas's key point and what was said out loud.
  await eva.page.getByRole('link', { name: 'Mijn verslag openen' }).click();
  await see(eva, 'Kernpunten die de anderen voor je noteerden');
  await see(eva, CAS_NOTE);
  // What was said out loud names who said it, for Eva to ask later.
  await see(eva, 'Ook hardop gegeven, zonder kern: Fenna, Anna, Bram.');
  await axe(eva, 'record with key points');
  await shot(eva, 'mixed-06-record-360');

  const people = [fac, daan, eva, bram, cas];
  checkNoPageErrors(people);
  await closeAll(people);
}
