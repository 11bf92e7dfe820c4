// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/session_seats.hpp"

#include <spdlog/spdlog.h>

namespace intervisie::server {

namespace {

// A seat that cannot be read counts as no seat: it gives nobody access, and says so in the log.
std::vector<store::SessionSeat>
or_none(std::expected<std::vector<store::SessionSeat>, store::StoreError> seats) {
  if (seats)
    return std::move(*seats);
  spdlog::error("the session seats cannot be read: {}", seats.error().message);
  return {};
}

} // namespace

std::expected<void, store::StoreError> SessionSeats::record(const store::SessionSeat& seat) {
  return store_.put_session_seat(seat);
}

std::optional<std::string> SessionSeats::account_at(const std::string& session_id,
                                                    std::uint32_t participant) const {
  for (store::SessionSeat& seat : or_none(store_.session_seats(session_id)))
    if (seat.participant == participant)
      return std::move(seat.account_id);
  return std::nullopt;
}

std::optional<std::uint32_t> SessionSeats::place_of(const std::string& session_id,
                                                    const std::string& account_id) const {
  for (const store::SessionSeat& seat : or_none(store_.session_seats(session_id)))
    if (seat.account_id == account_id)
      return seat.participant;
  return std::nullopt;
}

std::vector<std::pair<std::string, std::uint32_t>>
SessionSeats::places_of(const std::string& account_id) const {
  std::vector<std::pair<std::string, std::uint32_t>> places;
  for (store::SessionSeat& seat : or_none(store_.seats_of_account(account_id)))
    places.emplace_back(std::move(seat.session_id), seat.participant);
  return places;
}

std::expected<void, store::StoreError> SessionSeats::forget(const std::string& account_id) {
  return store_.remove_session_seats(account_id);
}

} // namespace intervisie::server
