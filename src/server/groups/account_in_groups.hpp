// SPDX-License-Identifier: EUPL-1.2
// AccountGroups over the group registry: the groups of an account for "me" and the data
// export, its calendar feed link, and erasing it from every group and case before the account
// goes.
#pragma once

#include "server/accounts/account_groups.hpp"
#include "server/groups/group_context.hpp"

namespace intervisie::server {

class AccountInGroups final : public AccountGroups {
public:
  // `context` must outlive this, and every erasure under way.
  explicit AccountInGroups(GroupContext& context) : context_{context} {}

  boost::json::object about(const store::Account& account) override;
  std::string calendar_feed_url(const store::Account& account) override;
  boost::json::object exported(const store::Account& account) override;
  void erase(const store::Account& account, Erased done) override;

private:
  GroupContext& context_;
};

} // namespace intervisie::server
