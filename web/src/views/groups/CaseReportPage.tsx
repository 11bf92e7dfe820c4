import { useEffect, useState } from 'preact/hooks';
import { fetchCaseReport } from '../../groups/api';
import { lang } from '../../i18n';
import type { Report } from '../../types';
import { ReportView } from '../ReportPage';
import { messageOf } from './parts';

/** The presenter's own record of a case they brought into the group, from the group's history. */
export function CaseReportPage({ group, session }: { group: string; session: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const language = lang();
  useEffect(() => {
    fetchCaseReport<Report>(group, session, language)
      .then(setReport)
      .catch((e) => setError(messageOf(e)));
  }, [group, session, language]);
  return <ReportView back={`/groep/${encodeURIComponent(group)}`} report={report} error={error} />;
}
