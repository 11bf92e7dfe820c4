// SPDX-License-Identifier: EUPL-1.2
// Who is asking: the account behind the login cookie. A request that changes something must
// also carry the login's CSRF token in `X-CSRF-Token` and come from an allowed page, so that no
// other site can act in a person's name.
#pragma once

#include "core/session/ids.hpp"
#include "server/http/responses.hpp"
#include "store/account_store.hpp"

#include <expected>
#include <functional>
#include <string>
#include <vector>

namespace intervisie::server {

struct Caller {
  store::Account account;
  store::Login login;
};

struct OriginPolicy {
  std::string public_url;
  std::vector<std::string> allowed_origins;
};

class Authenticator {
public:
  using Clock = std::function<core::Instant()>;

  Authenticator(store::AccountStore& accounts, Clock clock, const OriginPolicy& origins)
      : accounts_{accounts}, clock_{std::move(clock)}, origins_{origins} {}

  // Reads the store: call it off the network threads. 401 `not_logged_in` (also for an expired
  // login); for anything but GET/HEAD: 403 `bad_origin` or `csrf_failed`.
  std::expected<Caller, Response> caller(const Request& request) const;

  // For requests that change something before anyone is logged in (sign-up, login): the page
  // must be ours. 403 `bad_origin`.
  std::expected<void, Response> page_allowed(const Request& request) const;

private:
  store::AccountStore& accounts_;
  Clock clock_;
  const OriginPolicy& origins_;
};

} // namespace intervisie::server
