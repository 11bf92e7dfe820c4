#include "server/http/guess_guard.hpp"

namespace intervisie::server {

GuessGuard::GuessGuard(std::size_t tries_per_address, std::size_t failures_per_minute)
    : per_address_(tries_per_address), failures_per_minute_(failures_per_minute) {}

bool GuessGuard::allow(const std::string& address, core::Instant now) {
  const bool address_allowed = per_address_.allow(address, now);
  const std::scoped_lock lock(mutex_);
  if (failures_ > 0 && now - window_started_ >= std::chrono::minutes{1})
    failures_ = 0;
  return address_allowed && failures_ < failures_per_minute_;
}

void GuessGuard::failed(core::Instant now) {
  const std::scoped_lock lock(mutex_);
  if (failures_ == 0 || now - window_started_ >= std::chrono::minutes{1}) {
    window_started_ = now;
    failures_ = 0;
  }
  ++failures_;
}

} // namespace intervisie::server
