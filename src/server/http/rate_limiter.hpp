// SPDX-License-Identifier: EUPL-1.2
// At most N actions per key (an IP address) per minute: creating sessions is cheap for a
// client and costs the store a commit, so it is rationed.
#pragma once

#include "core/session/ids.hpp"

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace intervisie::server {

class RateLimiter {
public:
  explicit RateLimiter(std::size_t per_minute) : per_minute_(per_minute) {}

  // Counts the action and says whether it is within the limit. Thread-safe.
  bool allow(const std::string& key, core::Instant now);
  // For limits on failures only: whether another try is within the limit (not counting it), and
  // counting one that failed.
  bool within(const std::string& key, core::Instant now);
  void count(const std::string& key, core::Instant now);

private:
  struct Window {
    core::Instant started;
    std::size_t count = 0;
  };
  Window& window_of(const std::string& key, core::Instant now); // with the mutex held
  std::size_t per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, Window> windows_;
};

} // namespace intervisie::server
