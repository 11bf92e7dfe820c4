// SPDX-License-Identifier: EUPL-1.2
// Who belongs to the group: creating it, inviting, joining, leaving.
#include "core/group/decision.hpp"

#include "core/text/person_name.hpp"
#include "core/text/typed_text.hpp"

#include <algorithm>

namespace intervisie::core::group::rules {
namespace {

std::expected<std::string, GroupRefusal> display_name(std::string_view raw) {
  auto name = required_text(raw, max_display_name_chars, "display_name");
  if (name && has_format_character(*name))
    return refuse(Code::bad_text, "display_name"); // an invisible character makes a look-alike
  return name;
}

// Members tell each other apart by name, so no two may look alike.
bool name_in_use(const GroupState& state, std::string_view name) {
  const std::string key = name_key(name);
  return std::ranges::any_of(
      state.members, [&](const Member& member) { return name_key(member.display_name) == key; });
}

// Why an invitation can no longer be used, if it cannot.
std::optional<Code> unusable(const Invitation& invitation, Instant now) {
  switch (invitation.status(now)) {
  case InvitationStatus::open:
    return std::nullopt;
  case InvitationStatus::used:
    return Code::invitation_used;
  case InvitationStatus::revoked:
    return Code::invitation_revoked;
  case InvitationStatus::expired:
    return Code::invitation_expired;
  }
  return Code::invitation_unknown;
}

} // namespace

Decision decide_create(const GroupState&, const cmd::CreateGroup& command, const AccountId& actor,
                       Instant now) {
  if (!usable_id(actor))
    return refuse(Code::bad_id, "actor");
  auto name = required_text(command.name, max_group_name_chars, "name");
  if (!name)
    return std::unexpected(name.error());
  if (command.own_rules.size() > max_own_rules)
    return refuse(Code::too_many_rules, "own_rules");
  std::vector<std::string> own_rules;
  for (const std::string& raw : command.own_rules) {
    auto rule = required_text(raw, max_rule_chars, "own_rules");
    if (!rule)
      return std::unexpected(rule.error());
    own_rules.push_back(std::move(*rule));
  }
  auto creator = display_name(command.display_name);
  if (!creator)
    return std::unexpected(creator.error());
  return GroupEvents{
      GroupEvent{now, actor, event::GroupCreated{std::move(*name), std::move(own_rules)}},
      GroupEvent{now, actor, event::MemberJoined{actor, std::move(*creator), std::nullopt, now}}};
}

Decision decide(const Context& context, const cmd::CreateInvitation& command) {
  const GroupState& state = context.state;
  if (!usable_id(command.invitation_id))
    return refuse(Code::bad_id, "invitation_id");
  if (state.find_invitation(command.invitation_id))
    return refuse(Code::duplicate_invitation);
  if (state.members.size() >= max_members)
    return refuse(Code::group_full);
  const Instant expires_at = command.expires_at.value_or(context.now + default_invitation_life);
  if (expires_at <= context.now || expires_at > context.now + max_invitation_life)
    return refuse(Code::bad_expiry, "expires_at");
  return GroupEvents{context.event(event::InvitationCreated{command.invitation_id, expires_at})};
}

Decision decide(const Context& context, const cmd::RevokeInvitation& command) {
  const Invitation* invitation = context.state.find_invitation(command.invitation_id);
  if (!invitation)
    return refuse(Code::invitation_unknown);
  if (const auto why = unusable(*invitation, context.now))
    return refuse(*why);
  return GroupEvents{context.event(event::InvitationRevoked{command.invitation_id})};
}

Decision decide_accept(const GroupState& state, const cmd::AcceptInvitation& command,
                       const AccountId& actor, Instant now) {
  if (!usable_id(actor))
    return refuse(Code::bad_id, "actor");
  const Invitation* invitation = state.find_invitation(command.invitation_id);
  if (!invitation)
    return refuse(Code::invitation_unknown);
  if (state.is_member(actor)) // said first: a member opening their old link needs nothing more
    return refuse(Code::already_member);
  if (const auto why = unusable(*invitation, now))
    return refuse(*why);
  if (state.members.size() >= max_members)
    return refuse(Code::group_full);
  if (!command.accept_ground_rules)
    return refuse(Code::ground_rules_not_accepted, "accept_ground_rules");
  auto name = display_name(command.display_name);
  if (!name)
    return std::unexpected(name.error());
  if (name_in_use(state, *name))
    return refuse(Code::name_taken, "display_name");
  return GroupEvents{
      GroupEvent{now, actor, event::MemberJoined{actor, std::move(*name), invitation->id, now}}};
}

Decision decide(const Context& context, const cmd::Leave&) {
  std::vector<MeetingId> meetings_left;
  GroupEvents consequences;
  for (const Meeting& meeting : context.state.meetings) {
    if (!meeting.to_come(context.now))
      continue;
    const bool answered = meeting.proposal && meeting.proposal->answers.contains(context.actor);
    const bool cancelled = meeting.has_cancelled(context.actor);
    if (!cancelled && !answered && !meeting.is_signed_up(context.actor) &&
        meeting.facilitator != context.actor)
      continue;
    meetings_left.push_back(meeting.id);
    if (cancelled)
      if (auto next = after_cancellation_removed(meeting, context.actor))
        consequences.push_back(context.event(std::move(*next)));
  }
  GroupEvents events{context.event(event::MemberLeft{context.actor, std::move(meetings_left)})};
  std::ranges::move(consequences, std::back_inserter(events));
  return events;
}

} // namespace intervisie::core::group::rules
