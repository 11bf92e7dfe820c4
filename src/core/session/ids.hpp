// SPDX-License-Identifier: EUPL-1.2
// Small value types shared by the session engine: identities and time.
// Time is always a value passed in; the core never reads a clock.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>

namespace intervisie::core {

// A typed integer id; the tag keeps a QuestionId from being passed as a ParticipantId.
template <class Tag> struct Id {
  std::uint32_t value = 0;
  auto operator<=>(const Id&) const = default;
};

using ParticipantId = Id<struct ParticipantTag>;
using CandidateId = Id<struct CandidateTag>; // a candidate issue on the inventory flip chart
using QuestionId = Id<struct QuestionTag>;
using AdviceId = Id<struct AdviceTag>; // numbered per session from 1, in the order given
using ReturnId = Id<struct ReturnTag>; // a request to come back on another device, from 1

using Duration = std::chrono::milliseconds;
using Instant = std::chrono::sys_time<Duration>;

} // namespace intervisie::core
