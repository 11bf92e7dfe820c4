// SPDX-License-Identifier: EUPL-1.2
// One meeting of eight clients as the load tool drives it: once all eight have their snapshot
// it walks the incident method to the question rounds (start, propose an issue, choose it,
// next step, name it, next step), then, at the chosen pace, the turn holder asks and the presenter
// answers, round after round. Nobody passes, so the rounds never close and it can run forever.
//
// One command is open at a time. Its latency is from sending it to the moment the last open
// client of the meeting has received the event it caused (seq = the meeting's seq + 1).
#pragma once

#include "http_setup.hpp"
#include "live_client.hpp"
#include "run_stats.hpp"
#include "server_message.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace intervisie::load {

using Clock = std::chrono::steady_clock;

enum class MeetingPhase { connecting, preparing, ready, failed };

class Meeting {
public:
  // `rooms`: the server is a bare room-broadcast peer (LoadOptions::rooms).
  Meeting(boost::asio::io_context& io, MeetingSeed seed, RunStats& stats, bool rooms = false);
  Meeting(const Meeting&) = delete;
  Meeting& operator=(const Meeting&) = delete;

  void set_client(std::uint8_t slot, LiveClient& client) { clients_[slot] = &client; }
  const MeetingSeed& seed() const { return seed_; }
  MeetingPhase phase() const { return phase_; }
  void fail() { phase_ = MeetingPhase::failed; }

  void on_client_open(LiveClient& client);
  void on_message(LiveClient& client, const ServerMessage& message, Clock::time_point now);
  void on_client_closed(LiveClient& client, Clock::time_point now);
  // A command open longer than `limit` counts as timed out; the meeting goes on.
  void check_timeout(Clock::time_point now, Clock::duration limit);
  bool command_open() const { return open_.active; }
  // A command sent in a measured window is still open: its figures are not in yet.
  bool measured_command_open() const { return open_.active && open_.measured; }

  // Sends a command every `interval`, the first at `first`, until stop_traffic().
  void start_traffic(Clock::time_point first, Clock::duration interval);
  void stop_traffic();

private:
  enum class Kind { setup, ask, answer };

  struct OpenCommand {
    bool active = false;
    Kind kind = Kind::setup;
    std::string id;
    std::uint8_t slot = 0; // who sent it
    Clock::time_point sent_at;
    std::uint64_t first_seq = 0; // the seq of the event it causes
    bool measured = false;       // sent inside the measured window
    bool acked = false;
    bool delivered = false;
  };

  void send(std::uint8_t slot, Kind kind, std::string_view command);
  void next_setup_command();
  void on_ack(Clock::time_point now);
  void next_traffic_command();
  void check_delivered(Clock::time_point now);
  void complete(Clock::time_point now);
  void arm_timer();
  void on_due();

  boost::asio::steady_timer timer_;
  MeetingSeed seed_;
  RunStats& stats_;
  bool rooms_;
  std::array<LiveClient*, clients_per_meeting> clients_{};
  MeetingPhase phase_ = MeetingPhase::connecting;

  std::uint64_t seq_ = 0; // the highest seq any client has seen
  std::uint32_t commands_ = 0;
  OpenCommand open_;
  std::size_t setup_step_ = 0;

  // Question rounds: the advisers' slots in turn order, whose turn it is, whether the presenter
  // still has to answer.
  std::vector<std::uint8_t> order_;
  std::size_t position_ = 0;
  bool awaiting_answer_ = false;

  bool traffic_ = false;
  bool due_pending_ = false; // a command fell due while the previous one was still open
  Clock::time_point next_due_;
  Clock::duration interval_{};
};

} // namespace intervisie::load
