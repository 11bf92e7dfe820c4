// SPDX-License-Identifier: EUPL-1.2
// The secret part of an account's calendar feed link: a keyed BLAKE2b of the account's id and
// feed generation, so that a new generation ends every older link at once. The server's key is
// read from the account store on first use (and made there, once). Thread-safe.
#pragma once

#include "store/account_store.hpp"

#include <mutex>
#include <string>

namespace intervisie::server {

class FeedKeys {
public:
  explicit FeedKeys(store::AccountStore& accounts) : accounts_{accounts} {}

  // 32 hex digits; empty when the server's key cannot be read (then no link is valid).
  std::string key_of(const store::Account& account);

private:
  store::AccountStore& accounts_;
  std::mutex mutex_;
  std::string secret_; // loaded on first use, then never changed
};

} // namespace intervisie::server
