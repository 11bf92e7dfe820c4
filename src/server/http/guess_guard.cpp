// SPDX-License-Identifier: EUPL-1.2
#include "server/http/guess_guard.hpp"

#include <chrono>

namespace intervisie::server {

namespace {

std::int64_t minute_of(core::Instant now) {
  constexpr std::int64_t minute_ms = 60'000;
  const std::int64_t ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  return ms - ms % minute_ms;
}

} // namespace

GuessGuard::GuessGuard(std::size_t tries_per_address, std::size_t failures_per_minute)
    : per_address_(tries_per_address), failures_(failures_per_minute),
      failures_per_minute_(failures_per_minute) {}

bool GuessGuard::allow(const std::string& address, core::Instant now) {
  const bool address_allowed = per_address_.allow(address, now);
  if (shared_)
    if (const auto failed = shared_(minute_of(now), 0))
      return address_allowed && *failed < static_cast<std::int64_t>(failures_per_minute_);
  return address_allowed && failures_.within({}, now);
}

void GuessGuard::failed(core::Instant now) {
  failures_.count({}, now); // also when shared: what decides should the store fail
  if (shared_)
    (void)shared_(minute_of(now), 1);
}

} // namespace intervisie::server
