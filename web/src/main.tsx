// SPDX-License-Identifier: EUPL-1.2
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lang, onLangChange } from './i18n';
import { isGroupsRoute, useRoute } from './router';
import { JoinPage } from './views/JoinPage';
import { SessionPage } from './views/SessionPage';
import { NotFound } from './views/NotFound';
import { GroupsLoader } from './views/GroupsLoader';
import { Loading, lazyPart } from './views/lazy';
import { Shell } from './views/Shell';
import './styles.css';

// A phone that joins needs only the join and the session pages; the rest loads when opened.
const waiting = (failed: boolean) => (
  <Shell>
    <Loading failed={failed} />
  </Shell>
);
const StartPage = lazyPart(() => import('./views/StartPage').then((m) => m.StartPage), waiting);
const BeamerPage = lazyPart(() => import('./views/BeamerPage').then((m) => m.BeamerPage), waiting);
const ReportPage = lazyPart(() => import('./views/ReportPage').then((m) => m.ReportPage), waiting);

function App() {
  const route = useRoute();
  // Every text comes from the catalog at render time; a language switch re-renders all.
  const [, setLanguage] = useState(lang());
  useEffect(() => onLangChange(setLanguage), []);
  if (isGroupsRoute(route)) return <GroupsLoader route={route} />;
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'join':
      return <JoinPage id={route.id} />;
    case 'session':
      return <SessionPage id={route.id} />;
    case 'report':
      return <ReportPage id={route.id} />;
    case 'beamer':
      return <BeamerPage id={route.id} />;
    default:
      return <NotFound />;
  }
}

document.documentElement.lang = lang();
render(<App />, document.getElementById('app')!);
