// SPDX-License-Identifier: EUPL-1.2
// What a well-behaved group does next, read from its session's state: the moves that take a
// session from the lobby to its end, one at a time, for every step kind a method file can
// name. The chaos bench drives whole meetings with it; it never breaks a rule on purpose, so a
// refusal it gets back is a finding.
#pragma once

#include "core/session/engine.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace intervisie::chaos {

struct Move {
  core::ParticipantId actor;
  core::CommandBody command;
};

// Who the group is, and what it knows that its facilitator's view does not show.
struct Cast {
  // The participants with a device of their own, in the order they joined: the facilitator
  // first. Anyone else in the session (a join whose answer was lost in a crash) is away for
  // good; the facilitator records for them.
  std::vector<core::ParticipantId> people;
  bool reframe = true; // at an incident's reframe step: reframe (another round) or keep
  // Who has written a draft in the current written-advice step: drafts are private, so the
  // facilitator's view shows only their own. The group learns it from its acks.
  std::set<core::ParticipantId> drafted;
  std::size_t drafted_in_step = 0;

  bool has_device(core::ParticipantId id) const;
};

// The next move, or nothing once the session has finished.
std::optional<Move> next_move(const core::SessionState& state, const Cast& cast);

// The facilitator moves on past whatever soft rule holds them: what a group does when a move
// was refused.
Move move_on(const core::SessionState& state);

// Runs every method through the engine itself with this autopilot (eight people, and once with
// one of them away for good), so a run does not start with an autopilot that cannot finish a
// method. Returns one line per method, or what went wrong.
std::expected<std::vector<std::string>, std::string>
check_autopilot(const std::vector<std::shared_ptr<const core::Method>>& methods);

} // namespace intervisie::chaos
