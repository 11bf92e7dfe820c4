// SPDX-License-Identifier: EUPL-1.2
#include "server/retention/purge.hpp"

namespace intervisie::server {

std::expected<PurgeReport, std::string> purge(store::EventStore& store, const Retention& retention,
                                              std::int64_t now_ms, const EraseSession& erase) {
  auto sessions = store.list_sessions(false);
  if (!sessions)
    return std::unexpected("listing the sessions to purge: " + sessions.error().message);
  PurgeReport report;
  for (const store::SessionRecord& session : *sessions) {
    if (!session.finished || session.erased_at_ms)
      continue;
    // A session finished before its finish was recorded: its last event is as good a moment.
    std::int64_t finished_at = session.finished_at_ms.value_or(session.created_at_ms);
    if (!session.finished_at_ms) {
      if (auto last = store.read(session.session_id, session.last_seq ? session.last_seq - 1 : 0);
          last && !last->empty())
        finished_at = last->back().at_ms;
    }
    if (retention.kept_until_ms(session.session_id, finished_at) > now_ms)
      continue;
    if (auto erased = erase(session.session_id); !erased)
      report.failures.push_back(erased.error());
    else
      ++report.erased;
  }
  return report;
}

} // namespace intervisie::server
