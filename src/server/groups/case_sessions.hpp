// SPDX-License-Identifier: EUPL-1.2
// What the group pages need to know of a case's live session: who presents, and whether it
// still runs. Read on the session's own strand; the group routes wait for it on their
// blocking executor, never on a network thread.
#pragma once

#include "core/group/group_state.hpp"
#include "server/live/session_registry.hpp"

#include <optional>
#include <set>
#include <string>

namespace intervisie::server {

struct CaseSession {
  std::optional<core::ParticipantId> presenter;
  bool finished = false;
};

// Nothing when the session did not answer in time.
std::optional<CaseSession> read_case_session(LiveSession& live);

// How long after its start a case can still be live: a case older than this is no meeting in
// progress, even if its session was never finished; it also bounds the reads per request.
inline constexpr auto live_case_horizon = std::chrono::hours{12};

// The sessions of the group's cases that members can take their place in now: started less
// than `live_case_horizon` ago, and not finished.
std::set<std::string> live_case_sessions(SessionRegistry& sessions,
                                         const core::group::GroupState& state, core::Instant now);

} // namespace intervisie::server
