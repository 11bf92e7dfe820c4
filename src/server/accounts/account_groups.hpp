// SPDX-License-Identifier: EUPL-1.2
// What the groups know about an account, as the account routes need it: for "me", for the
// data export, and to erase the person from every group before the account goes.
#pragma once

#include "store/account_store.hpp"

#include <boost/json/object.hpp>

#include <expected>
#include <functional>
#include <string>

namespace intervisie::server {

class AccountGroups {
public:
  virtual ~AccountGroups() = default;

  // Fields added to GET /api/me (their groups, their calendar feed link).
  virtual boost::json::object about(const store::Account& account) = 0;
  // Their calendar feed link, with the key of the account's current feed generation.
  virtual std::string calendar_feed_url(const store::Account& account) = 0;
  // Everything the groups hold about them, for the data export.
  virtual boost::json::object exported(const store::Account& account) = 0;
  // Leaves every group and erases them from its history and its cases; `done` gets an error
  // message if that failed. It runs later, on the blocking executor: the cases' live sessions
  // are asked on their own strands, never waited for.
  using Erased = std::function<void(std::expected<void, std::string>)>;
  virtual void erase(const store::Account& account, Erased done) = 0;
};

} // namespace intervisie::server
