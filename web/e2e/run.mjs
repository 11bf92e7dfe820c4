// SPDX-License-Identifier: EUPL-1.2
// Runs the browser tests against the real server serving web/dist.
// Usage: [E2E_JOBS=N] node e2e/run.mjs [name-filter]
// Scenarios run E2E_JOBS at a time (default: half the cores), each with a server and a browser of
// its own.

import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { Server, artifacts, launchBrowser, shootOpenPages, webDir } from './lib.mjs';
import { incident } from './incident.mjs';
import { incidentKeep, groupFull } from './short.mjs';
import { freshQuestioning } from './fresh.mjs';
import { balint } from './balint.mjs';
import { coachHints } from './coach.mjs';
import { oneLaptop } from './onelaptop.mjs';
import { mixedRoom } from './mixed.mjs';
import { balintWithoutDevice } from './withoutdevice.mjs';
import { groupLife } from './groups.mjs';
import { groupCases } from './groupcases.mjs';
import {
  comingBack,
  joiningAndPrivacy,
  noWordLost,
  recordWorthTakingHome,
  turnsAndFlow,
  wallFollows,
} from './realpeople.mjs';
import { groupCaseForgotten, liveRecordForgotten, tooManyScreens } from './retention.mjs';
import {
  callingOffIsForSchedulerOrFacilitator,
  dutchDatesWhateverTheBrowser,
  headerFollowsLogin,
  invitationAsksTheNameOnce,
  liveCaseComesFirst,
} from './groupspages.mjs';

const tests = [
  ['the ninth person is refused kindly', groupFull],
  ['wording coach: hints while typing, the facilitator’s marks, switched off', coachHints],
  ['incident method, start to report', incident],
  ['incident method, keeping the issue skips to advice', incidentKeep],
  ['fresh questioning, start to report', freshQuestioning],
  ['balint method, start to report, with a server restart', balint],
  ['one laptop: a whole incident session by keyboard, five people without a device', oneLaptop],
  ['mixed room: two take over their places on a phone halfway', mixedRoom],
  ['balint without a device: advice written and shared for others, the record from the server', balintWithoutDevice],
  ['groups: sign up, a group, an invitation, a meeting, two cancel and the second finds a new date', groupLife],
  [
    'coming back: a phone dies mid-round, the facilitator passes for her, she returns on another phone; a stranger is not let in; a new browser takes over; the facilitator returns',
    comingBack,
  ],
  ['no word lost: typed words go with the biggest button, and every field survives a reload', noWordLost],
  [
    'the wall follows: 8 people and 30 questions at 1920×1080 and 1280×720, the newest in view, a closing screen after',
    wallFollows,
  ],
  ['a record worth taking home: authors, key points said out loud, no empty lines', recordWorthTakingHome],
  [
    'turns and the facilitator’s flow: the band, next in line, one timer, the top of each step, a slim one-laptop strip',
    turnsAndFlow,
  ],
  ['joining with a code and the meeting’s name; a disturbance without a name', joiningAndPrivacy],
  [
    'group cases: the facilitator starts a live session from the meeting, follow-up at the next, history and participation',
    groupCases,
  ],
  ['groups pages: the header follows the login at once, without a reload', headerFollowsLogin],
  ['groups pages: an invitee gives their name once', invitationAsksTheNameOnce],
  ['groups pages: a live case is the first thing on a phone, noticed without a reload', liveCaseComesFirst],
  ['groups pages: only the scheduler or the facilitator calls a meeting off', callingOffIsForSchedulerOrFacilitator],
  ['groups pages: Dutch dates and a 24-hour clock in an American browser', dutchDatesWhateverTheBrowser],
  [
    'retention: a member sets how long cases are kept; the presenter reads until when, forgets the case, the group keeps its facts',
    groupCaseForgotten,
  ],
  [
    'retention: a live record forgotten by its presenter only, after the end; the phone lets go of its drafts',
    liveRecordForgotten,
  ],
  ['too many screens: the ninth screen of a place says so, waits, and gets in once one is closed', tooManyScreens],
];

if (!existsSync(join(webDir, 'dist', 'index.html'))) {
  console.error('web/dist is missing: run `npm run build` first');
  process.exit(1);
}

// Pictures of an earlier run's failures would only mislead.
for (const f of readdirSync(artifacts)) if (f.startsWith('failed-')) rmSync(join(artifacts, f));

const filter = process.argv[2] ?? '';
// Half the cores: a scenario keeps about one core busy (Chromium and the server). On 2 cores two
// at a time took as long as one after the other (766 s of scenarios in 389 s), so one it is.
const jobs = Math.max(1, Number(process.env.E2E_JOBS ?? Math.floor(availableParallelism() / 2)));
const started = Date.now();
const queue = tests.filter(([name]) => !filter || name.includes(filter));
let passed = 0;
let failed = 0;

async function worker() {
  const browser = await launchBrowser();
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [name, fn] = next;
    const server = new Server();
    const t0 = Date.now();
    try {
      await server.start();
      await fn(browser, server);
      await server.stop();
      passed += 1;
      console.log(`ok   ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (err) {
      failed += 1;
      await shootOpenPages(browser, `failed-${name.split(' ')[0]}`);
      console.log(
        `FAIL ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n     ${String(err?.stack ?? err)
          .split('\n')
          .slice(0, err?.serverEnd ? undefined : 8)
          .join('\n     ')}`,
      );
      // A server that died during the scenario tells why (a sanitizer's report, say).
      const child = server.child;
      if (child && (child.exitCode !== null || child.signalCode !== null))
        console.log(`     the server ended (${child.signalCode ?? `exit ${child.exitCode}`}):\n${server.stderrTail}`);
    } finally {
      // After a failure the server's own end says nothing new.
      await server.close().catch(() => undefined);
    }
  }
  await browser.close();
}

await Promise.all(Array.from({ length: jobs }, worker));
console.log(
  `e2e run took ${((Date.now() - started) / 1000).toFixed(1)} s (${jobs} at a time); screenshots in web/e2e-artifacts/`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
