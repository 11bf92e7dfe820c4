// SPDX-License-Identifier: EUPL-1.2
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, eraseSessionContent, fetchReport } from '../api';
import { formatDate } from '../groups/time';
import { errorText, lang, loc, t, type MessageKey } from '../i18n';
import { keepingSentence } from '../keptUntil';
import { forgetDrafts, loadMembership } from '../storage';
import type { Rating, Report } from '../types';
import { CaseForgotten, ForgetCase, type ForgetOutcome } from './ForgetCase';
import { NotMember } from './SessionPage';
import { Shell } from './Shell';

const ratingKey: Record<Rating, MessageKey> = { warm: 'rating.warm', lukewarm: 'rating.lukewarm', cold: 'rating.cold' };

function textOf(item: unknown): string {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object' && 'text' in item) return String((item as { text: unknown }).text ?? '');
  return '';
}

/** The name of whoever said it, when the record names them. */
function byOf(item: unknown): string {
  if (item && typeof item === 'object' && 'by' in item) return String((item as { by: unknown }).by ?? '');
  return '';
}

/** "— Anna" after an item. */
function By({ item }: { item: unknown }) {
  const by = byOf(item);
  return by ? <span class="by"> — {by}</span> : null;
}

type SpokenLike = {
  text: string;
  by?: string;
  spoken?: boolean;
  key_point?: string | null;
  rating?: unknown;
  answer_note?: string | null;
};

/** Whether an item has something of its own to show: words, a key point, a rating or a note. */
function listed(i: SpokenLike): boolean {
  return !!(i.text || i.key_point || i.rating || i.answer_note);
}

/** Said out loud without a key point: not an empty line each, but who to ask, in one line. */
function unnoted(items: SpokenLike[]): string {
  const counts = new Map<string, number>();
  for (const i of items) if (!listed(i)) counts.set(i.by ?? '', (counts.get(i.by ?? '') ?? 0) + 1);
  return [...counts.entries()].map(([by, n]) => (n > 1 ? `${by || '?'} (${n})` : by || '?')).join(', ');
}

/** A contribution's words: typed, or its key point when it was said out loud. */
function Words({ item }: { item: SpokenLike }) {
  if (item.text) return <p>{item.text}</p>;
  if (!item.key_point) return <p class="out-loud">{t('rep.spoken')}</p>;
  return (
    <p>
      <span class="kern-label">{t('flip.keyPoint')}</span> {item.key_point}
    </p>
  );
}

function fileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${slug || 'intervisie'}-verslag.txt`;
}

/**
 * The presenter's own record of the session: prints cleanly and downloads as Markdown. The
 * facilitator of a presenter without a device reads the same record from the server, to print or
 * save and hand over; the link there names that presenter (`?for=`), since the record names nobody.
 */
export function ReportPage({ id }: { id: string }) {
  const membership = useMemo(() => loadMembership(id), [id]);
  const forName = useMemo(() => new URLSearchParams(location.search).get('for')?.trim() || undefined, [id]);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState('');
  const [forgotten, setForgotten] = useState(false);
  const language = lang();
  const back = `/s/${encodeURIComponent(id)}`;

  // The case is gone from the server: this device lets go of what was typed in it, too.
  const becameForgotten = () => {
    forgetDrafts(id);
    setForgotten(true);
  };

  useEffect(() => {
    if (!membership) return;
    setError('');
    fetchReport(id, membership.token, language)
      .then(setReport)
      .catch((err) => {
        const e = apiErrorOf(err);
        if (e.code === 'case_erased') becameForgotten();
        else setError(refusalText(e));
      });
  }, [id, membership, language]);

  if (!membership) return <NotMember />;
  if (forgotten) return <CaseForgotten back={back} backText={t('rep.back')} text={t('rep.forgottenSession')} />;
  const forget = async (): Promise<ForgetOutcome> => {
    try {
      await eraseSessionContent(id, membership.token);
    } catch (err) {
      const e = apiErrorOf(err);
      if (e.code !== 'case_erased') return { ok: false, message: refusalText(e) };
    }
    becameForgotten();
    return { ok: true };
  };
  return <ReportView back={back} report={report} error={error} forName={forName} forget={forget} />;
}

function apiErrorOf(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'unknown', '');
}

/** Why the record (or its erasure) was refused, in the record's own words where it has them. */
function refusalText(e: ApiError): string {
  const own: Record<string, MessageKey> = { not_presenter: 'rep.forbidden', session_not_finished: 'rep.notFinished' };
  return own[e.code] ? t(own[e.code]) : errorText(e.code, e.message);
}

/**
 * The record itself; `back` is where the page's way back leads (the session, or the group),
 * `backText` what that link says. `forget` erases the case's content on the server.
 */
export function ReportView({
  back,
  backText = t('rep.back'),
  report,
  error,
  forName,
  forget,
}: {
  back: string;
  backText?: string;
  report: Report | null;
  error: string;
  forName?: string;
  forget?: () => Promise<ForgetOutcome>;
}) {
  const language = lang();
  useEffect(() => {
    if (report) document.title = `${t('rep.title')}: ${report.title} — ${t('app.name')}`;
  }, [report?.title]);

  const download = () => {
    if (!report) return;
    // Plain text that opens anywhere, written in Markdown so it reads well as it is.
    const blob = new Blob([report.markdown], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(report.title);
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  if (error || !report) {
    return (
      <Shell>
        <div class="page narrow">
          <h1>{t('rep.title')}</h1>
          {error ? (
            <p class="notice" role="alert">
              {error}
            </p>
          ) : (
            <p class="muted">{t('common.loading')}</p>
          )}
          <p>
            <a href={back}>{backText}</a>
          </p>
        </div>
      </Shell>
    );
  }

  const finished = report.finished_at;
  const statements = report.statements ?? [];
  const reflections = (report.reflections ?? []).map(textOf).filter(Boolean);
  const observations = (report.observations ?? []).filter((o) => textOf(o));
  const questions = report.questions.filter(listed);
  const questionsUnnoted = unnoted(report.questions);
  const advice = report.advice.filter(listed);
  const adviceUnnoted = unnoted(report.advice);
  return (
    <Shell>
      <article class="page report" aria-labelledby="report-title">
        <div class="report-tools no-print">
          <a href={back}>{backText}</a>
          <div class="actions">
            <button type="button" class="btn btn-primary" onClick={() => window.print()}>
              {t('rep.print')}
            </button>
            <button type="button" class="btn btn-secondary" onClick={download}>
              {t('rep.download')}
            </button>
          </div>
        </div>
        {(typeof report.kept_until === 'number' || forget) && (
          <div class="report-keeping no-print">
            {typeof report.kept_until === 'number' && (
              <p class="hint">{keepingSentence(report.kept_until, Date.now())}</p>
            )}
            {forget && <ForgetCase forget={forget} />}
          </div>
        )}
        <header class="report-head">
          <p class="report-kind">{t('rep.kicker', { method: loc(report.method.name) })}</p>
          <h1 id="report-title">{report.title}</h1>
          {finished !== null && <p class="muted">{t('rep.finishedAt', { date: formatDate(finished, language) })}</p>}
          <p class="report-private">{forName ? t('rep.forPresenter', { name: forName }) : t('rep.private')}</p>
        </header>

        {statements.length > 0 && (
          <section aria-labelledby="rep-statement">
            <h2 id="rep-statement">{t('rep.statement')}</h2>
            <p class="statement">{statements[statements.length - 1]}</p>
            {statements.length > 1 && (
              <>
                <p class="hint">{t('rep.earlier')}</p>
                <ul>
                  {statements.slice(0, -1).map((x, i) => (
                    <li key={i}>{x}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        )}

        {report.questions.length > 0 && (
          <section aria-labelledby="rep-questions">
            <h2 id="rep-questions">{t('rep.questions')}</h2>
            <ol class="report-questions">
              {questions.map((q, i) => (
                <li key={i}>
                  <Words item={q} />
                  <p class="q-meta">
                    <By item={q} />{' '}
                    {q.rating ? (
                      <span class={`chip chip-${q.rating}`}>{t(ratingKey[q.rating])}</span>
                    ) : q.outcome === 'declined' ? (
                      <span class="chip chip-declined">{t('q.outcome.declined')}</span>
                    ) : q.outcome === 'answered' ? (
                      <span class="chip chip-answered">{t('q.outcome.answered')}</span>
                    ) : null}
                  </p>
                  {q.answer_note && <p class="q-note">{t('q.yourNote', { note: q.answer_note })}</p>}
                </li>
              ))}
            </ol>
            {questionsUnnoted && <p class="report-unnoted">{t('rep.askedUnnoted', { names: questionsUnnoted })}</p>}
          </section>
        )}

        {observations.length > 0 && (
          <section aria-labelledby="rep-obs">
            <h2 id="rep-obs">{t('rep.observations')}</h2>
            <ul>
              {observations.map((o, i) => (
                <li key={i}>
                  {textOf(o)}
                  <By item={o} />
                </li>
              ))}
            </ul>
          </section>
        )}

        {reflections.length > 0 && (
          <section aria-labelledby="rep-refl">
            <h2 id="rep-refl">{t('rep.reflections')}</h2>
            <ul>
              {reflections.map((o, i) => (
                <li key={i}>{o}</li>
              ))}
            </ul>
          </section>
        )}

        {report.advice.length > 0 && (
          <section aria-labelledby="rep-advice">
            <h2 id="rep-advice">{t('rep.advice')}</h2>
            <ul>
              {advice.map((a, i) => (
                <li key={i}>
                  <Words item={a} />
                  <By item={a} />
                </li>
              ))}
            </ul>
            {adviceUnnoted && <p class="report-unnoted">{t('rep.givenUnnoted', { names: adviceUnnoted })}</p>}
          </section>
        )}

        {(report.key_points ?? []).length > 0 && (
          <section aria-labelledby="rep-key-points">
            <h2 id="rep-key-points">{t('rep.keyPoints')}</h2>
            <ul>
              {report.key_points!.map((n, i) => (
                <li key={i}>
                  {textOf(n)}
                  <By item={n} />
                </li>
              ))}
            </ul>
          </section>
        )}

        {report.drafts.length > 0 && (
          <section aria-labelledby="rep-drafts">
            <h2 id="rep-drafts">{t('rep.drafts')}</h2>
            <ul class="report-drafts">
              {report.drafts.map((d, i) => (
                <li key={i}>
                  {d.essence && <p class="essence">{d.essence}</p>}
                  {d.text && <p>{d.text}</p>}
                  <By item={d} />
                </li>
              ))}
            </ul>
          </section>
        )}

        {report.reaction && (report.reaction.tomorrow || report.reaction.think_over) && (
          <section aria-labelledby="rep-reaction">
            <h2 id="rep-reaction">{t('rep.reaction')}</h2>
            <dl class="reaction">
              {report.reaction.tomorrow && (
                <>
                  <dt>{t('re.tomorrow')}</dt>
                  <dd>{report.reaction.tomorrow}</dd>
                </>
              )}
              {report.reaction.think_over && (
                <>
                  <dt>{t('re.thinkOver')}</dt>
                  <dd>{report.reaction.think_over}</dd>
                </>
              )}
            </dl>
          </section>
        )}

        {report.private_notes.length > 0 && (
          <section aria-labelledby="rep-notes">
            <h2 id="rep-notes">{t('rep.notes')}</h2>
            <ul>
              {report.private_notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          </section>
        )}
      </article>
    </Shell>
  );
}
