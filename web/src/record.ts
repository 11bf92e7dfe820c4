// The presenter's record made from the facilitator's own view, for a presenter who took part
// without a device: the server gives the record to the presenter's token only, and that person
// has none. Everything in it was on the flip chart the facilitator saw. Pure, so unit-tested.

import type { Report, SessionState } from './types';

export function recordFromState(s: SessionState): Report {
  const fc = s.flip_chart;
  return {
    title: s.title,
    method: { id: s.method?.id ?? '', name: s.method?.name ?? '' },
    finished_at: s.finished_at,
    statements: fc.statements,
    questions: fc.questions.map((q) => ({ text: q.text, outcome: q.outcome, rating: q.rating, answer_note: q.answer_note ?? null })),
    observations: fc.observations.map((o) => o.text),
    reflections: fc.reflections.map((r) => r.text).filter(Boolean),
    advice: fc.advice.map((a) => ({ text: a.text })),
    key_points: (fc.notes ?? []).map((n) => n.text),
    drafts: fc.drafts.filter((d) => d.shared).map((d) => ({ essence: d.essence, text: d.text })),
    reaction: fc.reaction,
    private_notes: [],
    markdown: '',
  };
}

/** The words of the Markdown, in the page's language. */
export interface RecordWords {
  method: string;
  statement: string;
  earlier: string;
  questions: string;
  outLoud: string;
  outcome: Record<string, string>;
  observations: string;
  reflections: string;
  advice: string;
  keyPoints: string;
  drafts: string;
  reaction: string;
  tomorrow: string;
  thinkOver: string;
}

/** One line of text as a Markdown list item: no line breaks, nothing read as markup at the start. */
function line(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/^([#>*+-]|\d+\.)/, '\\$1');
}

export function recordMarkdown(r: Report, w: RecordWords, methodName: string): string {
  const out: string[] = [`# ${line(r.title)}`, '', `${w.method}: ${methodName}`];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    out.push('', `## ${title}`, '', ...items.map((x) => `- ${line(x)}`));
  };
  if (r.statements.length) {
    out.push('', `## ${w.statement}`, '', line(r.statements[r.statements.length - 1]));
    if (r.statements.length > 1) out.push('', `${w.earlier}`, ...r.statements.slice(0, -1).map((x) => `- ${line(x)}`));
  }
  if (r.questions.length) {
    out.push('', `## ${w.questions}`, '');
    r.questions.forEach((q, i) => {
      const how = q.rating ? w.outcome[q.rating] : w.outcome[q.outcome] ?? q.outcome;
      out.push(`${i + 1}. ${q.text ? line(q.text) : w.outLoud} — *${how}*`);
    });
  }
  list(w.observations, r.observations.map((o) => (typeof o === 'string' ? o : '')).filter(Boolean));
  list(w.reflections, r.reflections.map((o) => (typeof o === 'string' ? o : '')).filter(Boolean));
  list(w.advice, r.advice.map((a) => a.text || w.outLoud));
  list(w.keyPoints, r.key_points ?? []);
  list(w.drafts, r.drafts.map((d) => [d.essence, d.text].filter(Boolean).join(' — ')));
  if (r.reaction && (r.reaction.tomorrow || r.reaction.think_over)) {
    out.push('', `## ${w.reaction}`, '');
    if (r.reaction.tomorrow) out.push(`- ${w.tomorrow}: ${line(r.reaction.tomorrow)}`);
    if (r.reaction.think_over) out.push(`- ${w.thinkOver}: ${line(r.reaction.think_over)}`);
  }
  return `${out.join('\n')}\n`;
}
