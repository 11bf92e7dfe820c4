// The group pages as people meet them outside the ideal path: the header as the login changes.

import { accountOf, apiAccount, as, browserFor, expectStatus, joinThroughApi, password } from './accounts.mjs';
import { assert, axe, checkNoPageErrors, click, closeAll, fill, mark, person, phone, see, shot } from './lib.mjs';

/** The header's links, as a person reads them. */
async function headerLinks(p) {
  return p.page.locator('header nav a').allInnerTexts();
}

async function headerIs(p, expected, when) {
  const want = expected.join('|');
  await p.page
    .waitForFunction((w) => [...document.querySelectorAll('header nav a')].map((a) => a.textContent.trim()).join('|') === w, want, { timeout: 5000 })
    .catch(async () => {
      throw new Error(`${when}: the header shows ${JSON.stringify(await headerLinks(p))}, expected ${JSON.stringify(expected)}`);
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
