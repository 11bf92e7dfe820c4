// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useState } from 'preact/hooks';
import { eraseCaseContent, fetchCaseReport } from '../../groups/api';
import { lang, t } from '../../i18n';
import { gt } from '../../i18n/groups';
import { forgetDrafts } from '../../storage';
import type { Report } from '../../types';
import { CaseForgotten, type ForgetOutcome } from '../ForgetCase';
import { ReportView } from '../ReportPage';
import { errorOf, messageOf } from './parts';

/**
 * The presenter's own record of a case they brought into the group, from the group's history.
 * Once its content is erased (forgotten, or past the group's retention) the server answers
 * `410 case_erased`, and the page says what stays.
 */
export function CaseReportPage({ group, session }: { group: string; session: string }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const [forgotten, setForgotten] = useState(false);
  const language = lang();
  const back = `/groep/${encodeURIComponent(group)}`;

  // The case is gone from the server: this device lets go of what was typed in it, too.
  const becameForgotten = () => {
    forgetDrafts(session);
    setForgotten(true);
  };

  useEffect(() => {
    fetchCaseReport<Report>(group, session, language)
      .then(setReport)
      .catch((e) => (errorOf(e).code === 'case_erased' ? becameForgotten() : setError(messageOf(e))));
  }, [group, session, language]);

  if (forgotten) return <CaseForgotten back={back} backText={gt('case.reportBack')} text={t('rep.forgotten')} />;
  const forget = async (): Promise<ForgetOutcome> => {
    try {
      await eraseCaseContent(group, session);
    } catch (e) {
      if (errorOf(e).code !== 'case_erased') return { ok: false, message: messageOf(e) };
    }
    becameForgotten();
    return { ok: true };
  };
  return <ReportView back={back} backText={gt('case.reportBack')} report={report} error={error} forget={forget} />;
}
