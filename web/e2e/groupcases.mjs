// SPDX-License-Identifier: EUPL-1.2
// A meeting's cases: the facilitator suggested by the rotation starts a live session from the
// meeting page, a member takes their place in it, the presenter is recorded; at the next meeting
// the follow-up round is marked done with a note only the presenter reads; the group's history
// and participation show it, the content of the case to nobody else.

import { accountOf, apiAccount, as, browserFor, expectStatus, joinThroughApi } from './accounts.mjs';
import { assert, axe, checkNoPageErrors, click, closeAll, fill, laptop, mark, see, shot } from './lib.mjs';

export async function groupCases(browser, server) {
  const annaApi = await apiAccount(server, 'Anna');
  const group = await expectStatus(server, annaApi, 'POST', '/api/groups', { name: 'Donderdaggroep' }, 201);
  const members = [];
  for (const name of ['Bram', 'Cees', 'Dirk', 'Eva'])
    members.push(await joinThroughApi(server, annaApi, group.id, name));
  // A meeting in half an hour (a case may start an hour before), and the next one in two weeks.
  const soon = await expectStatus(
    server,
    annaApi,
    'POST',
    `/api/groups/${group.id}/meetings`,
    { starts_at: Date.now() + 30 * 60_000, minutes: 90, place: 'Lokaal 3' },
    201,
  );
  const next = await expectStatus(
    server,
    annaApi,
    'POST',
    `/api/groups/${group.id}/meetings`,
    { starts_at: Date.now() + 14 * 86_400_000, minutes: 90, video_link: 'https://meet.example/donderdag' },
    201,
  );
  for (const m of members) await expectStatus(server, m, 'POST', `/api/meetings/${soon.id}/signup`, {}, 200);
  mark('group and meetings made');

  // The rotation suggests who facilitated least; Anna takes the suggestion.
  const anna = await browserFor(browser, server, annaApi, laptop);
  await anna.page.goto(`${server.base}/bijeenkomst/${soon.id}`);
  await see(anna, 'Voorstel volgens de beurtrol: Anna');
  await click(anna, 'Anna begeleidt');
  await see(anna, 'Jij begeleidt deze bijeenkomst.');

  // She starts a case; the live session opens in the app's own session view.
  await anna.page.getByLabel('Werkvorm', { exact: true }).selectOption({ label: 'Balintmethode' });
  await fill(anna, 'Titel (niet verplicht)', 'Donderdag, casus 1');
  await axe(anna, 'the meeting page of its facilitator');
  await shot(anna, 'groupcases-01-facilitator');
  await click(anna, 'Casus beginnen');
  await anna.page.waitForURL(/\/s\//);
  const sessionId = new URL(anna.page.url()).pathname.split('/')[2];
  await see(anna, 'Laat de groep binnenkomen');
  mark('case started');

  // Bram takes his place from the meeting page, under his name in the group.
  const bramP = await browserFor(browser, server, members[0]);
  await bramP.page.goto(`${server.base}/bijeenkomst/${soon.id}`);
  await see(bramP, 'Balintmethode, begeleid door Anna');
  await click(bramP, 'Meedoen aan deze casus');
  await bramP.page.waitForURL(new RegExp(`/s/${sessionId}`));
  await see(bramP, 'Welkom. De begeleider begint');
  await anna.page.getByLabel('Wie brengt de casus in?').selectOption({ label: 'Bram' });
  await click(anna, 'Aanwijzen');
  await see(anna, 'Inbrenger: Bram');
  // Back on the meeting page, the case is Bram's place to return to.
  await bramP.page.goto(`${server.base}/bijeenkomst/${soon.id}`);
  await see(bramP, 'Naar de sessie');
  mark('Bram presents');

  // At the next meeting its facilitator does the follow-up round for Bram.
  await anna.page.goto(`${server.base}/bijeenkomst/${next.id}`);
  await see(anna, 'https://meet.example/donderdag');
  await click(anna, 'Anna begeleidt');
  await see(anna, 'Vorige keer bracht Bram een casus in.');
  await fill(anna, 'Notitie voor Bram (niet verplicht)', 'Het gesprek met de teamleider is gevoerd.');
  await axe(anna, 'the follow-up round');
  await shot(anna, 'groupcases-02-follow-up');
  await click(anna, 'Terugblik afgerond');
  await see(anna, 'De terugblik is vastgelegd.');
  mark('follow-up done');

  // Bram reads his own case with the note and a way to his report; Cees sees only the facts.
  await bramP.page.goto(`${server.base}/groep/${group.id}`);
  await see(bramP, 'Jouw casus');
  await see(bramP, 'Notitie bij de terugblik: Het gesprek met de teamleider is gevoerd.');
  await axe(bramP, 'the group page with a case of his own');
  await shot(bramP, 'groupcases-03-history');
  await bramP.page.getByRole('link', { name: 'Jouw verslag lezen' }).click();
  await see(bramP, 'Het verslag is klaar zodra de sessie is afgerond.');
  const ceesP = await browserFor(browser, server, members[1]);
  await ceesP.page.goto(`${server.base}/groep/${group.id}`);
  await see(ceesP, 'Ingebracht door Bram');
  assert(
    (await ceesP.page.getByText('Het gesprek met de teamleider').count()) === 0,
    'the note is for the presenter only',
  );
  assert(
    (await ceesP.page.getByRole('link', { name: 'Jouw verslag lezen' }).count()) === 0,
    'no report link for someone else’s case',
  );
  const report = await as(server, members[1], 'GET', `/api/groups/${group.id}/cases/${sessionId}/report`);
  assert(
    report.status === 403 && report.body.code === 'not_presenter',
    `someone else's report: ${JSON.stringify(report)}`,
  );

  // Participation at a glance.
  const row = (name) =>
    ceesP.page.locator('table.participation tr', { has: ceesP.page.locator('th', { hasText: name }) });
  const cells = async (name) => (await row(name).locator('td').allInnerTexts()).join('|');
  assert((await cells('Bram')).startsWith('1|0|'), `Bram brought one case in: ${await cells('Bram')}`);
  // Facilitating and attendance count meetings that have been held: none yet.
  assert((await cells('Anna')) === '0|0|0 van 0', `Anna, before any meeting was held: ${await cells('Anna')}`);
  assert((await ceesP.page.locator('table.participation tbody tr').count()) === 5, 'a row per member');
  mark('history and participation');

  const annaSeen = await accountOf(server, anna);
  assert(annaSeen.id === annaApi.id, 'the browser is Anna');
  checkNoPageErrors([anna, bramP, ceesP]);
  await closeAll([anna, bramP, ceesP]);
}
