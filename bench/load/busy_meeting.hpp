// SPDX-License-Identifier: EUPL-1.2
// A meeting that exists to keep its slow readers busy: its facilitator starts it, then moves the
// step's time on and back (adjust_time +60 s, −60 s) at a steady pace. Every such command changes
// every view, so every connection of the session gets a patch; the state does not grow, so a
// slow reader that comes back gets a small snapshot. One command is open at a time.
#pragma once

#include "hostile_client.hpp"
#include "live_client.hpp"

#include <boost/asio/steady_timer.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace intervisie::load {

struct BusyCounts {
  std::uint64_t sent = 0;
  std::uint64_t acked = 0;
  std::uint64_t skipped = 0; // due while the previous one was still open
  std::uint64_t reconnects = 0;
  std::map<std::string, std::uint64_t> error_codes;
};

class BusyMeeting final : public ClientObserver {
public:
  // `target`: the live path with the facilitator's token.
  BusyMeeting(HostileContext& context, std::string target, double commands_per_second,
              BusyCounts& counts);
  BusyMeeting(const BusyMeeting&) = delete;
  BusyMeeting& operator=(const BusyMeeting&) = delete;

  void start();
  void stop();

  void on_open(LiveClient& client) override;
  void on_failed(LiveClient& client, const boost::beast::error_code& error,
                 std::string_view stage) override;
  void on_message(LiveClient& client, std::string_view text) override;
  void on_closed(LiveClient& client, const boost::beast::error_code& error) override;

private:
  void connect_later();
  void tick();
  void send(std::string_view command);

  HostileContext& context_;
  std::string target_;
  Clock::duration interval_;
  BusyCounts& counts_;
  LiveClient client_;
  boost::asio::steady_timer timer_;     // the pace
  boost::asio::steady_timer reconnect_; // after the facilitator's connection ended
  Clock::time_point next_due_;
  std::uint64_t commands_ = 0;
  std::string open_id_;  // the command awaiting its answer; empty: none
  bool started_ = false; // the start command was answered (ack, or refused: it runs already)
  bool forward_ = true;  // the next adjustment adds time
  bool stopped_ = false;
};

} // namespace intervisie::load
