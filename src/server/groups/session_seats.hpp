// SPDX-License-Identifier: EUPL-1.2
// Which member sits in which place of a group's live session: how the group learns who
// presented a case. Read from the group store each time: with many nodes, the seat may have been
// taken on another one. Thread-safe.
#pragma once

#include "store/group_store.hpp"

#include <expected>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace intervisie::server {

class SessionSeats {
public:
  explicit SessionSeats(store::GroupStore& store) : store_{store} {}

  std::expected<void, store::StoreError> record(const store::SessionSeat& seat);
  std::optional<std::string> account_at(const std::string& session_id,
                                        std::uint32_t participant) const;
  // The place an account already has in a session, if any.
  std::optional<std::uint32_t> place_of(const std::string& session_id,
                                        const std::string& account_id) const;
  // Every place an account sat in: (session id, participant).
  std::vector<std::pair<std::string, std::uint32_t>> places_of(const std::string& account_id) const;
  std::expected<void, store::StoreError> forget(const std::string& account_id);

private:
  store::GroupStore& store_;
};

} // namespace intervisie::server
