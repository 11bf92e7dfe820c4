// SPDX-License-Identifier: EUPL-1.2
// Fresh Questioning from start to report, with an external facilitator and a scribe.

import {
  assert,
  axe,
  beamer,
  checkNoPageErrors,
  click,
  closeAll,
  createOnStartPage,
  fill,
  gone,
  joinAll,
  laptop,
  person,
  phone,
  see,
  shot,
  stepIs,
  tablet,
} from './lib.mjs';

const STATEMENT = 'Ik vind het lastig om ouders slecht nieuws te brengen.';

export async function freshQuestioning(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', tablet); // the scribe
  const bram = await person(browser, 'Bram', phone);
  const cas = await person(browser, 'Cas', phone);
  const daan = await person(browser, 'Daan', phone);
  const wall = await person(browser, 'Beamer', beamer);
  const people = [fac, pres, anna, bram, cas, daan];
  const everyone = [...people, wall];

  const { joinUrl, beamerUrl } = await createOnStartPage(server, fac, {
    method: 'Fresh Questioning',
    title: 'Intervisie onderwijs',
    external: true,
  });
  await joinAll([pres, anna, bram, cas, daan], joinUrl);
  await wall.page.goto(beamerUrl);

  // The lobby: who presents, who writes.
  await fac.page.getByLabel('Wie brengt de casus in?').selectOption({ label: 'Pieter' });
  await fac.page.getByRole('button', { name: 'Aanwijzen' }).first().click();
  await see(fac, 'Inbrenger: Pieter');
  await fac.page.getByLabel('Wie schrijft de vragen op de flap?').selectOption({ label: 'Anna' });
  await fac.page.getByRole('button', { name: 'Aanwijzen' }).nth(1).click();
  await see(fac, 'Flappenschrijver: Anna');
  await click(fac, 'Beginnen');
  for (const p of everyone) await stepIs(p, 1, 4);

  await fill(pres, 'Mijn vraagstuk', STATEMENT);
  await click(pres, 'Op de flap zetten');
  await click(pres, 'Bedenktijd starten');
  await click(fac, 'Bedenktijd beëindigen');
  await click(fac, 'Verder: Vragen stellen');
  for (const p of everyone) await stepIs(p, 2, 4);

  // Order: Anna (the scribe), Bram, Cas, Daan; the facilitator takes no turns.
  await see(anna, 'Jij schrijft de vragen en de waardering op de flap.');
  await fill(anna, 'Mijn vraag', 'Wat maakt slecht nieuws brengen voor jou zwaar?');
  await click(anna, 'Zet mijn vraag op de flap');
  await see(pres, 'Hoe komt de vraag binnen?');
  await axe(pres, 'rating (presenter)');
  await shot(pres, 'fresh-rating-presenter-360');
  await pres.page.getByRole('button', { name: 'warm', exact: true }).click();
  await see(wall, 'warm');

  // The scribe records Bram's spoken question and the presenter's spoken rating.
  await fill(anna, 'De vraag van Bram', 'Wanneer lukte het wel goed?');
  await click(anna, 'Zet dit op de flap voor Bram');
  await see(anna, 'Wat zei Pieter: warm, lauw of koud?');
  await anna.page.getByRole('button', { name: 'lauw', exact: true }).click();
  await see(wall, 'lauw');
  await axe(anna, 'scribe desk');
  await shot(anna, 'fresh-scribe-tablet');

  // Cas asks himself; the presenter declines.
  await see(cas, 'Jij bent aan de beurt');
  await fill(cas, 'Mijn vraag', 'Wat zou je ouders het liefst niet vertellen?');
  await click(cas, 'Zet mijn vraag op de flap');
  await click(pres, 'Hier ga ik niet op in');
  await see(cas, 'grens aangegeven');

  // A disturbance, resolved.
  await click(daan, 'Storing melden');
  await click(daan, 'Nu melden');
  for (const p of everyone) await see(p, 'storing gemeld');
  await click(fac, 'Opgelost, we gaan verder');
  for (const p of everyone) await gone(p, 'storing gemeld');

  // Daan reloads in the middle of typing.
  await fill(daan, 'Mijn vraag', 'Wie helpt jou na zo’n gesprek?');
  await daan.page.reload();
  await stepIs(daan, 2, 4);
  assert(
    (await daan.page.getByLabel('Mijn vraag', { exact: true }).inputValue()) === 'Wie helpt jou na zo’n gesprek?',
    'typed text survives a reload',
  );
  await click(daan, 'Zet mijn vraag op de flap');
  await pres.page.getByRole('button', { name: 'koud', exact: true }).click();
  await see(wall, 'koud');
  await axe(wall, 'beamer with ratings');
  await shot(wall, 'fresh-ratings-beamer-1920');
  await click(fac, 'Vragenrondes afsluiten');
  await click(fac, 'Verder: De adviseurs denken hardop');

  // Step 3: the advisers reflect; the presenter listens.
  for (const p of everyone) await stepIs(p, 3, 4);
  await see(pres, 'Jij luistert nu');
  await fill(bram, 'Wat viel je op? (komt op de flap)', 'De warme vragen gingen over zijn eigen gevoel.');
  await click(bram, 'Op de flap');
  await see(pres, 'De warme vragen gingen over zijn eigen gevoel.');
  await click(fac, 'Rondje afsluiten');
  await click(fac, 'Verder: Het laatste woord');

  // Step 4: the last word.
  for (const p of everyone) await stepIs(p, 4, 4);
  await see(pres, 'Jij hebt het laatste woord');
  await click(pres, 'Ik heb verteld wat het met me deed');
  await see(anna, 'Pieter heeft verteld wat dit deed.');
  await click(fac, 'Bijeenkomst afronden');
  for (const p of everyone) await see(p, 'Afgerond');

  await pres.page.getByRole('link', { name: 'Mijn verslag openen' }).click();
  await see(pres, STATEMENT);
  await see(pres, 'Wanneer lukte het wel goed?');
  await see(pres, 'lauw');
  await axe(pres, 'fresh report');
  await shot(pres, 'fresh-report-360');
  checkNoPageErrors(everyone);
  await closeAll(everyone);
}
