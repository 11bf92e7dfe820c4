// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/feed_keys.hpp"

#include "server/auth/token.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace intervisie::server {

std::string FeedKeys::key_of(const store::Account& account) {
  {
    std::lock_guard lock{mutex_};
    if (secret_.empty()) {
      auto secret = accounts_.server_key("calendar_feed", new_token());
      if (!secret)
        return {};
      secret_ = std::move(*secret);
    }
  }
  const std::string message = account.id + ":" + std::to_string(account.feed_generation);
  std::array<unsigned char, 16> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), reinterpret_cast<const unsigned char*>(secret_.data()),
                     std::min<std::size_t>(secret_.size(), crypto_generichash_KEYBYTES_MAX));
  std::string hex(mac.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  hex.pop_back();
  return hex;
}

} // namespace intervisie::server
