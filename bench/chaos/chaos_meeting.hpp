// SPDX-License-Identifier: EUPL-1.2
// One meeting of the chaos run, from its first snapshot to its checked end. Its people connect
// with `since`, and come back with the highest seq they saw whenever their connection ends. The
// facilitator's client folds the event stream into the session's state; the autopilot reads the
// next move from it, one at a time, at the run's pace. Every event a client receives is kept by
// seq: a second copy must be the same, a seq at or below one already received is a duplicate.
// Once the session has finished, the facilitator reads the whole history again (since=0), and
// it must hold every event anyone received and everything acknowledged.
#pragma once

#include "autopilot.hpp"
#include "chaos_figures.hpp"
#include "load/live_client.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace intervisie::chaos {

using Clock = std::chrono::steady_clock;

// A participant the server created, with the token of their device.
struct Person {
  core::ParticipantId id;
  std::string token;
};

// A meeting as it was created over HTTP: its people, the facilitator first.
struct MeetingSetup {
  std::string session_id;
  std::vector<Person> people;
};

// What a meeting was doing at the moment of a kill.
struct MeetingActivity {
  bool command_in_flight = false;
  bool reconnecting = false;
  bool reading_history = false;
};

class ChaosMeeting final : public load::ClientObserver {
public:
  ChaosMeeting(boost::asio::io_context& io, boost::asio::ip::tcp::endpoint server,
               std::uint32_t number, MeetingSetup setup, bool reframe, Clock::duration interval,
               ChaosFigures& figures);
  ChaosMeeting(const ChaosMeeting&) = delete;
  ChaosMeeting& operator=(const ChaosMeeting&) = delete;
  ~ChaosMeeting();

  void start(Clock::time_point now);
  // Reconnects whoever is due, sends the next move when it is time, gives up on a meeting that
  // has made no progress for `patience`.
  void tick(Clock::time_point now, Clock::duration patience);
  // The server was just killed: nobody sends until their connection is back. (This tool runs
  // on one thread, busy with the restart: it sees the connections end only afterwards.)
  void server_killed();
  bool over() const { return stage_ == Stage::over; }
  bool finished_and_checked() const { return checked_; }
  MeetingActivity activity() const;
  const std::string& session_id() const { return setup_.session_id; }

  void on_open(load::LiveClient& client) override;
  void on_failed(load::LiveClient& client, const boost::beast::error_code& error,
                 std::string_view stage) override;
  void on_message(load::LiveClient& client, std::string_view text) override;
  void on_closed(load::LiveClient& client, const boost::beast::error_code& error) override;

private:
  enum class Stage { running, reading_history, over };

  struct Seat {
    std::unique_ptr<load::LiveClient> client;
    std::string token;
    std::uint64_t seq = 0; // the highest seq this person received (event or own ack)
    bool live = false;     // the replay after connecting is through (presence arrived)
    bool connecting = false;
    std::uint32_t failures = 0; // in a row, for the backoff
    Clock::time_point reconnect_at{};
  };

  struct OpenMove {
    std::string id;
    std::size_t seat = 0;
    bool draft = false; // a written draft: only its author sees the event
    core::ParticipantId drafter;
    Clock::time_point sent_at{};
  };

  void connect(std::size_t seat);
  void dropped(std::size_t seat, Clock::time_point now);
  void on_event(std::size_t seat, std::uint64_t seq, const boost::json::object& event);
  void on_reply(std::size_t seat, const boost::json::object& message, bool acked);
  void send_next_move(Clock::time_point now);
  void begin_history_check();
  void finish_history_check();
  void end();
  bool everyone_live() const;
  std::size_t seat_of(core::ParticipantId id) const;

  boost::asio::io_context& io_;
  boost::asio::ip::tcp::endpoint server_;
  std::uint32_t number_;
  MeetingSetup setup_;
  Clock::duration interval_;
  ChaosFigures& figures_;
  std::mt19937 random_;

  std::vector<Seat> seats_;  // the people, then the reader of the whole history at the end
  core::SessionState state_; // folded from the facilitator's stream
  Cast cast_;
  std::vector<std::string> copies_; // by seq - 1: the event as first received; "" if unseen
  std::map<std::uint64_t, std::string> history_; // the final read, by seq
  std::uint64_t acked_seq_ = 0;                  // the highest seq acknowledged to anyone
  std::uint64_t facilitator_needs_ = 0; // a move waits until the facilitator has folded this far
  std::optional<OpenMove> open_;
  std::uint64_t moves_sent_ = 0;
  std::uint32_t refused_in_a_row_ = 0;
  Clock::time_point next_move_at_{};
  Clock::time_point progress_at_{}; // the last ack or event: for giving up
  Stage stage_ = Stage::running;
  bool checked_ = false;
};

} // namespace intervisie::chaos
