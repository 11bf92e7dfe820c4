// SPDX-License-Identifier: EUPL-1.2
#include "core/group/group_state.hpp"

#include <algorithm>

namespace intervisie::core::group {
namespace {

template <class T, class Key, class Projection>
const T* find_in(const std::vector<T>& items, const Key& key, Projection projection) {
  const auto found = std::ranges::find(items, key, projection);
  return found == items.end() ? nullptr : &*found;
}

} // namespace

InvitationStatus Invitation::status(Instant now) const {
  if (used_by)
    return InvitationStatus::used;
  if (revoked)
    return InvitationStatus::revoked;
  if (now >= expires_at)
    return InvitationStatus::expired;
  return InvitationStatus::open;
}

bool Meeting::is_signed_up(const AccountId& member) const {
  return std::ranges::find(signed_up, member) != signed_up.end();
}

bool Meeting::has_cancelled(const AccountId& member) const {
  return std::ranges::find(cancellations, member, &Cancellation::member) != cancellations.end();
}

bool Meeting::may_call_off(const AccountId& member) const {
  return member == scheduled_by || facilitator == member;
}

bool Meeting::to_come(Instant now) const {
  switch (status) {
  case MeetingStatus::needs_new_date:
    return true;
  case MeetingStatus::scheduled:
    return starts_at > now;
  case MeetingStatus::called_off:
    break;
  }
  return false;
}

bool Meeting::held(Instant now) const {
  return status == MeetingStatus::scheduled && starts_at <= now;
}

const Member* GroupState::find_member(const AccountId& account) const {
  return find_in(members, account, &Member::account);
}

const FormerMember* GroupState::find_former_member(const AccountId& account) const {
  return find_in(former_members, account, &FormerMember::account);
}

std::optional<std::string> GroupState::display_name(const AccountId& account) const {
  if (const Member* member = find_member(account))
    return member->display_name;
  if (const FormerMember* former = find_former_member(account))
    return former->display_name;
  return std::nullopt;
}

const Invitation* GroupState::find_invitation(const InvitationId& id) const {
  return find_in(invitations, id, &Invitation::id);
}

const Meeting* GroupState::find_meeting(const MeetingId& id) const {
  return find_in(meetings, id, &Meeting::id);
}

const Case* GroupState::find_case(const SessionId& id) const {
  return find_in(cases, id, &Case::session);
}

std::vector<const Case*> GroupState::cases_of(const MeetingId& meeting) const {
  std::vector<const Case*> result;
  for (const Case& treated : cases)
    if (treated.meeting == meeting)
      result.push_back(&treated);
  return result;
}

} // namespace intervisie::core::group
