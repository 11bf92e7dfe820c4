// SPDX-License-Identifier: EUPL-1.2
// Where accounts and their logins live. An interface (ports and adapters): the SQLite adapter is
// sqlite_group_store.hpp. Passwords and login tokens arrive already hashed: the store never
// sees a secret it could leak.
#pragma once

#include "store/event_store.hpp"

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::store {

struct Account {
  std::string id;
  std::string email; // normalized (core/account): trimmed, lower case; unique
  std::string display_name;
  std::string password_hash; // Argon2id, libsodium's string form
  std::int64_t created_at_ms = 0;
  // Bumped to revoke the calendar feed link: the link is derived from the id and this number.
  std::int64_t feed_generation = 0;

  bool operator==(const Account&) const = default;
};

// A logged-in browser: the cookie's token (as a hash) and the token that guards its changes.
struct Login {
  std::string token_hash;
  std::string account_id;
  std::string csrf_token;
  std::int64_t created_at_ms = 0;
  std::int64_t expires_at_ms = 0;

  bool operator==(const Login&) const = default;
};

// Thread-safe. Every write is durable when it returns success.
class AccountStore {
public:
  virtual ~AccountStore() = default;

  // `conflict` when the e-mail address or the id is taken.
  virtual std::expected<void, StoreError> create_account(const Account& account) = 0;
  virtual std::expected<std::optional<Account>, StoreError>
  account_by_email(std::string_view email) = 0;
  virtual std::expected<std::optional<Account>, StoreError> account(std::string_view id) = 0;
  // Replaces name, password hash and feed generation. `not_found` when there is no such account.
  virtual std::expected<void, StoreError> update_account(const Account& account) = 0;
  // Removes the account and all its logins. `not_found` when there is no such account.
  virtual std::expected<void, StoreError> delete_account(std::string_view id) = 0;

  virtual std::expected<void, StoreError> add_login(const Login& login) = 0;
  virtual std::expected<std::optional<Login>, StoreError> login(std::string_view token_hash) = 0;
  virtual std::expected<void, StoreError> remove_login(std::string_view token_hash) = 0;
  // Logout everywhere.
  virtual std::expected<void, StoreError> remove_logins(std::string_view account_id) = 0;

  // A secret of the server's own (the key of calendar feed links), kept with the accounts it
  // protects: `candidate` becomes it when there is none yet; the stored one is returned.
  virtual std::expected<std::string, StoreError> server_key(std::string_view name,
                                                            std::string_view candidate) = 0;

  // A count that every node sharing this store sees (the ceiling on failed join codes of a
  // whole cluster): adds `by` (0: only reads) to the count of `name` in the window that starts
  // at `window_start_ms`, and returns it. Earlier windows of the name are forgotten.
  virtual std::expected<std::int64_t, StoreError>
  count_in_window(std::string_view name, std::int64_t window_start_ms, std::int64_t by) = 0;
};

} // namespace intervisie::store
