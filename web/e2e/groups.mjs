// SPDX-License-Identifier: EUPL-1.2
// A group's life in the browser: sign up, make a group, invite by link, the invitee reads the
// ground rules and agrees explicitly, plan a meeting, sign up, two cancel, the second arranges a
// new date that the others answer and that becomes the meeting's; leaving, a full group, the
// account's export, logging out everywhere and deletion. Members who only fill the room are
// made through the API; every flow under test is clicked.

import { readFileSync } from 'node:fs';
import { accountOf, as, browserFor, expectStatus, joinThroughApi, password } from './accounts.mjs';
import {
  assert,
  axe,
  button,
  click,
  closeAll,
  checkNoPageErrors,
  fill,
  laptop,
  mark,
  person,
  phone,
  see,
  shot,
} from './lib.mjs';
import { amsterdamDate, chooseWhen } from './when.mjs';

async function fieldError(p, label) {
  const input = p.page.getByLabel(label, { exact: true });
  await p.page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await input.elementHandle());
  const describedBy = await input.getAttribute('aria-describedby');
  const ids = (describedBy ?? '').split(' ').filter((id) => id.endsWith('-error'));
  assert(ids.length === 1, `${label} has no error tied to it`);
  return p.page.locator(`[id="${ids[0]}"]`).innerText();
}

export async function groupLife(browser, server) {
  // Anna signs up from the start page; a short password is refused beside its field.
  const anna = await person(browser, 'Anna', laptop);
  await anna.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
  await anna.page.goto(`${server.base}/`);
  await see(anna, 'Met je vaste groep');
  await see(anna, 'Balintmethode');
  await axe(anna, 'the start page with the way to my groups');
  await anna.page.getByRole('link', { name: 'Account maken' }).click();
  await see(anna, 'Een account maken');
  await fill(anna, 'Je naam', 'Anna');
  await fill(anna, 'E-mailadres', 'anna@school.nl');
  await fill(anna, 'Wachtwoord', 'kort');
  await click(anna, 'Account maken');
  const tooShort = await fieldError(anna, 'Wachtwoord');
  assert(tooShort.includes('te kort'), `the short password is refused in our words: ${tooShort}`);
  await axe(anna, 'the sign-up page with a refusal');
  await shot(anna, 'groups-01-signup-refused');
  await fill(anna, 'Wachtwoord', password);
  await click(anna, 'Account maken');
  await anna.page.waitForURL(/\/groepen$/);
  await see(anna, 'Je hoort nog bij geen groep');
  await axe(anna, 'my groups, empty');
  mark('Anna signed up');

  // Anna makes a group with an agreement of its own; it is small, and says so calmly.
  await anna.page.getByRole('link', { name: 'Een groep maken' }).click();
  await see(anna, 'Wie intekent, doet mee.');
  await fill(anna, 'Naam van de groep', 'Dinsdaggroep');
  await fill(anna, 'Eigen afspraken (mag leeg blijven)', 'We beginnen op tijd.');
  await click(anna, 'Groep maken');
  await anna.page.waitForURL(/\/groep\//);
  const groupId = new URL(anna.page.url()).pathname.split('/')[2];
  await see(anna, 'Intervisie werkt het best met 5 tot 8 mensen');
  await see(anna, 'Leden (1 van 8)');
  const focused = await anna.page.evaluate(() => document.activeElement?.tagName);
  assert(focused === 'H1', `after navigation the page's heading has the focus, not ${focused}`);

  // An invitation link, copied with the button.
  await click(anna, 'Uitnodigingslink maken');
  const inviteUrl = await anna.page.getByLabel('Uitnodigingslink', { exact: true }).inputValue();
  assert(inviteUrl.includes('/uitnodiging/'), `an invitation link: ${inviteUrl}`);
  await click(anna, 'Kopiëren');
  await see(anna, 'Gekopieerd naar het klembord');
  const copied = await anna.page.evaluate(() => navigator.clipboard.readText());
  assert(copied === inviteUrl, `the clipboard holds the link (${copied})`);
  await axe(anna, 'the group page');
  await shot(anna, 'groups-02-group-small');
  mark('group made, link copied');

  // Bram opens the link logged out: he reads the rules, signs up there, and agrees explicitly.
  const bram = await person(browser, 'Bram', phone);
  await bram.page.goto(inviteUrl);
  await see(bram, 'Uitnodiging voor Dinsdaggroep');
  await see(bram, 'Anna nodigt je uit');
  await see(bram, 'Wat in de groep besproken wordt, blijft in de groep.');
  await see(bram, 'We beginnen op tijd.');
  await see(bram, 'Een groep van 5 tot 8 mensen, nooit meer.');
  await axe(bram, 'the invitation page, logged out');
  await shot(bram, 'groups-03-invitation');
  await fill(bram, 'Je naam', 'Bram');
  await fill(bram, 'E-mailadres', 'bram@school.nl');
  await fill(bram, 'Wachtwoord', password);
  await click(bram, 'Account maken');
  const agree = bram.page.getByLabel('Ik ga akkoord met de voorwaarden en de spelregels van deze groep');
  await agree.waitFor();
  assert(!(await agree.isChecked()), 'nothing is ticked for the invitee');
  await click(bram, 'Lid worden');
  await see(bram, 'Zet eerst het vinkje');
  await axe(bram, 'the invitation page, asking to agree');
  await agree.check();
  await click(bram, 'Lid worden');
  await bram.page.waitForURL(/\/groep\//);
  await see(bram, 'Leden (2 van 8)');
  mark('Bram joined by the link');

  // The link was single-use.
  const used = await server.api('GET', `/api/invitations/${inviteUrl.split('/').pop()}`);
  assert(used.status === 409 && used.body.code === 'invitation_used', `a used link: ${JSON.stringify(used)}`);

  // A link made by mistake is revoked; opened anyway, it says kindly that it no longer works.
  await anna.page.reload();
  await click(anna, 'Uitnodigingslink maken');
  const revokedUrl = await anna.page.getByLabel('Uitnodigingslink', { exact: true }).inputValue();
  await anna.page.getByRole('button', { name: /^Uitnodiging van .* intrekken$/ }).click();
  await see(anna, 'De uitnodiging is ingetrokken; de link werkt niet meer.');
  await bram.page.goto(revokedUrl);
  await see(bram, 'Deze uitnodiging werkt niet (meer)');
  await see(bram, 'Deze uitnodiging is ingetrokken. Vraag een groepsgenoot om een nieuwe link.');
  await axe(bram, 'a revoked invitation');

  // Four more join through the API; at six the notice is gone.
  const annaApi = await accountOf(server, anna);
  const cees = await joinThroughApi(server, annaApi, groupId, 'Cees');
  const dirk = await joinThroughApi(server, annaApi, groupId, 'Dirk');
  const eva = await joinThroughApi(server, annaApi, groupId, 'Eva');
  const fleur = await joinThroughApi(server, annaApi, groupId, 'Fleur');
  await anna.page.reload();
  await see(anna, 'Leden (6 van 8)');
  assert(
    (await anna.page.getByText('Intervisie werkt het best met 5 tot 8 mensen').count()) === 0,
    'no small-group notice at six',
  );
  mark('six members');

  // Anna plans a meeting; the form says which field needs what.
  await anna.page.getByRole('link', { name: 'Een bijeenkomst plannen' }).click();
  await see(anna, 'Kies wanneer en waar jullie samenkomen');
  await chooseWhen(anna.page, amsterdamDate(14), '19', '30');
  await fill(anna, 'Duur in minuten', '20');
  await click(anna, 'Bijeenkomst plannen');
  assert((await fieldError(anna, 'Duur in minuten')).includes('30 tot 480'), 'the length is refused beside its field');
  assert((await fieldError(anna, 'Plek')).includes('plek of een videolink'), 'a place or a link is asked for');
  await axe(anna, 'the planning form with refusals');
  await fill(anna, 'Duur in minuten', '120');
  await fill(anna, 'Plek', 'Lokaal 12');
  await click(anna, 'Bijeenkomst plannen');
  await anna.page.waitForURL(/\/bijeenkomst\//);
  const meetingId = new URL(anna.page.url()).pathname.split('/')[2];
  await see(anna, 'Je hebt ingetekend. Fijn dat je komt.');
  await see(anna, 'Lokaal 12');
  await see(anna, '19:30–21:30');
  await axe(anna, 'the meeting page');
  await shot(anna, 'groups-04-meeting');
  mark('meeting planned');

  // Bram finds it on the group page and signs up; others sign up through the API.
  await bram.page.goto(`${server.base}/groep/${groupId}`);
  await bram.page.getByRole('link', { name: /19:30–21:30/ }).click();
  await see(bram, 'Kom je? Intekenen is meedoen.');
  await click(bram, 'Ik teken in');
  await see(bram, 'Je staat ingetekend.');
  for (const m of [cees, dirk, eva])
    await expectStatus(server, m, 'POST', `/api/meetings/${meetingId}/signup`, {}, 200);

  // Cees cancels first, with a reason.
  const ceesP = await browserFor(browser, server, cees);
  await ceesP.page.goto(`${server.base}/bijeenkomst/${meetingId}`);
  await see(ceesP, 'Je hebt ingetekend');
  await click(ceesP, 'Afzeggen');
  await fill(ceesP, 'Reden (niet verplicht)', 'ouderavond');
  await click(ceesP, 'Afzegging versturen');
  await see(ceesP, 'Je afzegging is verstuurd.');
  await see(ceesP, 'Je hebt afgezegd.');
  mark('Cees cancelled');

  // Dirk cancels second: he is told beforehand, and then it is his to propose dates.
  const dirkP = await browserFor(browser, server, dirk);
  await dirkP.page.goto(`${server.base}/bijeenkomst/${meetingId}`);
  await see(dirkP, 'ouderavond');
  await click(dirkP, 'Afzeggen');
  await see(dirkP, 'Zeg jij ook af, dan regel jij');
  await click(dirkP, 'Afzegging versturen');
  await see(dirkP, 'Jij regelt de nieuwe datum.');
  await axe(dirkP, 'the meeting page of the rescheduler');
  await shot(dirkP, 'groups-05-you-arrange');

  // Everyone else sees who arranges it.
  await bram.page.reload();
  await see(bram, 'Deze bijeenkomst krijgt een nieuwe datum. Dirk regelt het');
  await anna.page.goto(`${server.base}/groep/${groupId}`);
  await see(anna, 'Zoekt een nieuwe datum; Dirk regelt het');
  mark('Dirk arranges the new date');

  // Dirk proposes three dates.
  const row = (n) => dirkP.page.getByRole('group', { name: `Voorstel ${n}` });
  await chooseWhen(row(1), amsterdamDate(21), '19', '30');
  await chooseWhen(row(2), amsterdamDate(22), '20', '00');
  await click(dirkP, 'Nog een datum');
  await chooseWhen(row(3), amsterdamDate(23), '09', '00');
  await click(dirkP, 'Data voorstellen');
  await see(dirkP, 'Je voorstel is verstuurd.');
  await see(dirkP, 'Jij kiest de nieuwe datum.');
  mark('dates proposed');

  // Anna and Bram answer by clicking; Eva through the API.
  await anna.page.getByRole('link', { name: /19:30–21:30/ }).click();
  await see(anna, 'Dirk stelt nieuwe data voor. Welke passen jou?');
  const annaBoxes = anna.page.locator('.answer-form input[type=checkbox]');
  assert((await annaBoxes.count()) === 3, 'three dates to answer');
  for (let i = 0; i < 3; i++) assert(!(await annaBoxes.nth(i).isChecked()), 'no answer is ticked beforehand');
  await annaBoxes.nth(0).check();
  await annaBoxes.nth(1).check();
  await click(anna, 'Antwoord versturen');
  await see(anna, 'Dank je voor je antwoord. Dirk kiest de nieuwe datum.');
  await axe(anna, 'the meeting page, answered');
  await shot(anna, 'groups-06-answered');
  await bram.page.reload();
  await see(bram, 'Welke passen jou?');
  await bram.page.locator('.answer-form input[type=checkbox]').nth(1).check();
  await click(bram, 'Antwoord versturen');
  await see(bram, 'Je antwoord is verstuurd.');
  await expectStatus(server, eva, 'POST', `/api/meetings/${meetingId}/answers`, { suits: [false, true, true] }, 200);
  mark('answers in');

  // Dirk sees who each date suits, and chooses the second: it becomes the meeting's date.
  await dirkP.page.reload();
  await see(dirkP, 'Past bij: Anna, Bram, Eva');
  const before = await expectStatus(server, dirk, 'GET', `/api/meetings/${meetingId}`, undefined, 200);
  const second = before.proposal.dates[1].starts_at;
  const chosen = dirkP.page.locator('.choose-form input[type=radio]').nth(1);
  assert(await chosen.isChecked(), 'the date that suits most is chosen beforehand');
  await axe(dirkP, 'the choice of the new date');
  await shot(dirkP, 'groups-07-choose');
  await click(dirkP, 'Deze datum kiezen');
  await see(dirkP, 'De nieuwe datum staat vast');
  await see(dirkP, '20:00–22:00');
  const after = await expectStatus(server, dirk, 'GET', `/api/meetings/${meetingId}`, undefined, 200);
  assert(after.status === 'scheduled', `the meeting is scheduled again: ${after.status}`);
  assert(after.starts_at === second, `the chosen date is the meeting's: ${after.starts_at} vs ${second}`);
  assert(after.sequence > before.sequence, 'the calendar sequence rose');
  assert(after.cancellations.length === 0, 'cancellations are cleared');
  const coming = after.signed_up
    .map((p) => p.display_name)
    .sort()
    .join(',');
  assert(coming === 'Anna,Bram,Eva', `those for whom it suits are signed up: ${coming}`);
  await anna.page.reload();
  await see(anna, '20:00–22:00');
  await see(anna, 'Je hebt ingetekend. Fijn dat je komt.');
  mark('new date chosen');

  // The rotation suggests a facilitator, taken with one click.
  const suggested = after.suggested_facilitator?.display_name;
  assert(suggested, `a facilitator is suggested: ${JSON.stringify(after.suggested_facilitator)}`);
  await click(anna, `${suggested} begeleidt`);
  await see(anna, `${suggested} begeleidt deze bijeenkomst.`);

  // The meeting's calendar file, and the personal feed.
  const [download] = await Promise.all([
    anna.page.waitForEvent('download'),
    anna.page.getByRole('link', { name: 'Agenda-bestand downloaden (.ics)' }).click(),
  ]);
  const ics = readFileSync(await download.path(), 'utf8');
  assert(
    ics.includes('BEGIN:VEVENT') && ics.includes(`meeting-${meetingId}@intervisie`),
    `the .ics holds the meeting: ${ics.slice(0, 200)}`,
  );
  const feedUrl = await anna.page.getByLabel('Jouw agenda-link', { exact: true }).first().inputValue();
  const feed = await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${server.port}`));
  assert(
    feed.status === 200 && (await feed.text()).includes(`meeting-${meetingId}@intervisie`),
    `the feed holds the meeting (${feed.status})`,
  );
  mark('facilitator and calendar');

  // Fleur leaves, after saying yes to the question.
  const fleurP = await browserFor(browser, server, fleur);
  await fleurP.page.goto(`${server.base}/groep/${groupId}`);
  await click(fleurP, 'Groep verlaten');
  await see(fleurP, 'Weet je zeker dat je Dinsdaggroep wilt verlaten?');
  await click(fleurP, 'Ja, ik verlaat de groep');
  await see(fleurP, 'Je hebt de groep Dinsdaggroep verlaten.');

  // Three more make eight: the group is full, and says so kindly; the server refuses a ninth.
  for (const name of ['Gijs', 'Hanna', 'Ilse']) await joinThroughApi(server, annaApi, groupId, name);
  await anna.page.goto(`${server.base}/groep/${groupId}`);
  await see(anna, 'Leden (8 van 8)');
  await see(anna, 'De groep is compleet');
  assert((await button(anna, 'Uitnodigingslink maken').count()) === 0, 'no invitation can be made in a full group');
  const ninth = await as(server, annaApi, 'POST', `/api/groups/${groupId}/invitations`, {});
  assert(ninth.status === 409 && ninth.body.code === 'group_full', `a ninth is refused: ${JSON.stringify(ninth)}`);
  await shot(anna, 'groups-08-full');
  mark('full group');

  // Bram's account: his data, and logging out everywhere.
  await bram.page.getByRole('link', { name: 'Mijn account' }).click();
  await see(bram, 'Je gegevens, je agenda-link');
  await axe(bram, 'the account page');
  await shot(bram, 'groups-09-account');
  const [exported] = await Promise.all([
    bram.page.waitForEvent('download'),
    bram.page.getByRole('link', { name: 'Al mijn gegevens downloaden' }).click(),
  ]);
  const data = JSON.parse(readFileSync(await exported.path(), 'utf8'));
  assert(
    data.account?.email === 'bram@school.nl',
    `the export holds the account: ${JSON.stringify(data).slice(0, 200)}`,
  );
  assert(!JSON.stringify(data).includes('argon2'), 'the export holds no password hash');
  await click(bram, 'Overal uitloggen');
  await see(bram, 'Je bent uitgelogd.');
  await bram.page.goto(`${server.base}/groepen`);
  await bram.page.waitForURL(/\/inloggen\?verder=/);
  await see(bram, 'Log in om je groepen');

  // Cees deletes his account: the wrong password changes nothing, the right one erases him.
  await ceesP.page.goto(`${server.base}/account`);
  await fill(ceesP, 'Je wachtwoord, ter bevestiging', 'niet mijn wachtwoord hoor');
  await click(ceesP, 'Mijn account verwijderen');
  await see(ceesP, 'Er is niets verwijderd.');
  await fill(ceesP, 'Je wachtwoord, ter bevestiging', password);
  await click(ceesP, 'Mijn account verwijderen');
  await see(ceesP, 'Je account is verwijderd.');
  const gone = await as(server, cees, 'GET', '/api/me');
  assert(gone.status === 401, `a deleted account is logged out: ${JSON.stringify(gone)}`);
  mark('account pages');

  checkNoPageErrors([anna, bram, ceesP, dirkP, fleurP]);
  await closeAll([anna, bram, ceesP, dirkP, fleurP]);
}
