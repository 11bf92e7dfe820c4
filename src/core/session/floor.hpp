// Who has the word now. Every screen says it, so it must be true at every moment: during the time
// to think nobody speaks, after the gossip round the presenter does, and so on.
#pragma once

#include "core/session/session_state.hpp"

#include <optional>

namespace intervisie::core {

struct Floor {
  enum class Who { nobody, presenter, advisers, everyone, participant };
  enum class Doing {
    gathering,  // the lobby
    collecting, // the inventory, until an issue is chosen
    naming,     // the presenter names or reframes the issue
    preparing,  // a time to think runs: nobody speaks
    asking,     // the turn holder asks (or passes)
    answering,  // the presenter answers the question on the table
    rating,     // the presenter rates it (Fresh Questioning)
    discussing, // the gossip round: the advisers talk, the presenter listens
    reflecting, // the presenter says what it did, or has the last word
    advising,   // the turn holder gives advice (or passes)
    sharing,    // the turn holder shares their written advice (Balint)
    writing,    // everyone writes advice in silence (Balint)
    reacting,   // the presenter reacts to the advice
    closing,    // everyone looks back
    paused,
    disturbance,
    done, // this step's work is done; the facilitator moves on
    finished,
  };
  Who who = Who::nobody;
  std::optional<ParticipantId> participant; // the turn holder, or the presenter
  Doing doing = Doing::gathering;
  bool operator==(const Floor&) const = default;
};

Floor floor(const SessionState& state, Instant now);

// Who holds the turn after the current holder: round and round in question rounds, once through
// in advice and sharing; nothing when the turns are closed or this is the last.
std::optional<ParticipantId> next_turn(const SessionState& state);

} // namespace intervisie::core
