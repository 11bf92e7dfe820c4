// What a participant may do now, worked out by asking decide() itself, so that what a screen
// offers can never differ from what the engine accepts. Screens show buttons from this; the
// rules stay in one place.
#pragma once

#include "core/session/away.hpp"
#include "core/session/command.hpp"
#include "core/session/refusal.hpp"
#include "core/session/session_state.hpp"

#include <bitset>
#include <map>
#include <optional>
#include <variant>

namespace intervisie::core {

// One bit per kind of command, by its index in CommandBody.
using CommandKinds = std::bitset<std::variant_size_v<CommandBody>>;

struct Permissions {
  CommandKinds own;                                // on one's own account
  std::map<ParticipantId, CommandKinds> on_behalf; // recording for someone else (`on_behalf_of`)
};

// A kind counts as allowed when some command of that kind, with a sensible target and a
// non-empty text where one is needed, would be accepted now. `next_step` counts when it would
// pass with `confirm`. Joining is never a participant's command.
// `away`: who has no live connection now (the facilitator may act for them), as decide() takes it.
Permissions permissions(const SessionState& state, ParticipantId viewer, Instant now,
                        const Away& away = {});

// Whether the facilitator can move on now; if not, the refusal that holds, and whether a
// confirmed next_step would pass (a soft rule) or not (a hard rule).
struct StepReadiness {
  bool ready = false;
  std::optional<RefusalCode> missing;
  bool confirmable = false;
  bool operator==(const StepReadiness&) const = default;
};
StepReadiness step_readiness(const SessionState& state, ParticipantId facilitator, Instant now,
                             const Away& away = {});

} // namespace intervisie::core
