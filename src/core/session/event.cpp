// SPDX-License-Identifier: EUPL-1.2
#include "core/session/event.hpp"

#include <array>

namespace intervisie::core {
namespace {

// In the order of EventBody's alternatives.
constexpr std::array<std::string_view, std::variant_size_v<EventBody>> event_kind_names = {
    "session_created",
    "participant_joined",
    "presenter_assigned",
    "scribe_assigned",
    "facilitator_handed_over",
    "session_started",
    "step_started",
    "session_finished",
    "time_adjusted",
    "disturbance_raised",
    "disturbance_resolved",
    "paused",
    "resumed",
    "issue_proposed",
    "issue_withdrawn",
    "vote_cast",
    "issue_chosen",
    "statement_set",
    "preparation_started",
    "preparation_ended",
    "question_asked",
    "turn_passed",
    "question_answered",
    "question_declined",
    "question_rated",
    "rounds_closed",
    "observation_added",
    "gossip_closed",
    "reflection_given",
    "statement_reframed",
    "statement_kept",
    "advice_given",
    "draft_written",
    "advice_shared",
    "reaction_given",
    "closing_remark_made",
    "private_note_written",
    "coach_hints_set",
    "participant_added",
    "place_claimed",
    "note_added",
    "contributions_set",
    "key_point_noted",
    "return_requested",
    "return_admitted",
    "return_declined",
};

} // namespace

std::string_view kind_name(const EventBody& body) {
  return event_kind_names[body.index()];
}

} // namespace intervisie::core
