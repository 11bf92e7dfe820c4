// SPDX-License-Identifier: EUPL-1.2
// Why a group command was refused. Every refusal has its own code and leaves the group unchanged.
#pragma once

#include <string_view>

namespace intervisie::core::group {

enum class GroupRefusalCode {
  // the group and who acts
  no_group,
  group_exists,
  not_member,
  bad_id, // an id the adapter made is empty or too long
  // membership
  group_full,
  already_member,
  name_taken,
  ground_rules_not_accepted,
  too_many_rules,
  invitation_unknown,
  invitation_used,
  invitation_expired,
  invitation_revoked,
  bad_expiry,
  duplicate_invitation,
  // meetings
  meeting_unknown,
  duplicate_meeting,
  meeting_started,
  meeting_called_off,
  in_the_past,
  bad_length,
  no_place,
  bad_link,
  already_signed_up,
  already_cancelled,
  not_cancelled,
  not_scheduler_or_facilitator, // calling a meeting off is for who scheduled it or facilitates it
  // a new date
  not_needing_new_date,
  awaiting_new_date, // the meeting has no date to hold it on until a new one is chosen
  not_rescheduler,
  bad_dates,
  no_proposal,
  bad_answers,
  bad_choice,
  // facilitator and cases
  member_unknown,
  already_facilitator,
  not_facilitator,
  not_meeting_time,
  case_unknown,
  duplicate_case,
  presenter_already_recorded,
  follow_up_not_due,
  follow_up_already_recorded,
  // texts
  empty_text,
  text_too_long,
  bad_text, // not well-formed UTF-8, or control characters
  // settings
  bad_retention, // not 1-365 days (nor 0, the server's default)
};

struct GroupRefusal {
  GroupRefusalCode code{};
  std::string_view field{}; // the command's field concerned, e.g. "reason"; may be empty
  bool operator==(const GroupRefusal&) const = default;
};

// The wire name, e.g. "not_rescheduler".
std::string_view to_string(GroupRefusalCode code);

// One calm sentence for the person whose command was refused.
std::string_view message_nl(GroupRefusalCode code);
std::string_view message_en(GroupRefusalCode code);

} // namespace intervisie::core::group
