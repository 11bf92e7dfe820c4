// SPDX-License-Identifier: EUPL-1.2
// What the group routes, and what the groups tell about an account, work with: the registries,
// the stores and the settings. Owned by the server and outliving every request, so a
// continuation may hold it by reference; `public_url` and `retention` are set before the first
// request and only read after.
#pragma once

#include "core/method/catalogue.hpp"
#include "server/accounts/authenticator.hpp"
#include "server/groups/feed_keys.hpp"
#include "server/groups/group_registry.hpp"
#include "server/groups/session_seats.hpp"
#include "server/live/session_registry.hpp"
#include "server/retention/retention.hpp"
#include "store/account_store.hpp"
#include "store/group_store.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <cstdint>
#include <string>

namespace intervisie::server {

struct GroupContext {
  const Authenticator& authenticator; // who is asking
  GroupRegistry& groups;
  SessionSeats& seats;
  store::GroupStore& store;      // invitation links
  store::AccountStore& accounts; // whose calendar feed a link is
  SessionRegistry& sessions;     // the live sessions of cases
  const core::Catalogue& catalogue;
  FeedKeys& feed_keys;
  GroupRegistry::Clock clock;
  // Where the routes' work runs: the group registry and the stores block.
  boost::asio::any_io_executor blocking;
  std::string public_url;
  const Retention* retention = nullptr;

  // `blocking`, for a continuation to come back to: the pool's join() waits for it, so a
  // request under way when the server stops still finishes its writes.
  boost::asio::any_io_executor back_to_blocking() const;
  std::int64_t now_ms() const;
};

} // namespace intervisie::server
