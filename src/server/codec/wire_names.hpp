// SPDX-License-Identifier: EUPL-1.2
// The names the protocol gives to the engine's enums that have no name in core.
// One table per enum, used both to write and to read, so the two cannot drift apart.
#pragma once

#include "core/session/command.hpp"
#include "core/session/event.hpp"
#include "core/session/floor.hpp"
#include "core/session/session_state.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace intervisie::server {

template <class Enum> using NameTable = std::span<const std::pair<Enum, std::string_view>>;

inline constexpr std::array rating_names{
    std::pair{core::Rating::warm, std::string_view{"warm"}},
    std::pair{core::Rating::lukewarm, std::string_view{"lukewarm"}},
    std::pair{core::Rating::cold, std::string_view{"cold"}},
};

inline constexpr std::array rounds_closed_reason_names{
    std::pair{core::RoundsClosedReason::everyone_passed, std::string_view{"everyone_passed"}},
    std::pair{core::RoundsClosedReason::facilitator, std::string_view{"facilitator"}},
};

inline constexpr std::array phase_names{
    std::pair{core::Phase::lobby, std::string_view{"lobby"}},
    std::pair{core::Phase::running, std::string_view{"running"}},
    std::pair{core::Phase::finished, std::string_view{"finished"}},
};

inline constexpr std::array role_names{
    std::pair{core::Role::facilitator, std::string_view{"facilitator"}},
    std::pair{core::Role::presenter, std::string_view{"presenter"}},
    std::pair{core::Role::adviser, std::string_view{"adviser"}},
    std::pair{core::Role::scribe, std::string_view{"scribe"}},
};

inline constexpr std::array question_outcome_names{
    std::pair{core::QuestionOutcome::pending, std::string_view{"pending"}},
    std::pair{core::QuestionOutcome::answered, std::string_view{"answered"}},
    std::pair{core::QuestionOutcome::declined, std::string_view{"declined"}},
    std::pair{core::QuestionOutcome::rated, std::string_view{"rated"}},
};

inline constexpr std::array reframe_choice_names{
    std::pair{core::ReframeChoice::undecided, std::string_view{"undecided"}},
    std::pair{core::ReframeChoice::reframed, std::string_view{"reframed"}},
    std::pair{core::ReframeChoice::kept, std::string_view{"kept"}},
};

inline constexpr std::array floor_holder_names{
    std::pair{core::FloorHolder::presenter, std::string_view{"presenter"}},
    std::pair{core::FloorHolder::advisers, std::string_view{"advisers"}},
    std::pair{core::FloorHolder::everyone, std::string_view{"everyone"}},
    std::pair{core::FloorHolder::participant, std::string_view{"participant"}},
    std::pair{core::FloorHolder::nobody, std::string_view{"nobody"}},
};

inline constexpr std::array activity_names{
    std::pair{core::Activity::gathering, std::string_view{"gathering"}},
    std::pair{core::Activity::collecting, std::string_view{"collecting"}},
    std::pair{core::Activity::naming, std::string_view{"naming"}},
    std::pair{core::Activity::preparing, std::string_view{"preparing"}},
    std::pair{core::Activity::asking, std::string_view{"asking"}},
    std::pair{core::Activity::answering, std::string_view{"answering"}},
    std::pair{core::Activity::rating, std::string_view{"rating"}},
    std::pair{core::Activity::discussing, std::string_view{"discussing"}},
    std::pair{core::Activity::reflecting, std::string_view{"reflecting"}},
    std::pair{core::Activity::advising, std::string_view{"advising"}},
    std::pair{core::Activity::sharing, std::string_view{"sharing"}},
    std::pair{core::Activity::writing, std::string_view{"writing"}},
    std::pair{core::Activity::reacting, std::string_view{"reacting"}},
    std::pair{core::Activity::closing, std::string_view{"closing"}},
    std::pair{core::Activity::paused, std::string_view{"paused"}},
    std::pair{core::Activity::disturbance, std::string_view{"disturbance"}},
    std::pair{core::Activity::done, std::string_view{"done"}},
    std::pair{core::Activity::finished, std::string_view{"finished"}},
};

template <class Enum> std::string_view wire_name(NameTable<Enum> table, Enum value) {
  const auto found = std::ranges::find(table, value, &std::pair<Enum, std::string_view>::first);
  return found == table.end() ? std::string_view{"unknown"} : found->second;
}

template <class Enum>
std::optional<Enum> from_wire_name(NameTable<Enum> table, std::string_view name) {
  const auto found = std::ranges::find(table, name, &std::pair<Enum, std::string_view>::second);
  if (found == table.end())
    return std::nullopt;
  return found->first;
}

inline std::string_view wire_name(core::Rating value) {
  return wire_name<core::Rating>(rating_names, value);
}
inline std::string_view wire_name(core::RoundsClosedReason value) {
  return wire_name<core::RoundsClosedReason>(rounds_closed_reason_names, value);
}
inline std::string_view wire_name(core::Phase value) {
  return wire_name<core::Phase>(phase_names, value);
}
inline std::string_view wire_name(core::Role value) {
  return wire_name<core::Role>(role_names, value);
}
inline std::string_view wire_name(core::QuestionOutcome value) {
  return wire_name<core::QuestionOutcome>(question_outcome_names, value);
}
inline std::string_view wire_name(core::ReframeChoice value) {
  return wire_name<core::ReframeChoice>(reframe_choice_names, value);
}
inline std::string_view wire_name(core::FloorHolder value) {
  return wire_name<core::FloorHolder>(floor_holder_names, value);
}
inline std::string_view wire_name(core::Activity value) {
  return wire_name<core::Activity>(activity_names, value);
}

} // namespace intervisie::server
