// SPDX-License-Identifier: EUPL-1.2
// Who has the word now, and what they are doing: one answer for every screen, so the wall, the
// presenter's phone and the advisers' phones never disagree, and the answer is true at every
// moment (during the time to think nobody speaks; after the gossip the presenter does).
#pragma once

#include "core/session/session_state.hpp"

#include <optional>

namespace intervisie::core {

enum class FloorHolder { presenter, advisers, everyone, participant, nobody };

enum class Activity {
  gathering,   // the lobby
  collecting,  // the inventory, before an issue is chosen
  naming,      // the presenter names the issue (statement), or decides on a reframe
  preparing,   // a time to think runs: advisers think, nobody speaks
  asking,      // the turn holder asks a question
  answering,   // the presenter answers the question on the table
  rating,      // the presenter rates it (Fresh Questioning)
  discussing,  // the gossip round: advisers talk, the presenter listens
  reflecting,  // the presenter reflects (after the gossip, or in a reflection step)
  advising,    // the turn holder gives advice
  sharing,     // the turn holder shares their written advice (Balint)
  writing,     // advisers write their advice (Balint)
  reacting,    // the presenter's reaction
  closing,     // everyone says how it went
  paused,      // the facilitator paused the session
  disturbance, // a disturbance comes first
  done,        // the step's work is done; the facilitator moves on
  finished,    // the session is over
};

struct Floor {
  FloorHolder who = FloorHolder::nobody;
  // The one person who has the word: the turn holder (who == participant) or the presenter
  // (who == presenter); none otherwise.
  std::optional<ParticipantId> participant;
  Activity doing = Activity::done;
  bool operator==(const Floor&) const = default;
};

Floor floor(const SessionState& state, Instant now);

} // namespace intervisie::core
