// SPDX-License-Identifier: EUPL-1.2
// CaseMembers over the group registry (who is a member) and the session seats (which place an
// account sat in).
#pragma once

#include "server/groups/group_registry.hpp"
#include "server/groups/session_seats.hpp"
#include "server/http/case_members.hpp"

namespace intervisie::server {

class GroupCaseMembers final : public CaseMembers {
public:
  GroupCaseMembers(const GroupRegistry& groups, const SessionSeats& seats)
      : groups_{groups}, seats_{seats} {}

  bool is_members_name(const std::string& session_id, std::string_view name) const override;
  bool is_members_place(const std::string& session_id, std::uint32_t participant) const override;

private:
  const GroupRegistry& groups_;
  const SessionSeats& seats_;
};

} // namespace intervisie::server
