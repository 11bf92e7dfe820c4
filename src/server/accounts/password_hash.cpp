// SPDX-License-Identifier: EUPL-1.2
#include "server/accounts/password_hash.hpp"

#include <sodium.h>

namespace intervisie::server {

std::optional<std::string> hash_password(std::string_view password, PasswordCost cost) {
  const bool interactive = cost == PasswordCost::interactive;
  std::string hash(crypto_pwhash_STRBYTES, '\0');
  if (crypto_pwhash_str(
          hash.data(), password.data(), password.size(),
          interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN,
          interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN) != 0)
    return std::nullopt;
  hash.resize(hash.find('\0'));
  return hash;
}

bool password_matches(std::string_view hash, std::string_view password) {
  // libsodium wants a NUL-terminated hash of bounded length.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES)
    return false;
  const std::string terminated{hash};
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

} // namespace intervisie::server
