// SPDX-License-Identifier: EUPL-1.2
// The wording coach: gentle hints while typing, the facilitator's markers, and the switch.

import {
  assert,
  axe,
  checkNoPageErrors,
  click,
  closeAll,
  createOnStartPage,
  fill,
  joinThroughLink,
  laptop,
  person,
  phone,
  see,
  shot,
  stepIs,
  contributionsAre,
  openMenu,
} from './lib.mjs';

const QUESTION = 'Heb je al eens geprobeerd om het gewoon te zeggen?';

/** The text of the polite live region that describes the field labelled `label`. */
function noteOf(p, label) {
  return p.page.getByLabel(label, { exact: true }).evaluate((field) => {
    const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const live = ids.map((id) => document.getElementById(id)).find((el) => el?.getAttribute('aria-live') === 'polite');
    return live ? live.textContent : null;
  });
}

/** Every wording check a page asks the server for. */
function countChecks(p) {
  const seen = { n: 0 };
  p.page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/coach') seen.n += 1;
  });
  return seen;
}

export async function coachHints(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', phone);
  const people = [fac, pres, anna];
  // Fenna only guides, so Anna is the one adviser and holds every turn.
  const { joinUrl } = await createOnStartPage(server, fac, {
    method: 'Incidentmethode',
    title: 'Taalhints',
    external: true,
  });
  await joinThroughLink(pres, joinUrl);
  await joinThroughLink(anna, joinUrl);
  const toggle = fac.page.getByRole('switch', { name: 'Taalhints', exact: true });
  assert((await toggle.getAttribute('aria-checked')) === 'true', 'hints are on from the start');
  // Everyone here has a device and types: the session asks for the words in every step.
  await contributionsAre(fac, 'Alles typen');
  await click(fac, 'Beginnen');
  await fill(pres, 'Mijn vraagstuk', 'Ik wil leren delegeren.');
  await click(pres, 'Op de flap zetten');
  await click(fac, 'Kies dit vraagstuk: Ik wil leren delegeren.');
  await click(fac, 'Verder: Het vraagstuk benoemen');
  await stepIs(pres, 2, 9);

  // The presenter's statement is about someone else: a soft note under the field.
  await fill(pres, 'Mijn vraagstuk', 'Mijn collega komt steeds te laat');
  await see(pres, 'Dit gaat over een ander');
  assert(
    (await noteOf(pres, 'Mijn vraagstuk'))?.includes('Dit gaat over een ander'),
    'the statement hint is in the field’s live region',
  );
  await axe(pres, 'statement with a hint');
  await shot(pres, 'coach-statement-hint-360');
  await fill(pres, 'Mijn vraagstuk', 'Ik wil taken loslaten zonder alles te controleren.');
  await click(pres, 'Op de flap zetten');
  await click(fac, 'Verder: Rondjes vragen');
  await stepIs(anna, 3, 9);

  // Anna's closed question with hidden advice: both hints, in the live region the field names.
  await see(anna, 'Jij bent aan de beurt');
  await fill(anna, 'Mijn vraag', QUESTION);
  await see(anna, 'Dit is een gesloten vraag');
  await see(anna, 'Hier klinkt een advies in door');
  const note = await noteOf(anna, 'Mijn vraag');
  assert(
    note?.includes('gesloten vraag') && note.includes('klinkt een advies in door'),
    `both hints in the live region: ${note}`,
  );
  await axe(anna, 'question with two hints');
  await shot(anna, 'coach-question-hints-360');
  await click(anna, 'Zet mijn vraag op de flap');
  await see(pres, 'Vraag van Anna');

  // The facilitator sees a small marker on that question, with the why when opened.
  const marks = fac.page.locator('.questions .coach-marks');
  await marks.waitFor();
  const markText = await marks.locator('summary').innerText();
  assert(
    markText.includes('gesloten vraag') && markText.includes('mogelijk verkapt advies'),
    `the facilitator's marker: ${markText}`,
  );
  await marks.locator('summary').click();
  await see(fac, 'Vraag wat de inbrenger zelf al bedacht heeft');
  await axe(fac, 'flagged question (facilitator)');
  await shot(fac, 'coach-marker-facilitator');
  // Nobody else's view carries it.
  await see(pres, QUESTION);
  assert((await pres.page.locator('.coach-marks').count()) === 0, 'the presenter sees no marker');
  assert((await pres.page.getByText('verkapt advies').count()) === 0, 'the presenter sees no flag words');
  assert((await anna.page.locator('.coach-marks').count()) === 0, 'the adviser sees no marker');
  await click(pres, 'Beantwoord');

  // The facilitator switches the hints off, by keyboard; the marker goes, and Anna's typing
  // asks nothing and shows nothing.
  await openMenu(fac);
  await toggle.focus();
  await fac.page.keyboard.press('Space');
  await fac.page.locator('[role="switch"][aria-checked="false"]').waitFor();
  await marks.waitFor({ state: 'detached' });
  await see(anna, 'Jij bent aan de beurt');
  await anna.page.waitForTimeout(300);
  const checks = countChecks(anna);
  await fill(anna, 'Mijn vraag', 'Heb je het gewoon tegen haar gezegd?');
  await anna.page.waitForTimeout(1200);
  assert(checks.n === 0, `no wording checks while hints are off (${checks.n})`);
  assert((await anna.page.locator('.coach-note').count()) === 0, 'no hint while hints are off');
  assert((await noteOf(anna, 'Mijn vraag')) === '', 'the live region stays empty');

  checkNoPageErrors(people);
  await closeAll(people);
}
