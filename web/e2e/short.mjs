// SPDX-License-Identifier: EUPL-1.2
// Shorter paths: the full group, and the keep branch of the incident method.

import {
  assert,
  axe,
  button,
  click,
  closeAll,
  createOnStartPage,
  fill,
  gone,
  joinThroughLink,
  laptop,
  person,
  phone,
  see,
  shot,
  socketsAre,
  stepIs,
  tabTo,
  checkNoPageErrors,
  contributionsAre,
  openMenu,
} from './lib.mjs';

/** Eight are in; the ninth gets a friendly "full". */
export async function groupFull(browser, server) {
  const created = await server.api('POST', '/api/sessions', {
    method: 'incident',
    title: 'Volle groep',
    facilitator_name: 'Fenna',
  });
  assert(created.status === 201, `create: ${JSON.stringify(created)}`);
  const { session_id: id, join_token: joinToken, join_url: joinUrl } = created.body;
  for (const name of ['Pieter', 'Anna', 'Bram', 'Cas', 'Daan', 'Eva', 'Fatima']) {
    const r = await server.api('POST', `/api/sessions/${id}/participants`, { join_token: joinToken, name });
    assert(r.status === 201, `join ${name}: ${JSON.stringify(r)}`);
  }
  const ninth = await person(browser, 'Gijs', phone);
  const url = new URL(joinUrl);
  await ninth.page.goto(`${server.base}${url.pathname}${url.hash}`);
  await fill(ninth, 'Jouw naam', 'Gijs');
  await ninth.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(ninth, 'Meedoen');
  await see(ninth, 'Deze groep is vol');
  await see(ninth, 'Er doen al 8 mensen mee');
  await axe(ninth, 'group full');
  await shot(ninth, 'join-group-full-360');
  checkNoPageErrors([ninth]);
  await closeAll([ninth]);
}

/** The facilitator's panel heading, on one person's screen. */
function facPanel(p) {
  return p.page.getByRole('heading', { name: 'Begeleiding', exact: true });
}

/** Wait until `p`'s group list shows `name` as the facilitator. */
async function facilitatorIs(p, name) {
  const row = p.page.locator('.group li').filter({ has: p.page.locator('.pname', { hasText: name }) });
  await row.locator('.proles', { hasText: 'begeleider' }).waitFor({ state: 'visible' });
}

/** Hand the facilitation to `to` through the people and roles of `from`'s settings menu. */
async function handOver(from, to) {
  await openMenu(from);
  await from.page.getByLabel('Begeleiding overdragen aan').selectOption({ label: to.name });
  await click(from, 'Overdragen');
  await facPanel(to).waitFor({ state: 'visible' });
  await facPanel(from).waitFor({ state: 'hidden' });
}

/**
 * Keeping the issue at step 5 goes straight to the advice (step 7). On the way: more time,
 * a break, an adviser who works by keyboard only, and the facilitation handed over and back.
 */
export async function incidentKeep(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', phone);
  const people = [fac, pres, anna];
  const { joinUrl } = await createOnStartPage(server, fac, { method: 'Incidentmethode', title: 'Korte ronde' });
  await joinThroughLink(pres, joinUrl);
  await joinThroughLink(anna, joinUrl);
  // Everyone here has a device and types: the session asks for the words in every step.
  await contributionsAre(fac, 'Alles typen');
  await click(fac, 'Beginnen');
  await fill(pres, 'Mijn vraagstuk', 'Ik wil leren delegeren.');
  await click(pres, 'Op de flap zetten');
  await click(fac, 'Kies dit vraagstuk: Ik wil leren delegeren.');
  await click(fac, 'Verder: Het vraagstuk benoemen');
  await stepIs(pres, 2, 9);
  // The step's time includes the time to think, and the label says so.
  await see(pres, '5 min, dan 3 min bedenktijd');
  await fill(pres, 'Mijn vraagstuk', 'Ik wil taken loslaten zonder alles te controleren.');
  await click(pres, 'Op de flap zetten');
  await click(fac, 'Verder: Rondjes vragen');
  await stepIs(anna, 3, 9);
  await see(fac, 'Jij bent aan de beurt');

  // More time: the planned time grows on every screen.
  await see(anna, 'van 20 min');
  await click(fac, '+2 min');
  for (const p of people) await see(p, 'van 22 min');

  // A break: the time stands still everywhere until the facilitator carries on.
  await click(fac, 'Pauze');
  for (const p of people) await see(p, 'Pauze: de tijd staat stil.');
  assert((await button(fac, 'Zet mijn vraag op de flap').count()) === 0, 'no turns during a break');
  await axe(anna, 'paused');
  await shot(anna, 'keep-paused-360');
  await click(fac, 'Verder na de pauze');
  for (const p of people) await gone(p, 'Pauze: de tijd staat stil.');

  await fill(fac, 'Mijn vraag', 'Welke taak zou je morgen willen loslaten?');
  await click(fac, 'Zet mijn vraag op de flap');
  await click(pres, 'Beantwoord');

  // Anna works by keyboard only: Tab to her question, type, Tab to the button, Space.
  await see(anna, 'Jij bent aan de beurt');
  await anna.page.evaluate(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined,
  );
  await tabTo(anna, anna.page.getByLabel('Mijn vraag', { exact: true }), 'the question field');
  await anna.page.keyboard.type('Wat zou er gebeuren als je één taak helemaal losliet?');
  await tabTo(anna, button(anna, 'Zet mijn vraag op de flap'), 'the ask button');
  await shot(anna, 'keep-keyboard-focus-360');
  await anna.page.keyboard.press('Space');
  await see(pres, 'Vraag van Anna');
  await click(pres, 'Beantwoord');

  // Fenna hands the facilitation to Anna: both screens change.
  await handOver(fac, anna);
  for (const p of people) await facilitatorIs(p, 'Anna');
  await axe(anna, 'facilitating after a hand-over');

  // Round 2: Fenna passes; Anna passes by keyboard (Tab, Enter), and the rounds close.
  await see(fac, 'Jij bent aan de beurt');
  await click(fac, 'Pas');
  await see(anna, 'Jij bent aan de beurt');
  await tabTo(anna, button(anna, 'Pas'), 'the pass button');
  await anna.page.keyboard.press('Enter');
  for (const p of people) await see(p, 'De vragenrondes zijn klaar');

  // Anna hands it back; Fenna leads on.
  await handOver(anna, fac);
  for (const p of people) await facilitatorIs(p, 'Fenna');
  // One socket per page for the whole way here: no second connection per event.
  for (const p of people) socketsAre(p, 1, 'from joining to the end of the question rounds');

  await click(fac, 'Verder: Rondje roddelen');
  await stepIs(anna, 4, 9);

  // Someone comes late. After a reload the facilitator's page still knows the join link, kept
  // closed until asked for; opened, it shows the server's join_url and its QR code.
  await fac.page.reload();
  await stepIs(fac, 4, 9);
  assert(!(await fac.page.getByLabel('Deelnamelink').isVisible()), 'the late-join link stays closed until asked for');
  await openMenu(fac);
  await see(fac, 'Komt er nog iemand bij? Toon de link');
  assert(
    (await fac.page.getByLabel('Deelnamelink').inputValue()) === joinUrl,
    'the late-join link is the server join_url',
  );
  const qr = fac.page.getByRole('img', { name: 'QR-code met de deelnamelink' });
  await qr.waitFor();
  await qr.evaluate((img) =>
    img.complete ? null : new Promise((ok) => img.addEventListener('load', ok, { once: true })),
  );
  assert(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the late-join QR code loads');
  assert(
    (await qr.getAttribute('src')) === `/api/qr.svg?text=${encodeURIComponent(joinUrl)}`,
    'the late-join QR code holds the join link',
  );
  await axe(fac, 'late-join link open (facilitator)');
  await shot(fac, 'keep-late-join-facilitator');
  const bram = await person(browser, 'Bram', phone);
  await bram.page.goto(joinUrl);
  await fill(bram, 'Jouw naam', bram.name);
  await bram.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(bram, 'Meedoen');
  await bram.page.waitForURL(/\/s\//);
  await stepIs(bram, 4, 9);
  await see(bram, 'Ik wil taken loslaten zonder alles te controleren.');
  await see(fac, 'De groep (4 van 8)');
  await fac.page.locator('.group .pname', { hasText: 'Bram' }).waitFor({ state: 'visible' });
  await axe(bram, 'joined mid-session');
  people.push(bram);
  await click(fac, 'Toch verder (Verder: Vraagstuk opnieuw benoemen?)');
  await stepIs(pres, 5, 9);
  await click(pres, 'Het blijft zo');
  await see(anna, 'Het vraagstuk blijft zoals het was');
  await click(fac, 'Verder: Adviezen geven');
  for (const p of people) await stepIs(p, 7, 9);
  await see(anna, '3 min bedenktijd, dan 10 min');
  await see(pres, 'Ik wil taken loslaten zonder alles te controleren.');
  checkNoPageErrors(people);
  await closeAll(people);
}
