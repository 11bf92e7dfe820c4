// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_case_members.hpp"

#include "core/text/person_name.hpp"

#include <algorithm>

namespace intervisie::server {

bool GroupCaseMembers::is_members_name(const std::string& session_id, std::string_view name) const {
  const auto group = groups_.group_of_session(session_id);
  if (!group)
    return false;
  const auto state = groups_.state(*group);
  const std::string key = core::name_key(name);
  return state && std::ranges::any_of(state->members, [&](const core::group::Member& member) {
           return core::name_key(member.display_name) == key;
         });
}

bool GroupCaseMembers::is_members_place(const std::string& session_id,
                                        std::uint32_t participant) const {
  return seats_.account_at(session_id, participant).has_value();
}

} // namespace intervisie::server
