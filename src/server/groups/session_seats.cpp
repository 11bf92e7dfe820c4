#include "server/groups/session_seats.hpp"

namespace intervisie::server {

std::expected<void, std::string> SessionSeats::load() {
  auto seats = store_.session_seats();
  if (!seats)
    return std::unexpected("the session seats cannot be read: " + seats.error().message);
  std::lock_guard lock{mutex_};
  for (store::SessionSeat& seat : *seats)
    seats_[{std::move(seat.session_id), seat.participant}] = std::move(seat.account_id);
  return {};
}

std::expected<void, store::StoreError> SessionSeats::record(const store::SessionSeat& seat) {
  std::lock_guard lock{mutex_};
  if (auto put = store_.put_session_seat(seat); !put)
    return put;
  seats_[{seat.session_id, seat.participant}] = seat.account_id;
  return {};
}

std::optional<std::string> SessionSeats::account_at(const std::string& session_id,
                                                    std::uint32_t participant) const {
  std::lock_guard lock{mutex_};
  const auto found = seats_.find({session_id, participant});
  if (found == seats_.end())
    return std::nullopt;
  return found->second;
}

std::optional<std::uint32_t> SessionSeats::place_of(const std::string& session_id,
                                                    const std::string& account_id) const {
  std::lock_guard lock{mutex_};
  for (auto it = seats_.lower_bound({session_id, 0});
       it != seats_.end() && it->first.first == session_id; ++it)
    if (it->second == account_id)
      return it->first.second;
  return std::nullopt;
}

std::vector<std::pair<std::string, std::uint32_t>>
SessionSeats::places_of(const std::string& account_id) const {
  std::lock_guard lock{mutex_};
  std::vector<std::pair<std::string, std::uint32_t>> places;
  for (const auto& [place, account] : seats_)
    if (account == account_id)
      places.push_back(place);
  return places;
}

std::expected<void, store::StoreError> SessionSeats::forget(const std::string& account_id) {
  std::lock_guard lock{mutex_};
  if (auto removed = store_.remove_session_seats(account_id); !removed)
    return removed;
  std::erase_if(seats_, [&](const auto& seat) { return seat.second == account_id; });
  return {};
}

} // namespace intervisie::server
