// SPDX-License-Identifier: EUPL-1.2
#include "server/http/rate_limiter.hpp"

namespace intervisie::server {

RateLimiter::Window& RateLimiter::window_of(const std::string& key, core::Instant now) {
  // Forget finished windows now and then, so the map does not grow with every address ever seen.
  if (windows_.size() > 10'000)
    std::erase_if(windows_, [&](const auto& entry) {
      return now - entry.second.started >= std::chrono::minutes{1};
    });
  Window& window = windows_[key];
  if (window.count == 0 || now - window.started >= std::chrono::minutes{1})
    window = Window{now, 0};
  return window;
}

bool RateLimiter::allow(const std::string& key, core::Instant now) {
  const std::scoped_lock lock(mutex_);
  return ++window_of(key, now).count <= per_minute_;
}

bool RateLimiter::within(const std::string& key, core::Instant now) {
  const std::scoped_lock lock(mutex_);
  return window_of(key, now).count < per_minute_;
}

void RateLimiter::count(const std::string& key, core::Instant now) {
  const std::scoped_lock lock(mutex_);
  ++window_of(key, now).count;
}

} // namespace intervisie::server
