#include "server/http/rate_limiter.hpp"

namespace intervisie::server {

bool RateLimiter::allow(const std::string& key, core::Instant now) {
  const std::scoped_lock lock(mutex_);
  // Forget finished windows now and then, so the map does not grow with every address ever seen.
  if (windows_.size() > 10'000)
    std::erase_if(windows_, [&](const auto& entry) {
      return now - entry.second.started >= std::chrono::minutes{1};
    });
  Window& window = windows_[key];
  if (window.count == 0 || now - window.started >= std::chrono::minutes{1})
    window = Window{now, 0};
  return ++window.count <= per_minute_;
}

} // namespace intervisie::server
