// SPDX-License-Identifier: EUPL-1.2
// A group's case is held in a live session that anyone with its join link can open. The places
// of the group's members are theirs: reached by logging in, never by typing a member's name.
// The HTTP routes ask this; the groups side answers it (server/groups/group_case_members.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace intervisie::server {

class CaseMembers {
public:
  virtual ~CaseMembers() = default;
  // The session is a group's case and `name` reads as one of that group's members' names.
  virtual bool is_members_name(const std::string& session_id, std::string_view name) const = 0;
  // The place is a member's: their account sat in it.
  virtual bool is_members_place(const std::string& session_id, std::uint32_t participant) const = 0;
};

} // namespace intervisie::server
