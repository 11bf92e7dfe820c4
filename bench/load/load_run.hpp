// SPDX-License-Identifier: EUPL-1.2
// One load run from start to end, on one thread: create the meetings over HTTP, connect every
// client in bursts, walk each meeting to the question rounds, read the server's idle RSS,
// run the traffic (warm-up, then the measured window), and report.
#pragma once

#include "http_setup.hpp"
#include "live_client.hpp"
#include "meeting.hpp"
#include "options.hpp"
#include "run_stats.hpp"
#include "server_process.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace intervisie::load {

// What the report says about where the server runs; filled in by main.
struct ServerInfo {
  boost::asio::ip::tcp::endpoint endpoint;
  pid_t pid = 0; // 0: not known, no RSS or CPU figures
  std::string binary;
  std::string data_dir;
  std::string file_system;
  std::uint64_t open_file_limit = 0;
};

class LoadRun final : public ClientObserver {
public:
  LoadRun(boost::asio::io_context& io, const LoadOptions& options, ServerInfo server);
  LoadRun(const LoadRun&) = delete;
  LoadRun& operator=(const LoadRun&) = delete;
  ~LoadRun() = default;

  // Runs the whole load on the io_context; `done` gets the exception that ended it, if any.
  void start(std::function<void(std::exception_ptr)> done);
  void print_report(std::ostream& out);
  // One line per measured latency: `delivered US` and `acked US` (--latencies).
  void write_latencies(const std::string& path) const;

  void on_open(LiveClient& client) override;
  void on_failed(LiveClient& client, const boost::beast::error_code& error,
                 std::string_view stage) override;
  void on_message(LiveClient& client, std::string_view text) override;
  void on_closed(LiveClient& client, const boost::beast::error_code& error) override;

private:
  boost::asio::awaitable<void> run();
  boost::asio::awaitable<void> pause(Clock::duration duration);
  void sweep(Clock::time_point now);
  void connect_more();
  void connect(LiveClient& client);
  std::size_t count(MeetingPhase phase) const;
  std::size_t open_clients() const;

  boost::asio::io_context& io_;
  const LoadOptions& options_;
  ServerInfo server_;
  std::string host_;
  RunStats stats_;
  SetupCounts setup_;
  std::vector<std::unique_ptr<Meeting>> meetings_;
  std::deque<LiveClient> clients_; // a deque: clients never move
  std::vector<boost::asio::ip::address_v4> sources_;
  std::deque<LiveClient*> waiting_; // to connect
  std::size_t connecting_ = 0;      // handshakes in flight
  std::size_t next_source_ = 0;

  // Figures for the report.
  double http_seconds_ = 0;
  double connect_seconds_ = 0;
  bool setup_timed_out_ = false;
  std::size_t connected_at_idle_ = 0;
  double measured_seconds_ = 0;
  double window_start_ = 0, window_end_ = 0; // unix time
  ProcessSample server_empty_, server_sessions_, server_idle_, server_load_start_, server_load_end_;
  std::uint64_t server_load_peak_kib_ = 0;
  ProcessSample tool_idle_, tool_load_start_, tool_load_end_;
  std::string load_average_start_, load_average_end_; // other work on the same cores
};

} // namespace intervisie::load
