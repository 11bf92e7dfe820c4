// SPDX-License-Identifier: EUPL-1.2
// Shared vocabulary of the group's rule files: the context a command is judged in, and how to
// say no. Internal to the engine; the outside world sees engine.hpp.
#pragma once

#include "core/group/engine.hpp"
#include "core/group/limits.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::core::group::rules {

using Decision = std::expected<GroupEvents, GroupRefusal>;
using Code = GroupRefusalCode;

struct Context {
  const GroupState& state;
  const AccountId& actor;
  Instant now;

  GroupEvent event(GroupEventBody body) const { return GroupEvent{now, actor, std::move(body)}; }
};

inline std::unexpected<GroupRefusal> refuse(GroupRefusalCode code, std::string_view field = {}) {
  return std::unexpected(GroupRefusal{code, field});
}

// Texts people type: valid UTF-8, trimmed, within limits; `field` names it in a refusal.
std::expected<std::string, GroupRefusal> optional_text(std::string_view raw, std::size_t max_chars,
                                                       std::string_view field);
std::expected<std::string, GroupRefusal> required_text(std::string_view raw, std::size_t max_chars,
                                                       std::string_view field);
// An id the adapter made: not empty, not absurdly long.
bool usable_id(std::string_view id);

// The meeting a command is about, while it can still change: known and not called off.
std::expected<const Meeting*, GroupRefusal> open_meeting(const GroupState& state,
                                                         const MeetingId& id);

// Once `member`'s cancellation is gone (withdrawn, or they left): the meeting needs no new date
// when fewer than two cancellations remain; if `member` was the rescheduler, the earliest
// remaining canceller after the first one takes over. Nothing when nothing changes.
std::optional<GroupEventBody> after_cancellation_removed(const Meeting& meeting,
                                                         const AccountId& member);

// One function per command, grouped by what they are about.
Decision decide_create(const GroupState& state, const cmd::CreateGroup& command,
                       const AccountId& actor, Instant now);
Decision decide(const Context& context, const cmd::CreateInvitation& command);
Decision decide(const Context& context, const cmd::RevokeInvitation& command);
Decision decide_accept(const GroupState& state, const cmd::AcceptInvitation& command,
                       const AccountId& actor, Instant now);
Decision decide(const Context& context, const cmd::Leave& command);

Decision decide(const Context& context, const cmd::ScheduleMeeting& command);
Decision decide(const Context& context, const cmd::CallOff& command);
Decision decide(const Context& context, const cmd::SignUp& command);
Decision decide(const Context& context, const cmd::Cancel& command);
Decision decide(const Context& context, const cmd::WithdrawCancellation& command);

Decision decide(const Context& context, const cmd::ProposeDates& command);
Decision decide(const Context& context, const cmd::AnswerDates& command);
Decision decide(const Context& context, const cmd::ChooseDate& command);

Decision decide(const Context& context, const cmd::SetFacilitator& command);
Decision decide(const Context& context, const cmd::StartCase& command);
Decision decide(const Context& context, const cmd::RecordPresenter& command);
Decision decide(const Context& context, const cmd::RecordFollowUp& command);
Decision decide(const Context& context, const cmd::SetRetention& command);

} // namespace intervisie::core::group::rules
