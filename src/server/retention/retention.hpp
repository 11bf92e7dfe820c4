// SPDX-License-Identifier: EUPL-1.2
// How long the content of a finished session is kept: the group's choice when the session is a
// group's case and the group chose, else the server's (30 days unless --retention-days).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace intervisie::server {

inline constexpr int default_retention_days = 30;

class Retention {
public:
  // The days a group chose for a session that is one of its cases, if it chose; thread-safe.
  using GroupDays = std::function<std::optional<int>(const std::string& session_id)>;

  explicit Retention(int server_days = default_retention_days) : server_days_{server_days} {}

  void set_group_days(GroupDays group_days) { group_days_ = std::move(group_days); }

  int server_days() const { return server_days_; }
  int days_for(const std::string& session_id) const;
  // The moment from which the content of a session that finished at `finished_at_ms` is erased.
  std::int64_t kept_until_ms(const std::string& session_id, std::int64_t finished_at_ms) const;

private:
  int server_days_;
  GroupDays group_days_;
};

} // namespace intervisie::server
