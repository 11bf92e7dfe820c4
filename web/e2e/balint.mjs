// SPDX-License-Identifier: EUPL-1.2
// The Balint method from start to report, with written advice and a server restart.

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
  contributionsAre,
} from './lib.mjs';

const STATEMENT = 'Ik wil een cliënt die steeds afzegt beter bereiken.';

export async function balint(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', phone);
  const bram = await person(browser, 'Bram', phone);
  const cas = await person(browser, 'Cas', phone);
  const daan = await person(browser, 'Daan', laptop);
  const wall = await person(browser, 'Beamer', beamer);
  const people = [fac, pres, anna, bram, cas, daan];
  const everyone = [...people, wall];
  const advisers = [fac, anna, bram, cas, daan];

  const { joinUrl, beamerUrl } = await createOnStartPage(server, fac, {
    method: 'Balintmethode',
    title: 'Intervisie maatschappelijk werk',
  });
  await joinAll([pres, anna, bram, cas, daan], joinUrl);
  await wall.page.goto(beamerUrl);
  await fac.page.getByLabel('Wie brengt de casus in?').selectOption({ label: 'Pieter' });
  await click(fac, 'Aanwijzen');
  await see(fac, 'Inbrenger: Pieter');
  // Everyone here has a device and types: the session asks for the words in every step.
  await contributionsAre(fac, 'Alles typen');
  await click(fac, 'Beginnen');
  for (const p of everyone) await stepIs(p, 1, 5);

  await fill(pres, 'Mijn vraagstuk', STATEMENT);
  await click(pres, 'Op de flap zetten');
  await click(pres, 'Bedenktijd starten');
  await click(fac, 'Bedenktijd beëindigen');
  await click(fac, 'Verder: Rondjes vragen');

  // Step 2: questions, answered at once; one declined; a disturbance.
  for (const p of everyone) await stepIs(p, 2, 5);
  await see(fac, 'Open of gesloten mag');
  await fill(fac, 'Mijn vraag', 'Heb je de cliënt al eens thuis opgezocht?');
  await click(fac, 'Zet mijn vraag op de flap');
  await click(pres, 'Beantwoord');
  await fill(anna, 'Mijn vraag', 'Wat zegt je gevoel over waarom ze afzegt?');
  await click(anna, 'Zet mijn vraag op de flap');
  await click(pres, 'Hier ga ik niet op in');
  await see(anna, 'grens aangegeven');
  await click(cas, 'Storing melden');
  await fill(cas, 'Wat is er aan de hand? (mag leeg blijven)', 'Mijn verbinding hapert.');
  await click(cas, 'Nu melden');
  for (const p of everyone) await see(p, 'storing gemeld');
  await click(fac, 'Opgelost, we gaan verder');
  for (const p of everyone) await gone(p, 'storing gemeld');

  // Bram types, the server dies and comes back; everyone reconnects by themselves.
  await fill(bram, 'Mijn vraag', 'Wie heeft nog meer contact met haar?');
  await server.restart();
  await bram.page.locator('.link-online').waitFor({ timeout: 15000 });
  assert(
    (await bram.page.getByLabel('Mijn vraag', { exact: true }).inputValue()) === 'Wie heeft nog meer contact met haar?',
    'typed text survives the restart',
  );
  await click(bram, 'Zet mijn vraag op de flap');
  await see(pres, 'Vraag van Bram');
  // Every page came back on its own: the new question reaches them all.
  for (const p of everyone) await see(p, 'Wie heeft nog meer contact met haar?');
  await click(pres, 'Beantwoord');

  // A reload in the middle.
  await cas.page.reload();
  await stepIs(cas, 2, 5);
  await click(cas, 'Pas');
  await click(daan, 'Pas');
  await click(fac, 'Vragenrondes afsluiten');
  await click(fac, 'Verder: Advies opschrijven');

  // Step 3: everyone writes privately, with a visible timer.
  for (const p of everyone) await stepIs(p, 3, 5);
  await see(anna, 'van 20 min');
  const drafts = {
    Fenna: 'Ik zou een vast moment afspreken en haar vooraf een bericht sturen.',
    Anna: 'Ik zou samen met haar uitzoeken wat het afzeggen haar oplevert.',
    Bram: 'Ik zou de huisarts vragen mee te denken.',
    Cas: 'Ik zou het gesprek naar een plek verplaatsen waar zij zich thuis voelt.',
    Daan: 'Ik zou benoemen wat het afzeggen met jou doet.',
  };
  for (const p of advisers) {
    await fill(p, 'Mijn advies (alleen zichtbaar voor mij)', drafts[p.name]);
    await click(p, 'Bewaren');
    await see(p, 'Bewaard');
  }
  await anna.page.reload();
  await see(anna, 'Bewaard');
  assert(
    (await anna.page.getByLabel('Mijn advies (alleen zichtbaar voor mij)').inputValue()) === drafts.Anna,
    'own draft back after a reload',
  );
  assert((await anna.page.getByText(drafts.Bram).count()) === 0, 'a draft stays private to its author');
  assert((await wall.page.getByText(drafts.Bram).count()) === 0, 'drafts are not on the beamer');
  await see(pres, 'De anderen schrijven nu een advies voor jou');
  await axe(anna, 'written advice');
  await shot(anna, 'balint-written-advice-360');
  await click(fac, 'Verder: Adviezen delen');

  // Step 4: share in turn, with the essence.
  for (const p of everyone) await stepIs(p, 4, 5);
  for (const p of advisers) {
    await see(p, 'Jij bent aan de beurt: vertel kort de kern');
    if (p !== daan) await fill(p, 'De kern in één zin (mag leeg)', `Kern van ${p.name}`);
    await click(p, 'Delen met de inbrenger');
    await see(p, 'Je advies is gedeeld');
  }
  await see(pres, drafts.Bram);
  await see(wall, 'Kern van Bram');
  await axe(wall, 'beamer with shared advice');
  await shot(wall, 'balint-shared-beamer-1920');
  await click(fac, 'Verder: Reactie van de inbrenger');

  // Step 5: the presenter responds, aloud, with one line written.
  for (const p of everyone) await stepIs(p, 5, 5);
  await fill(pres, 'Wat ik morgen al kan doen', 'Een vast belmoment voorstellen.');
  await click(pres, 'Ik heb gereageerd');
  await see(anna, 'Pieter heeft verteld wat er meegaat.');
  await click(fac, 'Bijeenkomst afronden');
  for (const p of everyone) await see(p, 'Afgerond');

  await pres.page.getByRole('link', { name: 'Mijn verslag openen' }).click();
  await see(pres, STATEMENT);
  await see(pres, drafts.Cas);
  await see(pres, 'Een vast belmoment voorstellen.');
  await axe(pres, 'balint report');
  await shot(pres, 'balint-report-360');
  checkNoPageErrors(everyone);
  await closeAll(everyone);
}
