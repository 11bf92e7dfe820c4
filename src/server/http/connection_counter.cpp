// SPDX-License-Identifier: EUPL-1.2
#include "server/http/connection_counter.hpp"

namespace intervisie::server {

std::shared_ptr<const void> ConnectionCounter::admit(const std::string& address) {
  {
    const std::scoped_lock lock(mutex_);
    std::size_t& open = open_[address];
    if (per_address_ != 0 && open >= per_address_)
      return nullptr;
    ++open;
  }
  // The hold keeps the counter alive: a connection may outlive the listener that counted it.
  return std::shared_ptr<const void>(
      this, [self = shared_from_this(), address](const void*) { self->release(address); });
}

void ConnectionCounter::release(const std::string& address) {
  const std::scoped_lock lock(mutex_);
  if (const auto found = open_.find(address); found != open_.end() && --found->second == 0)
    open_.erase(found);
}

} // namespace intervisie::server
