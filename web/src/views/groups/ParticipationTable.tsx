// SPDX-License-Identifier: EUPL-1.2
import type { Participation } from '../../groups/types';
import { gt } from '../../i18n/groups';
import { nameOf } from './parts';

/** Per member: cases brought in, meetings facilitated, attendance since joining. */
export function ParticipationTable({ rows }: { rows: Participation[] }) {
  return (
    <section class="panel" aria-labelledby="part-title">
      <h2 id="part-title">{gt('part.title')}</h2>
      <p class="hint" id="part-lead">
        {gt('part.lead')}
      </p>
      {/* On a phone the table may scroll sideways; a keyboard must reach it, so it is focusable. */}
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="part-title">
        <table class="participation" aria-describedby="part-lead">
          <thead>
            <tr>
              <th scope="col">{gt('part.member')}</th>
              <th scope="col">{gt('part.cases')}</th>
              <th scope="col">{gt('part.facilitated')}</th>
              <th scope="col">{gt('part.attended')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.member?.id ?? i}>
                <th scope="row">{nameOf(r.member)}</th>
                <td>{r.cases_presented}</td>
                <td>{r.meetings_facilitated}</td>
                <td>{gt('part.attendance', { n: r.attended, of: r.held_since_joining })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
