#include "server/http/guess_guard.hpp"

namespace intervisie::server {

GuessGuard::GuessGuard(std::size_t tries_per_address, std::size_t failures_per_minute)
    : per_address_(tries_per_address), failures_(failures_per_minute) {}

bool GuessGuard::allow(const std::string& address, core::Instant now) {
  const bool address_allowed = per_address_.allow(address, now);
  return address_allowed && failures_.within({}, now);
}

void GuessGuard::failed(core::Instant now) {
  failures_.count({}, now);
}

} // namespace intervisie::server
