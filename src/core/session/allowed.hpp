// SPDX-License-Identifier: EUPL-1.2
// What a participant may do now, asked of decide() itself so that it can never disagree with
// the rules: every kind is probed with a sensible target (the pending question, an open
// candidate, a waiting request, …) and a non-empty text. The server sends it with each
// participant's snapshot, so no client re-implements who may do what.
#pragma once

#include "core/session/engine.hpp"

#include <bitset>
#include <cstddef>
#include <type_traits>
#include <variant>

namespace intervisie::core {

// A set of command kinds, by their index in CommandBody.
using CommandKinds = std::bitset<std::variant_size_v<CommandBody>>;

template <class Kind, class Variant> struct KindIndex;
template <class Kind, class... Kinds> struct KindIndex<Kind, std::variant<Kinds...>> {
  static constexpr std::size_t value = [] {
    constexpr bool same[] = {std::is_same_v<Kind, Kinds>...};
    for (std::size_t i = 0; i < sizeof...(Kinds); ++i)
      if (same[i])
        return i;
    return sizeof...(Kinds);
  }();
};
// The index of a command kind in CommandBody, e.g. kind_index<command::Pass>.
template <class Kind> inline constexpr std::size_t kind_index = KindIndex<Kind, CommandBody>::value;

// Whether decide()'s answer means the command may be sent: accepted, or refused only for its
// text (empty, too long, unreadable, a name in use, a question declined before).
bool accepts(const std::expected<Events, Refusal>& decision);

// The kinds `viewer` may send now on their own account. Never join or request_return: those
// come over HTTP, from a device that has no place yet.
CommandKinds allowed(const SessionState& state, ParticipantId viewer, Instant now, Away away = {});

// The kinds `viewer` may send now on behalf of `someone`: the commands with `on_behalf_of`
// (recording for someone without a device, or away from it).
CommandKinds allowed_for(const SessionState& state, ParticipantId viewer, ParticipantId someone,
                         Instant now, Away away = {});

// The kinds that take `on_behalf_of`.
CommandKinds recorded_kinds();

} // namespace intervisie::core
