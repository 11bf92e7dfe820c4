// SPDX-License-Identifier: EUPL-1.2
// The incident method from start to report: six people and a beamer.

import { readFileSync } from 'node:fs';
import {
  assert,
  axe,
  beamer,
  button,
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
  mark,
  contributionsAre,
} from './lib.mjs';

const STATEMENT = 'Ik wil vaker nee zeggen zonder me schuldig te voelen.';
const REFRAMED = 'Ik wil mijn grenzen bewaken zonder de goede sfeer in het team te verliezen.';

export async function incident(browser, server) {
  const fac = await person(browser, 'Fenna', laptop);
  const pres = await person(browser, 'Pieter', phone);
  const anna = await person(browser, 'Anna', { width: 390, height: 844 });
  const bram = await person(browser, 'Bram', phone);
  const cas = await person(browser, 'Cas', tablet);
  const daan = await person(browser, 'Daan', { width: 1024, height: 768 });
  const wall = await person(browser, 'Beamer', beamer);
  const people = [fac, pres, anna, bram, cas, daan];
  const everyone = [...people, wall];
  const advisers = [fac, anna, bram, cas, daan];
  const shots = async (n, label) => {
    await shot(pres, `incident-${n}-${label}-presenter-360`);
    await shot(fac, `incident-${n}-${label}-facilitator`);
    await shot(wall, `incident-${n}-${label}-beamer-1920`);
  };

  // Start page at phone width too.
  await pres.page.goto(`${server.base}/`);
  await see(pres, 'Incidentmethode');
  await axe(pres, 'start page 360px');
  await shot(pres, 'incident-00-start-360');

  mark('start page');
  const { joinUrl, beamerUrl } = await createOnStartPage(server, fac, {
    method: 'Incidentmethode',
    title: 'Intervisie team wijkzorg',
  });
  assert(
    joinUrl.includes('/join/') && joinUrl.includes('#'),
    `join link carries its token in the fragment: ${joinUrl}`,
  );
  assert(
    beamerUrl && beamerUrl.includes('/beamer/') && beamerUrl.includes('#'),
    `the lobby links to the beamer view: ${beamerUrl}`,
  );
  const qr = fac.page.getByRole('img', { name: 'QR-code met de deelnamelink' });
  await qr.waitFor();
  const qrBox = await qr.boundingBox();
  assert(qrBox && qrBox.width >= 240, 'the QR code is large enough to scan from a distance');
  assert(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR code image loads');

  mark('created');
  // Join, in joining order: Pieter 2, Anna 3, Bram 4, Cas 5, Daan 6.
  await pres.page.goto(joinUrl);
  await axe(pres, 'join page');
  await shot(pres, 'incident-01-join-360');
  await fill(pres, 'Jouw naam', pres.name);
  assert(await button(pres, 'Meedoen').isDisabled(), 'joining waits for the ground rules');
  await pres.page.getByLabel('Ik doe mee volgens deze spelregels').check();
  await click(pres, 'Meedoen');
  await see(pres, 'Welkom. De begeleider begint');
  assert(!pres.page.url().includes('#'), 'the join token leaves the address bar');
  await joinAll([anna, bram, cas, daan], joinUrl);

  mark('joined');
  // The facilitator's beamer link carries the join token too, so the wall can invite people in.
  assert(/#b=[^&]+&j=[^&]+$/.test(beamerUrl), `the beamer link carries both tokens in its fragment: ${beamerUrl}`);
  await wall.page.goto(beamerUrl);
  await see(wall, 'Zo meteen beginnen we');
  await see(wall, 'Doe mee: scan de QR-code met je telefoon');
  assert(!wall.page.url().includes('#'), `the tokens leave the beamer's address bar: ${wall.page.url()}`);
  // A reload still knows the tokens (this tab kept them), and the QR code shows the server's join link.
  await wall.page.reload();
  const wallQr = wall.page.getByRole('img', { name: 'QR-code met de deelnamelink' });
  await wallQr.waitFor();
  await wallQr.evaluate((img) =>
    img.complete ? null : new Promise((ok) => img.addEventListener('load', ok, { once: true })),
  );
  assert(await wallQr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the beamer QR code image loads');
  assert(
    (await wallQr.getAttribute('src')) === `/api/qr.svg?text=${encodeURIComponent(joinUrl)}`,
    'the beamer QR code holds the join link',
  );
  const wallQrBox = await wallQr.boundingBox();
  assert(
    wallQrBox && wallQrBox.height >= 0.4 * 1080,
    `the beamer QR code is at least 40% of the screen high: ${wallQrBox?.height}`,
  );
  assert(wallQrBox.y + wallQrBox.height <= 1080, 'the beamer QR code fits on the screen without scrolling');
  // Beside the QR code a code anyone can type: six digits, not a link of ninety characters.
  const wallCode = (await wall.page.locator('.beamer-code .join-code').innerText()).replace(/\D/g, '');
  assert(/^\d{6}$/.test(wallCode), `the wall shows a six-digit code: ${wallCode}`);
  assert((await wall.page.getByText(joinUrl).count()) === 0, 'the wall shows no long link to type');
  await see(fac, 'De groep (6 van 8)');
  await axe(fac, 'lobby (facilitator)');
  await axe(wall, 'beamer lobby');
  mark('lobby');
  await shots('02', 'lobby');
  mark('shots lobby');

  // Step 1: inventory.
  // Everyone here has a device and types: the session asks for the words in every step.
  await contributionsAre(fac, 'Alles typen');
  await click(fac, 'Beginnen');
  for (const p of everyone) await stepIs(p, 1, 9);
  // Once under way the wall shows the flip chart only: no join QR code beside the case.
  assert(
    (await wall.page.getByRole('img', { name: 'QR-code met de deelnamelink' }).count()) === 0,
    'the beamer drops the QR code after the start',
  );
  await fill(pres, 'Mijn vraagstuk', 'Ik zeg te vaak ja tegen extra werk.');
  await click(pres, 'Op de flap zetten');
  await fill(anna, 'Mijn vraagstuk', 'Ik twijfel hoe ik een collega aanspreek op te laat komen.');
  await click(anna, 'Op de flap zetten');
  for (const p of [anna, bram, cas]) await click(p, 'Stem op: Ik zeg te vaak ja tegen extra werk.');
  await click(daan, 'Stem op: Ik twijfel hoe ik een collega aanspreek op te laat komen.');
  await see(fac, '3 stemmen');
  await axe(anna, 'inventory (adviser)');
  mark('step1-inventory');
  await shots('03', 'step1-inventory');
  mark('shots step1-inventory');
  await click(fac, 'Kies het vraagstuk met de meeste stemmen');
  await see(pres, 'Jij brengt vandaag de casus in');
  await see(anna, 'Pieter brengt vandaag de casus in');
  await click(fac, 'Verder: Het vraagstuk benoemen');

  // Step 2: the statement, then time to think.
  for (const p of everyone) await stepIs(p, 2, 9);
  await fill(pres, 'Mijn vraagstuk', STATEMENT);
  await click(pres, 'Op de flap zetten');
  await see(wall, STATEMENT);
  await click(pres, 'Bedenktijd starten');
  await see(anna, 'Bedenktijd: bedenk in stilte');
  await see(wall, 'Bedenktijd: nog');
  await fill(anna, 'Vragen die ik wil stellen (alleen voor mij)', 'Wat maakt nee zeggen zo lastig voor je?');
  await axe(pres, 'statement (presenter)');
  mark('step2-statement');
  await shots('04', 'step2-statement');
  mark('shots step2-statement');
  await click(fac, 'Bedenktijd beëindigen');
  await click(fac, 'Verder: Rondjes vragen');

  // Step 3: question rounds. Order: Fenna, Anna, Bram, Cas, Daan.
  for (const p of everyone) await stepIs(p, 3, 9);
  await see(fac, 'Jij bent aan de beurt');
  await see(anna, 'Fenna is aan de beurt');
  await fill(fac, 'Mijn vraag', 'Wat gebeurt er in je als iemand je om iets extra’s vraagt?');
  await click(fac, 'Zet mijn vraag op de flap');
  await see(pres, 'Vraag van Fenna');
  await axe(pres, 'question pending (presenter)');
  mark('step3-question-pending');
  await shots('05', 'step3-question-pending');
  mark('shots step3-question-pending');
  await fill(pres, 'Een notitie voor jezelf bij je antwoord (mag leeg)', 'Schuldgevoel, net als thuis.');
  // With a note typed, the big button says it keeps the note too.
  await click(pres, 'Beantwoord, notitie bewaren');
  await see(anna, 'Jij bent aan de beurt');
  // The question Anna prepared during the time to think is waiting in her field.
  const prepared = await anna.page.getByLabel('Mijn vraag', { exact: true }).inputValue();
  assert(prepared === 'Wat maakt nee zeggen zo lastig voor je?', `prepared question kept: ${prepared}`);

  // A reload in the middle keeps typed text.
  await fill(anna, 'Mijn vraag', 'Wie vraagt je het vaakst om iets extra’s, en waarom juist jou?');
  await anna.page.reload();
  await stepIs(anna, 3, 9);
  const kept = await anna.page.getByLabel('Mijn vraag', { exact: true }).inputValue();
  assert(kept.startsWith('Wie vraagt je het vaakst'), `typed text survives a reload: ${kept}`);
  await click(anna, 'Zet mijn vraag op de flap');
  await see(pres, 'Vraag van Anna');
  await click(pres, 'Hier ga ik niet op in');
  await see(anna, 'grens aangegeven');
  await see(wall, 'Bij deze vraag gaf de inbrenger een grens aan.');

  // A disturbance: a banner everywhere, the time stands still, the facilitator resolves it.
  await see(bram, 'Jij bent aan de beurt');
  await click(bram, 'Storing melden');
  await fill(bram, 'Wat is er aan de hand? (mag leeg blijven)', 'Er loopt steeds iemand de ruimte binnen.');
  await click(bram, 'Nu melden');
  for (const p of everyone) await see(p, 'storing gemeld');
  await see(pres, 'De tijd staat stil.');
  await axe(pres, 'disturbance banner');
  await axe(wall, 'disturbance on the beamer');
  mark('disturbance');
  await shots('06', 'disturbance');
  mark('shots disturbance');
  assert((await button(anna, 'Zet mijn vraag op de flap').count()) === 0, 'nothing to do during a disturbance');
  await click(fac, 'Opgelost, we gaan verder');
  for (const p of everyone) await gone(p, 'storing gemeld');

  await click(bram, 'Pas');
  await fill(cas, 'Mijn vraag', 'Hoe merk je aan jezelf dat je eigenlijk nee wilt zeggen?');
  await click(cas, 'Zet mijn vraag op de flap');
  await click(pres, 'Beantwoord');
  await fill(daan, 'Mijn vraag', 'Wanneer lukte het je wel om nee te zeggen?');
  await click(daan, 'Zet mijn vraag op de flap');
  await click(pres, 'Beantwoord');
  // Round 2: everyone passes, which closes the rounds.
  await see(fac, 'Ronde 2');
  for (const p of advisers) {
    await see(p, 'Jij bent aan de beurt');
    await click(p, 'Pas');
  }
  await see(fac, 'De vragenrondes zijn klaar');
  await axe(wall, 'beamer with questions');
  mark('step3-rounds-done');
  await shots('07', 'step3-rounds-done');
  mark('shots step3-rounds-done');
  await click(fac, 'Verder: Rondje roddelen');

  // Step 4: the gossip round. The presenter only listens.
  for (const p of everyone) await stepIs(p, 4, 9);
  await see(pres, 'Jij luistert nu');
  assert((await pres.page.getByRole('textbox').count()) === 0, 'the presenter has no input while listening');
  await fill(anna, 'Wat viel je op? (komt op de flap)', 'Bij vragen over zijn leidinggevende werd het stil.');
  await click(anna, 'Op de flap');
  await fill(cas, 'Wat viel je op? (komt op de flap)', 'Hij lacht als het over schuld gaat.');
  await click(cas, 'Op de flap');
  await see(pres, 'Hij lacht als het over schuld gaat.');
  await axe(pres, 'listening view');
  mark('step4-gossip-listening');
  await shots('08', 'step4-gossip-listening');
  mark('shots step4-gossip-listening');
  await click(fac, 'Rondje afsluiten');
  await see(pres, 'Draai je weer om');
  await fill(pres, 'Wat ik ervan meeneem (mag leeg; hardop zeggen is genoeg)', 'Dat van die stilte klopt.');
  await click(pres, 'Op de flap zetten');
  await see(anna, 'Pieter heeft verteld wat dit deed.');
  await click(fac, 'Verder: Vraagstuk opnieuw benoemen?');

  // Step 5: reframe, which leads to new question rounds (step 6).
  for (const p of everyone) await stepIs(p, 5, 9);
  await see(anna, 'Pieter kijkt of het vraagstuk nog klopt.');
  await fill(pres, 'Mijn vraagstuk, opnieuw gezegd', REFRAMED);
  await click(pres, 'Opnieuw benoemen');
  await see(fac, 'Verder: Nieuwe rondjes vragen');
  await see(wall, REFRAMED);
  await axe(pres, 'reframe');
  mark('step5-reframe');
  await shots('09', 'step5-reframe');
  mark('shots step5-reframe');
  await click(fac, 'Verder: Nieuwe rondjes vragen');

  // Step 6: new question rounds; the facilitator moves on with a confirmation.
  for (const p of everyone) await stepIs(p, 6, 9);
  await fill(fac, 'Mijn vraag', 'Wat heb je nodig van je team om je grens te kunnen bewaken?');
  await click(fac, 'Zet mijn vraag op de flap');
  await click(pres, 'Beantwoord');
  await see(anna, 'Jij bent aan de beurt');
  await fill(pres, 'Notitie', 'Met mijn leidinggevende praten over de werkdruk.');
  await click(pres, 'Bewaren');
  await see(pres, 'Met mijn leidinggevende praten over de werkdruk.');
  mark('step6-new-rounds');
  await shots('10', 'step6-new-rounds');
  mark('shots step6-new-rounds');
  await click(fac, 'Toch verder (Verder: Adviezen geven)');

  // Step 7: advice after a moment to think.
  for (const p of everyone) await stepIs(p, 7, 9);
  await see(anna, 'Bedenktijd: iedereen denkt in stilte na');
  await click(fac, 'Bedenktijd beëindigen');
  const advice = {
    Anna: 'zou ik mijn leidinggevende vragen om prioriteiten te stellen.',
    Bram: 'zou ik eerst bedenktijd vragen voordat ik ja zeg.',
    Cas: 'zou ik bijhouden hoe vaak ik ja zeg en hoe dat voelt.',
  };
  // Fenna begins with ‘Ik zou…’: the coach shows how it will read, and she takes that sentence
  // into the field to give it as a whole.
  const whole = 'Als ik in jouw schoenen stond, dan zou ik één vast moment per week kiezen om nee te oefenen.';
  await see(fac, 'Jij bent aan de beurt: geef je advies');
  await fill(fac, 'Mijn advies', 'Ik zou één vast moment per week kiezen om nee te oefenen.');
  await see(fac, 'Zo komt het te staan:');
  await see(fac, whole);
  await click(fac, 'Hele zin overnemen om aan te passen');
  const taken = await fac.page.getByLabel('Mijn advies', { exact: true }).inputValue();
  assert(taken === whole, `the whole sentence is in the field: ${taken}`);
  await gone(fac, 'Zo komt het te staan:');
  await click(fac, 'Zet mijn advies op de flap');
  await see(wall, whole);
  for (const p of [anna, bram, cas]) {
    await see(p, 'Jij bent aan de beurt: geef je advies');
    await fill(p, 'Mijn advies', advice[p.name]);
    await click(p, 'Zet mijn advies op de flap');
  }
  await see(daan, 'Jij bent aan de beurt: geef je advies');
  await click(daan, 'Pas');
  await see(fac, 'Iedereen is aan de beurt geweest');
  await see(wall, 'Als ik in jouw schoenen stond, dan zou ik eerst bedenktijd vragen');
  await axe(wall, 'beamer with advice');
  mark('step7-advice');
  await shots('11', 'step7-advice');
  mark('shots step7-advice');
  await click(fac, 'Verder: Reactie van de inbrenger');

  // Step 8: the presenter's reaction.
  for (const p of everyone) await stepIs(p, 8, 9);
  await fill(pres, 'Wat ik morgen al kan doen', 'Eén keer bewust nee zeggen.');
  await fill(pres, 'Waar ik nog over nadenk', 'Waarom ik me schuldig voel.');
  await click(pres, 'Ik heb gereageerd');
  await see(anna, 'Pieter heeft verteld wat er meegaat.');
  mark('step8-reaction');
  await shots('12', 'step8-reaction');
  mark('shots step8-reaction');
  await click(fac, 'Verder: Afronden');

  // Step 9: closing, then finish.
  for (const p of everyone) await stepIs(p, 9, 9);
  for (const p of people) {
    if (p === anna)
      await fill(p, 'Mijn terugblik (mag leeg; hardop zeggen is genoeg)', 'De stilte in het roddelrondje zei veel.');
    await click(p, p === anna ? 'Mijn terugblik delen' : 'Ik heb teruggeblikt');
    await see(p, 'Dank je voor je terugblik.');
  }
  await see(fac, '6 van de 6 hebben teruggeblikt.');
  await axe(anna, 'closing');
  mark('step9-closing');
  await shots('13', 'step9-closing');
  mark('shots step9-closing');
  await click(fac, 'Bijeenkomst afronden');
  for (const p of everyone) await see(p, 'Afgerond');
  await see(anna, 'Het verslag is voor Pieter, de inbrenger.');

  // The report: the presenter's alone.
  await pres.page.getByRole('link', { name: 'Mijn verslag openen' }).click();
  await see(pres, 'Persoonlijk verslag voor de inbrenger');
  await see(pres, REFRAMED);
  await see(pres, 'Schuldgevoel, net als thuis.');
  await see(pres, 'Met mijn leidinggevende praten over de werkdruk.');
  await axe(pres, 'report');
  await shot(pres, 'incident-14-report-360');
  await pres.page.setViewportSize({ width: 1024, height: 900 });
  await pres.page.emulateMedia({ media: 'print' });
  await shot(pres, 'incident-15-report-print');
  await pres.page.emulateMedia({ media: 'screen' });
  const [download] = await Promise.all([pres.page.waitForEvent('download'), click(pres, 'Opslaan als tekstbestand')]);
  const md = readFileSync(await download.path(), 'utf8');
  assert(md.includes(REFRAMED), 'the Markdown holds the reframed issue');
  assert(download.suggestedFilename().endsWith('.txt'), `a .txt file: ${download.suggestedFilename()}`);
  await click(pres, 'Switch to English');
  await see(pres, 'Personal report for the presenter');
  const [downloadEn] = await Promise.all([pres.page.waitForEvent('download'), click(pres, 'Save as a text file')]);
  const mdEn = readFileSync(await downloadEn.path(), 'utf8');
  assert(mdEn !== md, 'the English Markdown differs from the Dutch');
  await click(pres, 'Schakel over naar Nederlands');

  const reportUrl = pres.page.url();
  await anna.page.goto(reportUrl);
  await see(anna, 'Dit verslag is alleen voor de inbrenger van deze bijeenkomst.');
  await axe(anna, 'report refused');

  checkNoPageErrors(everyone);
  await closeAll(everyone);
}
