// SPDX-License-Identifier: EUPL-1.2
// Erasing a participant from a session they took part in, when they delete their account
// (AVG/GDPR): the session goes on, or stays as the presenter's record, without them.
#pragma once

#include "core/session/event.hpp"

#include <string_view>
#include <vector>

namespace intervisie::core {

// What the session calls someone who deleted their account (as a group does).
inline constexpr std::string_view erased_participant_name = "oud-lid";

// The same history with `participant`'s name replaced by erased_participant_name and every text
// they wrote emptied: issues they proposed, questions, observations, advice, drafts and shared
// advice, closing remarks, notes for the presenter, disturbances, and the key points of their
// own contributions or that they noted. Texts they typed for someone else (as the scribe, or
// for a person without a device) are that person's words and stay. The history still replays:
// the facts (who asked, passed, advised, in which turn) stay, nameless. Not for the presenter:
// a presenter's case is erased whole.
std::vector<Event> erase_participant(std::vector<Event> history, ParticipantId participant);

} // namespace intervisie::core
