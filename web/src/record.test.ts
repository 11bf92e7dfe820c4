import { describe, expect, it } from 'vitest';
import { recordFromState, recordMarkdown, type RecordWords } from './record';
import { session } from './testState';

const words: RecordWords = {
  method: 'Werkvorm',
  statement: 'Het vraagstuk',
  earlier: 'Eerder gezegd:',
  questions: 'Vragen',
  outLoud: '(hardop)',
  outcome: { answered: 'beantwoord', declined: 'grens aangegeven', pending: 'ligt op tafel' },
  observations: 'Wat opviel',
  reflections: 'Wat ik meenam',
  advice: 'Adviezen',
  keyPoints: 'Kernpunten',
  drafts: 'Geschreven adviezen',
  reaction: 'Wat ik meeneem',
  tomorrow: 'Morgen',
  thinkOver: 'Nadenken',
};

describe('the record made from the facilitator’s view', () => {
  it('holds the flip chart, the key points and what was said out loud', () => {
    const s = session({ phase: 'finished' });
    s.flip_chart = {
      ...s.flip_chart,
      statements: ['Ik wil nee zeggen.', 'Ik wil mijn grenzen bewaken.'],
      questions: [
        { id: 1, step: 2, round: 1, asker: 1, recorded_by: null, text: '', outcome: 'answered', rating: null, rating_recorded_by: null },
        { id: 2, step: 2, round: 1, asker: 3, recorded_by: 1, text: 'Wat maakt het lastig?', outcome: 'declined', rating: null, rating_recorded_by: null },
      ],
      observations: [{ step: 3, author: 3, text: 'Het werd stil.', recorded_by: 1 }],
      advice: [{ step: 6, adviser: 4, text: '', recorded_by: 1 }],
      notes: [{ step: 6, author: 5, text: '- Eén keer nee oefenen' }],
      reaction: { tomorrow: 'Nee zeggen.', think_over: '' },
    };
    const r = recordFromState(s);
    expect(r.key_points).toEqual(['- Eén keer nee oefenen']);
    expect(r.private_notes).toEqual([]);
    const md = recordMarkdown(r, words, 'Incidentmethode');
    expect(md).toContain('# Intervisie');
    expect(md).toContain('Ik wil mijn grenzen bewaken.');
    expect(md).toContain('- Ik wil nee zeggen.');
    expect(md).toContain('1. (hardop) — *beantwoord*');
    expect(md).toContain('2. Wat maakt het lastig? — *grens aangegeven*');
    expect(md).toContain('## Adviezen\n\n- (hardop)');
    expect(md).toContain('## Kernpunten\n\n- \\- Eén keer nee oefenen');
    expect(md).toContain('- Morgen: Nee zeggen.');
    expect(md).not.toContain('Nadenken');
  });
});
