// SPDX-License-Identifier: EUPL-1.2
// The identities a group speaks of. The adapter makes them (random strings, tokens, database
// keys); the core only compares them. Time is a value passed in, as in a session.
#pragma once

#include "core/session/ids.hpp" // Instant, Duration

#include <string>

namespace intervisie::core::group {

using AccountId = std::string;
using MeetingId = std::string;
using InvitationId = std::string;
using SessionId = std::string; // the live session in which a case was treated
using MethodId = std::string;  // as in the catalogue, e.g. "incident"

} // namespace intervisie::core::group
