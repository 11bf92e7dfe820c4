// SPDX-License-Identifier: EUPL-1.2
// The group pages as people meet them outside the ideal path: the header after logging in and
// out, an invitee who gives their name once, a live case the page notices by itself, calling a
// meeting off, and Dutch dates in a browser that speaks English.

import { accountOf, apiAccount, as, browserFor, expectStatus, joinThroughApi, password } from './accounts.mjs';
import { assert, axe, checkNoPageErrors, click, closeAll, fill, mark, person, phone, see, shot } from './lib.mjs';
import { amsterdamClock, amsterdamDate, chooseWhen, dutchDay, dutchMonths } from './when.mjs';

/** The header's links, as a person reads them. */
async function headerLinks(p) {
  return p.page.locator('header nav a').allInnerTexts();
}

async function headerIs(p, expected, when) {
  const want = expected.join('|');
  await p.page
    .waitForFunction(
      (w) => [...document.querySelectorAll('header nav a')].map((a) => a.textContent.trim()).join('|') === w,
      want,
      { timeout: 5000 },
    )
    .catch(async () => {
      throw new Error(
        `${when}: the header shows ${JSON.stringify(await headerLinks(p))}, expected ${JSON.stringify(expected)}`,
      );
    });
}

/** A mark in the page that a reload would wipe: the page must never have been reloaded. */
async function markPage(p) {
  await p.page.evaluate(() => (window.__sameDocument = true));
}

async function notReloaded(p, when) {
  assert(await p.page.evaluate(() => window.__sameDocument === true), `${when}: the page was reloaded`);
}

const loggedIn = ['Mijn groepen', 'Mijn account'];
const loggedOut = ['Inloggen', 'Account maken'];

export async function headerFollowsLogin(browser, server) {
  const anna = await person(browser, 'Anna', phone);
  await anna.page.goto(`${server.base}/inloggen`);
  await headerIs(anna, loggedOut, 'logged out, on the login page');
  await markPage(anna);

  // She makes an account through the header's own link; the header changes with the login.
  await anna.page.getByRole('link', { name: 'Account maken', exact: true }).click();
  await see(anna, 'Een account maken');
  await fill(anna, 'Je naam', 'Anna');
  await fill(anna, 'E-mailadres', 'anna@school.nl');
  await fill(anna, 'Wachtwoord', password);
  await click(anna, 'Account maken');
  await anna.page.waitForURL(/\/groepen$/);
  await headerIs(anna, loggedIn, 'just signed up');
  await notReloaded(anna, 'after signing up');
  await axe(anna, 'my groups with the logged-in header');

  // Logging out: at once "Inloggen" again, on the page that says she is logged out.
  await anna.page.getByRole('link', { name: 'Mijn account' }).click();
  await click(anna, 'Uitloggen');
  await see(anna, 'Je bent uitgelogd.');
  await headerIs(anna, loggedOut, 'just logged out');
  await notReloaded(anna, 'after logging out');
  await shot(anna, 'groupspages-01-logged-out-header');

  // Logging in again from that page.
  await fill(anna, 'E-mailadres', 'anna@school.nl');
  await fill(anna, 'Wachtwoord', password);
  await click(anna, 'Inloggen');
  await anna.page.waitForURL(/\/groepen$/);
  await headerIs(anna, loggedIn, 'logged in again');
  await notReloaded(anna, 'after logging in');

  // Her calendar link leaked: a new one, and the old one stops working.
  await anna.page.getByRole('link', { name: 'Mijn account' }).click();
  const feed = anna.page.getByLabel('Jouw agenda-link');
  const oldFeed = await feed.inputValue();
  await click(anna, 'Nieuwe agenda-link maken');
  await see(anna, 'Dit is je nieuwe link; de oude werkt niet meer.');
  const newFeed = await feed.inputValue();
  assert(newFeed !== oldFeed && newFeed.endsWith('.ics'), `a new feed link: ${newFeed}`);
  const status = async (url) => (await fetch(`http://127.0.0.1:${server.port}${new URL(url).pathname}`)).status;
  assert((await status(oldFeed)) === 404, 'the old feed link no longer works');
  assert((await status(newFeed)) === 200, 'the new feed link works');
  await anna.page.getByRole('link', { name: 'Mijn groepen' }).click();

  // Logged out everywhere from another device: the next page she opens in the app knows it.
  const other = await browserFor(browser, server, await accountOf(server, anna));
  await other.page.goto(`${server.base}/account`);
  await click(other, 'Overal uitloggen');
  await see(other, 'Je bent uitgelogd.');
  await anna.page.getByRole('link', { name: 'Mijn account' }).click();
  await see(anna, 'Je gegevens, je agenda-link');
  await anna.page.getByRole('link', { name: 'Mijn groepen' }).click();
  await anna.page.waitForURL(/\/inloggen\?verder=/);
  await headerIs(anna, loggedOut, 'logged out from another device');
  await notReloaded(anna, 'after the login ended elsewhere');

  // Deleting the account.
  await fill(anna, 'E-mailadres', 'anna@school.nl');
  await fill(anna, 'Wachtwoord', password);
  await click(anna, 'Inloggen');
  await anna.page.waitForURL(/\/groepen$/);
  await anna.page.getByRole('link', { name: 'Mijn account' }).click();
  await headerIs(anna, loggedIn, 'logged in to delete the account');
  await fill(anna, 'Je wachtwoord, ter bevestiging', password);
  await click(anna, 'Mijn account verwijderen');
  await see(anna, 'Je account is verwijderd.');
  await headerIs(anna, loggedOut, 'the account deleted');
  await notReloaded(anna, 'after deleting the account');
  await axe(anna, 'the login page after deleting the account');

  checkNoPageErrors([anna, other]);
  await closeAll([anna, other]);
}

export async function invitationAsksTheNameOnce(browser, server) {
  const annaApi = await apiAccount(server, 'Anna');
  const group = await expectStatus(server, annaApi, 'POST', '/api/groups', { name: 'Maandaggroep' }, 201);
  const invitation = async () =>
    (await expectStatus(server, annaApi, 'POST', `/api/groups/${group.id}/invitations`, {}, 201)).url.replace(
      /^https?:\/\/[^/]+/,
      server.base,
    );
  const nameFields = (p) => p.page.getByRole('textbox', { name: /naam/i });

  // Bram signs up on the invitation page: his name is asked there, and not again.
  const bram = await person(browser, 'Bram', phone);
  await bram.page.goto(await invitation());
  await see(bram, 'Anna nodigt je uit');
  assert((await nameFields(bram).count()) === 1, 'the sign-up form asks for a name');
  await fill(bram, 'Je naam', 'Bram de Vries');
  await fill(bram, 'E-mailadres', 'bram@school.nl');
  await fill(bram, 'Wachtwoord', password);
  await click(bram, 'Account maken');
  await see(bram, 'In de groep heet je Bram de Vries');
  assert((await nameFields(bram).count()) === 0, 'after signing up, no field asks for a name again');
  assert(
    (await bram.page.getByRole('button', { name: 'Een andere naam kiezen voor deze groep' }).count()) === 0,
    'nor a way to be asked again',
  );
  await axe(bram, 'the invitation page, name given');
  await shot(bram, 'groupspages-02-name-once');
  await bram.page.getByLabel('Ik ga akkoord met de voorwaarden en de spelregels van deze groep').check();
  await click(bram, 'Lid worden');
  await bram.page.waitForURL(/\/groep\//);
  await see(bram, 'Bram de Vries');
  mark('Bram joined under the name he gave');

  // A second Anna: only because the group has that name already is she asked for another.
  const anna2 = await person(browser, 'Anna2', phone);
  await anna2.page.goto(await invitation());
  await fill(anna2, 'Je naam', 'Anna');
  await fill(anna2, 'E-mailadres', 'anna.k@school.nl');
  await fill(anna2, 'Wachtwoord', password);
  await click(anna2, 'Account maken');
  await see(anna2, 'In de groep heet je Anna');
  await anna2.page.getByLabel('Ik ga akkoord met de voorwaarden en de spelregels van deze groep').check();
  await click(anna2, 'Lid worden');
  const field = anna2.page.getByLabel('Je naam in deze groep', { exact: true });
  await field.waitFor();
  await see(anna2, 'Iemand in de groep heeft die naam al');
  assert(await field.evaluate((el) => el === document.activeElement), 'the name field has the focus');
  assert((await field.inputValue()) === 'Anna', 'the field holds the name she gave');
  await axe(anna2, 'the invitation page, name taken');
  await field.fill('Anna K.');
  await click(anna2, 'Lid worden');
  await anna2.page.waitForURL(/\/groep\//);
  await see(anna2, 'Anna K.');

  // Someone who comes with an account of their own may choose a name for this group.
  const cees = await apiAccount(server, 'Cees');
  const ceesP = await browserFor(browser, server, cees);
  await ceesP.page.goto(await invitation());
  await see(ceesP, 'In de groep heet je Cees');
  await click(ceesP, 'Een andere naam kiezen voor deze groep');
  await fill(ceesP, 'Je naam in deze groep', 'Cees B.');
  await ceesP.page.getByLabel('Ik ga akkoord met de voorwaarden en de spelregels van deze groep').check();
  await click(ceesP, 'Lid worden');
  await ceesP.page.waitForURL(/\/groep\//);
  await see(ceesP, 'Cees B.');
  const view = await as(server, annaApi, 'GET', `/api/groups/${group.id}`);
  const names = view.body.members
    .map((m) => m.display_name)
    .sort()
    .join(',');
  assert(names === 'Anna,Anna K.,Bram de Vries,Cees B.', `the group knows each by the name they gave: ${names}`);

  checkNoPageErrors([bram, anna2, ceesP]);
  await closeAll([bram, anna2, ceesP]);
}

/** The element lies wholly inside the viewport, with the page not scrolled. */
async function inFirstScreen(p, locator, what) {
  await locator.waitFor({ state: 'visible', timeout: 20000 });
  const box = await locator.boundingBox();
  const { height, scrolled } = await p.page.evaluate(() => ({ height: window.innerHeight, scrolled: window.scrollY }));
  assert(scrolled === 0, `${what}: the page was scrolled (${scrolled} px)`);
  assert(
    box && box.y >= 0 && box.y + box.height <= height,
    `${what} is not in the first screen: ${JSON.stringify(box)} of ${height} px`,
  );
}

/** Counts the page's requests to a path, from now on. */
function countRequests(p, pattern) {
  const seen = { n: 0 };
  p.page.on('request', (r) => {
    if (pattern.test(new URL(r.url()).pathname)) seen.n += 1;
  });
  return seen;
}

/** Pretend the tab went into the background, or came back, the way a browser says so. */
async function setHidden(p, hidden) {
  await p.page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

export async function liveCaseComesFirst(browser, server) {
  const annaApi = await apiAccount(server, 'Anna');
  const group = await expectStatus(server, annaApi, 'POST', '/api/groups', { name: 'Woensdaggroep' }, 201);
  const bram = await joinThroughApi(server, annaApi, group.id, 'Bram');
  const cees = await joinThroughApi(server, annaApi, group.id, 'Cees');
  const meeting = await expectStatus(
    server,
    annaApi,
    'POST',
    `/api/groups/${group.id}/meetings`,
    { starts_at: Date.now() + 20 * 60_000, minutes: 90, place: 'Lokaal 4' },
    201,
  );

  // Bram waits on the meeting page on his phone, Cees on the group's page; nothing runs yet.
  const bramP = await browserFor(browser, server, bram, phone);
  await bramP.page.goto(`${server.base}/bijeenkomst/${meeting.id}`);
  await see(bramP, 'Nog geen casus begonnen.');
  await markPage(bramP);
  const ceesP = await browserFor(browser, server, cees, phone);
  await ceesP.page.goto(`${server.base}/groep/${group.id}`);
  await see(ceesP, 'Leden (3 van 8)');
  await markPage(ceesP);
  assert(
    (await bramP.page.getByRole('button', { name: 'Meedoen aan deze casus' }).count()) === 0,
    'no case to join yet',
  );

  // Anna starts a case. Without a reload, both pages offer it first, in the first screen.
  const started = await expectStatus(
    server,
    annaApi,
    'POST',
    `/api/meetings/${meeting.id}/cases`,
    { method: 'balint', title: 'Woensdag' },
    201,
  );
  const bramJoin = bramP.page.getByRole('button', { name: 'Meedoen aan deze casus', exact: true });
  await inFirstScreen(bramP, bramJoin, 'the join button on the meeting page');
  await see(bramP, 'Er loopt nu een casus');
  await notReloaded(bramP, 'the meeting page noticed the case');
  const ceesJoin = ceesP.page.getByRole('button', { name: 'Meedoen aan deze casus', exact: true });
  await inFirstScreen(ceesP, ceesJoin, 'the join button on the group page');
  await notReloaded(ceesP, 'the group page noticed the case');
  await axe(bramP, 'the meeting page with a case running');
  await shot(bramP, 'groupspages-03-live-case-phone');
  await shot(ceesP, 'groupspages-04-live-case-group');
  mark('both pages noticed the case');

  // In the background the page stops asking; back in sight, it asks at once.
  await setHidden(ceesP, true);
  const asked = countRequests(ceesP, /^\/api\/groups\//);
  await ceesP.page.waitForTimeout(16000);
  assert(asked.n === 0, `a hidden page kept asking: ${asked.n} requests`);
  await setHidden(ceesP, false);
  await ceesP.page.waitForTimeout(1000);
  assert(asked.n === 1, `back in sight, the page asks once at once: ${asked.n} requests`);
  mark('no asking while hidden');

  // One tap and Bram is in the case; Cees joins from the group page.
  await bramJoin.click();
  await bramP.page.waitForURL(new RegExp(`/s/${started.session_id}`));
  await see(bramP, 'Welkom. De begeleider begint');
  await ceesJoin.click();
  await ceesP.page.waitForURL(new RegExp(`/s/${started.session_id}`));
  await see(ceesP, 'Welkom. De begeleider begint');

  // Back on the meeting page, his place in the running case is still the first thing.
  await bramP.page.goto(`${server.base}/bijeenkomst/${meeting.id}`);
  await inFirstScreen(
    bramP,
    bramP.page.getByRole('link', { name: 'Naar de sessie', exact: true }),
    'the way back into the case',
  );

  checkNoPageErrors([bramP, ceesP]);
  await closeAll([bramP, ceesP]);
}

export async function callingOffIsForSchedulerOrFacilitator(browser, server) {
  const annaApi = await apiAccount(server, 'Anna');
  const group = await expectStatus(server, annaApi, 'POST', '/api/groups', { name: 'Vrijdaggroep' }, 201);
  const bram = await joinThroughApi(server, annaApi, group.id, 'Bram');
  const cees = await joinThroughApi(server, annaApi, group.id, 'Cees');
  const meeting = await expectStatus(
    server,
    annaApi,
    'POST',
    `/api/groups/${group.id}/meetings`,
    { starts_at: Date.now() + 14 * 86_400_000, minutes: 120, place: 'Lokaal 9' },
    201,
  );
  const callOff = (p) => p.page.getByRole('button', { name: 'Bijeenkomst laten vervallen' });

  // Bram neither scheduled nor facilitates it: no button, and the server says no as well.
  const bramP = await browserFor(browser, server, bram);
  await bramP.page.goto(`${server.base}/bijeenkomst/${meeting.id}`);
  await see(bramP, 'Kom je? Intekenen is meedoen.');
  assert((await callOff(bramP).count()) === 0, 'Bram sees no call-off button');
  const refused = await as(server, bram, 'POST', `/api/meetings/${meeting.id}/call-off`, {});
  assert(
    refused.status === 403 && refused.body.code === 'not_scheduler_or_facilitator',
    `Bram calling off: ${JSON.stringify(refused)}`,
  );
  const still = await expectStatus(server, annaApi, 'GET', `/api/meetings/${meeting.id}`, undefined, 200);
  assert(still.status === 'scheduled', `the refusal changed nothing: ${still.status}`);
  await axe(bramP, 'the meeting page of a member who may not call it off');
  await shot(bramP, 'groupspages-05-no-call-off');

  // Anna scheduled it: she has the button.
  const annaP = await browserFor(browser, server, annaApi);
  await annaP.page.goto(`${server.base}/bijeenkomst/${meeting.id}`);
  await callOff(annaP).waitFor();

  // Bram makes Cees the facilitator; now Cees may call it off, and does.
  await expectStatus(server, bram, 'POST', `/api/meetings/${meeting.id}/facilitator`, { member: cees.id }, 200);
  const ceesP = await browserFor(browser, server, cees);
  await ceesP.page.goto(`${server.base}/bijeenkomst/${meeting.id}`);
  await see(ceesP, 'Jij begeleidt deze bijeenkomst.');
  await callOff(ceesP).click();
  await see(ceesP, 'Gaat deze bijeenkomst echt niet door?');
  await click(ceesP, 'Ja, laten vervallen');
  await see(ceesP, 'De bijeenkomst vervalt.');
  await see(ceesP, 'Deze bijeenkomst gaat niet door.');
  await bramP.page.reload();
  await see(bramP, 'Deze bijeenkomst gaat niet door.');
  assert((await callOff(bramP).count()) === 0, 'still no button for Bram');

  checkNoPageErrors([bramP, annaP, ceesP]);
  await closeAll([bramP, annaP, ceesP]);
}

/** Every text the page shows: no trace of a 12-hour clock or a month-first date. */
async function noForeignClock(p, when) {
  const text = await p.page.locator('main').innerText();
  assert(!/\b(AM|PM)\b/.test(text), `${when}: a 12-hour clock on the page`);
  assert(!/\b\d{1,2}\/\d{1,2}\/\d{4}\b/.test(text), `${when}: a date with slashes on the page`);
}

export async function dutchDatesWhateverTheBrowser(browser, server) {
  const englishPhone = { locale: 'en-US', timezoneId: 'America/New_York' };
  const annaApi = await apiAccount(server, 'Anna');
  const group = await expectStatus(server, annaApi, 'POST', '/api/groups', { name: 'Dinsdaggroep' }, 201);
  const bram = await joinThroughApi(server, annaApi, group.id, 'Bram');
  const cees = await joinThroughApi(server, annaApi, group.id, 'Cees');

  // Anna's phone speaks American English and lives in New York.
  const anna = await browserFor(browser, server, annaApi, phone, englishPhone);
  await anna.page.goto(`${server.base}/groep/${group.id}/nieuwe-bijeenkomst`);
  assert((await anna.page.evaluate(() => navigator.language)) === 'en-US', 'the browser speaks American English');
  await see(anna, 'Kies wanneer en waar jullie samenkomen');
  assert(
    (await anna.page.locator('input[type=date], input[type=time], input[type=datetime-local]').count()) === 0,
    'no field follows the browser’s own date format',
  );
  const hours = await anna.page
    .getByRole('group', { name: 'Begintijd' })
    .getByLabel('Uur', { exact: true })
    .locator('option')
    .allInnerTexts();
  assert(
    hours.includes('00') && hours.includes('13') && hours.includes('23') && hours.length === 25,
    `a 24-hour clock: ${hours.join(' ')}`,
  );
  const months = await anna.page
    .getByRole('group', { name: 'Datum' })
    .getByLabel('Maand', { exact: true })
    .locator('option')
    .allInnerTexts();
  assert(months.slice(1).join(',') === dutchMonths.join(','), `Dutch month names: ${months.join(',')}`);

  // A day that does not exist is said beside the date; then a real one, read back in words.
  const when = amsterdamDate(30);
  await chooseWhen(anna.page, { ...when, day: 31, month: 2 }, '14', '05');
  await fill(anna, 'Duur in minuten', '90');
  await fill(anna, 'Plek', 'Lokaal 7');
  await click(anna, 'Bijeenkomst plannen');
  await see(anna, 'Die dag bestaat niet in die maand');
  await axe(anna, 'the planning form with an impossible date');
  await chooseWhen(anna.page, when, '14', '05');
  await see(anna, dutchDay(when));
  await shot(anna, 'groupspages-06-dutch-fields-in-en-us');
  await axe(anna, 'the planning form with Dutch date fields');
  await click(anna, 'Bijeenkomst plannen');
  await anna.page.waitForURL(/\/bijeenkomst\//);
  const meetingId = new URL(anna.page.url()).pathname.split('/')[2];
  await see(anna, `${dutchDay(when)}, 14:05–15:35`);
  await noForeignClock(anna, 'the meeting page in an American browser');
  const made = await expectStatus(server, annaApi, 'GET', `/api/meetings/${meetingId}`, undefined, 200);
  assert(
    amsterdamClock(made.starts_at) === '14:05',
    `the meeting starts at 14:05 in Amsterdam, not in New York: ${amsterdamClock(made.starts_at)}`,
  );
  mark('a meeting planned in Dutch fields');

  // Two cancel; Cees, second, proposes new dates from his American phone.
  await expectStatus(server, bram, 'POST', `/api/meetings/${meetingId}/cancel`, {}, 200);
  const ceesP = await browserFor(browser, server, cees, phone, englishPhone);
  await ceesP.page.goto(`${server.base}/bijeenkomst/${meetingId}`);
  await click(ceesP, 'Afzeggen');
  await click(ceesP, 'Afzegging versturen');
  await see(ceesP, 'Jij regelt de nieuwe datum.');
  const row = (n) => ceesP.page.getByRole('group', { name: `Voorstel ${n}` });
  // The first proposal is filled in already: a week after the meeting, at its time.
  const first = row(1).getByRole('group', { name: 'Begintijd' });
  assert(
    (await first.getByLabel('Uur', { exact: true }).inputValue()) === '14',
    'the first proposal keeps the meeting’s hour',
  );
  const later = amsterdamDate(40);
  await chooseWhen(row(2), later, '20', '30');
  await click(ceesP, 'Data voorstellen');
  await see(ceesP, 'Je voorstel is verstuurd.');
  await see(ceesP, `${dutchDay(later)}, 20:30–22:00`);
  await noForeignClock(ceesP, 'the proposed dates in an American browser');
  await shot(ceesP, 'groupspages-07-proposed-in-en-us');
  mark('new dates proposed in Dutch fields');

  // Anna switches the app to English: English month names, still day first and a 24-hour clock.
  await anna.page.getByRole('button', { name: 'Switch to English' }).click();
  await anna.page.getByRole('button', { name: 'Schakel over naar Nederlands' }).waitFor();
  await anna.page.goto(`${server.base}/groep/${group.id}/nieuwe-bijeenkomst`);
  await see(anna, 'Choose when and where');
  const englishMonths = await anna.page
    .getByRole('group', { name: 'Date' })
    .getByLabel('Month', { exact: true })
    .locator('option')
    .allInnerTexts();
  assert(
    englishMonths[1] === 'January' && englishMonths[12] === 'December',
    `English month names: ${englishMonths.join(',')}`,
  );
  await anna.page.goto(`${server.base}/bijeenkomst/${meetingId}`);
  const englishMonth = new Intl.DateTimeFormat('en-GB', { month: 'long' }).format(Date.UTC(2001, later.month - 1, 1));
  await see(anna, `${later.day} ${englishMonth} ${later.year}, 20:30–22:00`);
  await noForeignClock(anna, 'the meeting page in English');

  checkNoPageErrors([anna, ceesP]);
  await closeAll([anna, ceesP]);
}
