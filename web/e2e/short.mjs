// Shorter paths: the full group, and the keep branch of the incident method.

import { assert, axe, click, closeAll, createOnStartPage, fill, joinThroughLink, laptop, person, phone, see, shot, stepIs, checkNoPageErrors } from './lib.mjs';

/** Eight are in; the ninth gets a friendly "full". */
export async function groupFull(browser, server) {
  const created = await server.api('POST', '/api/sessions', { method: 'incident', title: 'Volle groep', facilitator_name: 'Fenna' });
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

/** Keeping the issue at step 5 goes straight to the advice (step 7). */
export async function incidentKeep(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', phone);
  const people = [fac, pres, anna];
  const { joinUrl } = await createOnStartPage(server, fac, { method: 'Incidentmethode', title: 'Korte ronde' });
  await joinThroughLink(pres, joinUrl);
  await joinThroughLink(anna, joinUrl);
  await click(fac, 'Beginnen');
  await fill(pres, 'Mijn vraagstuk', 'Ik wil leren delegeren.');
  await click(pres, 'Op de flap zetten');
  await click(fac, 'Kies dit vraagstuk: Ik wil leren delegeren.');
  await click(fac, 'Verder: Het vraagstuk benoemen');
  await stepIs(pres, 2, 9);
  await fill(pres, 'Mijn vraagstuk', 'Ik wil taken loslaten zonder alles te controleren.');
  await click(pres, 'Op de flap zetten');
  await click(fac, 'Verder: Rondjes vragen');
  await stepIs(anna, 3, 9);
  await see(fac, 'Jij bent aan de beurt');
  await fill(fac, 'Mijn vraag', 'Welke taak zou je morgen willen loslaten?');
  await click(fac, 'Vraag stellen');
  await click(pres, 'Beantwoord');
  await click(fac, 'Vragenrondes afsluiten');
  await see(anna, 'De vragenrondes zijn klaar');
  await click(fac, 'Verder: Rondje roddelen');
  await stepIs(anna, 4, 9);
  await click(fac, 'Verder: Vraagstuk opnieuw benoemen?');
  await see(fac, 'Deze stap is nog niet rond');
  await click(fac, 'Toch verder');
  await stepIs(pres, 5, 9);
  await click(pres, 'Het blijft zo');
  await see(anna, 'Het vraagstuk blijft zoals het was');
  await click(fac, 'Verder: Adviezen geven');
  for (const p of people) await stepIs(p, 7, 9);
  await see(pres, 'Ik wil taken loslaten zonder alles te controleren.');
  checkNoPageErrors(people);
  await closeAll(people);
}
