// SPDX-License-Identifier: EUPL-1.2
// The gates every group command passes before its own rule judges it: a group that exists (or
// not yet, to be created), and an actor who is a member (or is joining).
#include "core/group/decision.hpp"

#include <type_traits>

namespace intervisie::core::group {

using rules::refuse;

std::expected<GroupEvents, GroupRefusal>
decide(const GroupState& state, const GroupCommand& command, const AccountId& actor, Instant now) {
  if (const auto* create = std::get_if<cmd::CreateGroup>(&command)) {
    if (state.created)
      return refuse(GroupRefusalCode::group_exists);
    return rules::decide_create(state, *create, actor, now);
  }
  if (!state.created)
    return refuse(GroupRefusalCode::no_group);
  if (const auto* accept = std::get_if<cmd::AcceptInvitation>(&command))
    return rules::decide_accept(state, *accept, actor, now);
  if (!state.is_member(actor))
    return refuse(GroupRefusalCode::not_member);

  const rules::Context context{state, actor, now};
  return std::visit(
      [&](const auto& body) -> std::expected<GroupEvents, GroupRefusal> {
        using Body = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<Body, cmd::CreateGroup> ||
                      std::is_same_v<Body, cmd::AcceptInvitation>)
          return refuse(GroupRefusalCode::no_group); // handled above
        else
          return rules::decide(context, body);
      },
      command);
}

} // namespace intervisie::core::group
