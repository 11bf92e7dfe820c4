// SPDX-License-Identifier: EUPL-1.2
// Passwords are kept only as Argon2id hashes (libsodium's string form, which carries its own
// salt and cost), so a stolen store does not give away anybody's password.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace intervisie::server {

enum class PasswordCost {
  // libsodium's "interactive" limits: 64 MiB and about a tenth of a second per hash.
  interactive,
  // The least libsodium allows: for tests only, where hundreds of accounts are made.
  minimal,
};

// Nullopt only when the machine runs out of memory for the hash.
std::optional<std::string> hash_password(std::string_view password, PasswordCost cost);
bool password_matches(std::string_view hash, std::string_view password);

} // namespace intervisie::server
