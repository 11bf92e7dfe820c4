// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/case_sessions.hpp"

#include <chrono>
#include <future>
#include <memory>

namespace intervisie::server {

std::optional<CaseSession> read_case_session(LiveSession& live) {
  auto promise = std::make_shared<std::promise<CaseSession>>();
  auto future = promise->get_future();
  live.read_state([promise](const core::SessionState& state) {
    promise->set_value(CaseSession{state.presenter, state.phase == core::Phase::finished});
  });
  if (future.wait_for(std::chrono::seconds{5}) != std::future_status::ready)
    return std::nullopt;
  return future.get();
}

std::set<std::string> live_case_sessions(SessionRegistry& sessions,
                                         const core::group::GroupState& state, core::Instant now) {
  std::set<std::string> live;
  for (const core::group::Case& treated : state.cases) {
    if (now - treated.started_at > live_case_horizon)
      continue;
    auto session = sessions.find(treated.session);
    if (!session)
      continue;
    if (const auto read = read_case_session(*session); read && !read->finished)
      live.insert(treated.session);
  }
  return live;
}

} // namespace intervisie::server
