// SPDX-License-Identifier: EUPL-1.2
// What the group pages need to know of a case's live session: who presents, and whether it
// still runs. Each session is asked on its own strand; the answers are gathered and handed to
// a continuation on the executor the caller names. Nothing waits for a session: a busy one
// delays the answer, never a thread.
#pragma once

#include "core/group/group_state.hpp"
#include "server/live/session_registry.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace intervisie::server {

struct CaseSession {
  std::optional<core::ParticipantId> presenter;
  bool finished = false;
};

// What each session said, by session id. A session that is not known is absent.
using CaseSessionReads = std::map<std::string, CaseSession>;

// Asks every session at once, each on its own strand; `done` runs on `then` once all have
// answered, and owns the answers. Finding a session may load it from the store: call this off
// the network threads.
void read_case_sessions(SessionRegistry& sessions, const std::vector<std::string>& session_ids,
                        boost::asio::any_io_executor then,
                        std::function<void(CaseSessionReads)> done);

// How long after its start a case can still be live: a case older than this is no meeting in
// progress, even if its session was never finished; it also bounds the reads per request.
inline constexpr auto live_case_horizon = std::chrono::hours{12};

// The sessions of the group's cases started less than `live_case_horizon` ago: those that may
// still be live.
std::vector<std::string> recent_case_sessions(const core::group::GroupState& state,
                                              core::Instant now);

// Of those, the ones members can take their place in now: their session has not finished.
std::set<std::string> live_case_sessions(const core::group::GroupState& state,
                                         const CaseSessionReads& reads, core::Instant now);

} // namespace intervisie::server
