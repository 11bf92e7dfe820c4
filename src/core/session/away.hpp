// SPDX-License-Identifier: EUPL-1.2
// Who is away now: participants without an open live connection. Like the time, only the server
// knows it; the core is told, and never guesses.
#pragma once

#include "core/session/ids.hpp"

#include <cstdint>
#include <initializer_list>

namespace intervisie::core {

class Away {
public:
  Away() = default;
  Away(std::initializer_list<ParticipantId> people) {
    for (const ParticipantId person : people)
      add(person);
  }

  void add(ParticipantId person) {
    if (person.value < capacity)
      bits_ |= std::uint64_t{1} << person.value;
  }
  void remove(ParticipantId person) {
    if (person.value < capacity)
      bits_ &= ~(std::uint64_t{1} << person.value);
  }
  bool contains(ParticipantId person) const {
    return person.value < capacity && ((bits_ >> person.value) & 1U) != 0;
  }
  bool operator==(const Away&) const = default;

private:
  // One bit per id: a session has at most eight participants, numbered from 1.
  static constexpr std::uint32_t capacity = 64;
  std::uint64_t bits_ = 0;
};

} // namespace intervisie::core
