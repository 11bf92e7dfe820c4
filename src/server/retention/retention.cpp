// SPDX-License-Identifier: EUPL-1.2
#include "server/retention/retention.hpp"

namespace intervisie::server {

int Retention::days_for(const std::string& session_id) const {
  if (group_days_)
    if (const auto days = group_days_(session_id))
      return *days;
  return server_days_;
}

std::int64_t Retention::kept_until_ms(const std::string& session_id,
                                      std::int64_t finished_at_ms) const {
  constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;
  return finished_at_ms + days_for(session_id) * day_ms;
}

} // namespace intervisie::server
