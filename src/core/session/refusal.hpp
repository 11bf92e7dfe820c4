// SPDX-License-Identifier: EUPL-1.2
// Why a command was refused. Every refusal has its own code and leaves the session unchanged.
#pragma once

#include <string>
#include <string_view>

namespace intervisie::core {

enum class RefusalCode {
  // who may act
  unknown_participant,
  not_allowed_for_role,
  not_your_turn,
  not_their_turn, // recording for someone who does not hold the turn
  presenter_listens,
  // the session's phase and step
  not_started,
  already_started,
  session_finished,
  wrong_step,
  step_not_complete, // a hard rule of the step: cannot move on at all
  step_rule_not_met, // a soft rule: the facilitator may confirm and move on
  disturbance_open,
  no_disturbance,
  session_paused,
  already_paused,
  not_paused,
  // people and roles
  group_full,
  name_taken,
  name_too_long,
  too_few_participants,
  no_advisers,
  presenter_required,
  scribe_required,
  no_scribe_in_method,
  facilitator_cannot_present,
  scribe_cannot_present,
  already_facilitator,
  presenter_already_chosen,
  // texts
  text_empty,
  text_too_long,
  invalid_text,
  title_required,
  title_too_long,
  // inventory
  unknown_candidate,
  issue_withdrawn,
  issue_already_chosen,
  no_votes,
  vote_tied,
  // statement and questions
  statement_required,
  answer_pending,
  no_question_pending,
  unknown_question,
  question_declined_before,
  question_declined,
  rounds_closed,
  rounds_in_progress,
  preparation_running,
  not_preparing,
  // gossip, advice, reaction
  gossip_still_open,
  gossip_closed,
  already_shared,
  nothing_to_share,
  // time
  time_out_of_range,
  // settings
  setting_unchanged,
  // people without a device, and recording for them
  not_allowed_to_record,
  has_own_device,
  no_place_to_claim,
  place_without_device, // joining under the name of someone added without a device: claim it?
  // key points
  wrong_target, // a key point for a question or an advice: exactly one of the two
  unknown_advice,
  already_written,
  key_point_too_long,
  // coming back on another device
  unknown_request,
  // what a step still lacks before moving on (the facilitator's next_step readiness)
  issue_not_chosen,
  reframe_undecided,
  rounds_still_open,
  reflection_missing,
  turns_remaining,
  drafts_missing,
  reaction_missing,
  closing_remarks_missing,
};

struct Refusal {
  RefusalCode code{};
  bool operator==(const Refusal&) const = default;
};

// The wire name, e.g. "not_your_turn".
std::string_view to_string(RefusalCode code);

// One calm sentence for the person whose command was refused.
std::string_view message_nl(RefusalCode code);
std::string_view message_en(RefusalCode code);

} // namespace intervisie::core
