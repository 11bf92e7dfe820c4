// SPDX-License-Identifier: EUPL-1.2
#include "server/live/join_codes.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstdio>

namespace intervisie::server {

std::string JoinCodes::issue(const std::string& session_id) {
  const std::scoped_lock lock(mutex_);
  while (true) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06u", randombytes_uniform(1'000'000));
    if (sessions_.try_emplace(digits, session_id).second)
      return digits;
  }
}

bool JoinCodes::hold(const std::string& code, const std::string& session_id) {
  const std::scoped_lock lock(mutex_);
  const auto [held, fresh] = sessions_.try_emplace(code, session_id);
  return fresh || held->second == session_id;
}

void JoinCodes::release(const std::string& code, const std::string& session_id) {
  const std::scoped_lock lock(mutex_);
  if (const auto held = sessions_.find(code); held != sessions_.end() && held->second == session_id)
    sessions_.erase(held);
}

std::optional<std::string> JoinCodes::session_of(const std::string& code) const {
  const std::scoped_lock lock(mutex_);
  const auto held = sessions_.find(code);
  if (held == sessions_.end())
    return std::nullopt;
  return held->second;
}

bool JoinCodes::well_formed(std::string_view text) {
  return text.size() == 6 && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace intervisie::server
