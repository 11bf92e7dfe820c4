// SPDX-License-Identifier: EUPL-1.2
// One load run from start to end, on one thread: create the meetings over HTTP, connect every
// client in bursts, walk each meeting to the question rounds, read the server's idle RSS,
// run the traffic (warm-up, then the measured window), and report.
#pragma once

#include "hostile_run.hpp"
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
#include <optional>
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

// The measured stretch of time: when it ran, and the server and the tool at its ends.
struct MeasuredWindow {
  Clock::time_point start;
  double seconds = 0;
  double start_unix = 0, end_unix = 0;
  ProcessSample server_start, server_end;
  std::uint64_t server_peak_kib = 0;
  ProcessSample tool_start, tool_end;
  // Seconds the server's and the tool's threads waited for a core, at the start and the end.
  std::optional<double> server_wait_start, server_wait_end, tool_wait_start, tool_wait_end;
  std::string load_average_start, load_average_end; // other work on the same cores
  std::vector<double> slowest_ms; // the slowest delivery completed in each second (ms)
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
  // Counts what the meetings send for `duration`, into stats_ and `window`.
  boost::asio::awaitable<void> measure(MeasuredWindow& window, Clock::duration duration);
  // The same meetings again, with hostile clients beside them (load_run_hostile.cpp).
  boost::asio::awaitable<void> run_hostile();
  void print_hostile_report(std::ostream& out);
  double after_hostile_seconds() const; // before the server is read again once they left
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
  MeasuredWindow window_;
  ProcessSample server_empty_, server_sessions_, server_idle_;
  ProcessSample tool_idle_;

  // With hostile clients: the second window, and what it counted.
  std::unique_ptr<HostileRun> hostile_;
  MeasuredWindow hostile_window_;
  CommandCounts hostile_commands_;
  LatencySamples hostile_delivered_, hostile_acked_;
  double hostile_ramp_seconds_ = 0;
  ProcessSample server_before_hostile_, server_after_hostile_;
  std::optional<std::uint64_t> descriptors_before_hostile_, descriptors_after_hostile_;
  std::optional<std::uint64_t> kernel_tcp_before_hostile_, kernel_tcp_after_hostile_; // KiB
  std::size_t open_before_hostile_ = 0, open_after_hostile_ = 0; // the meetings' clients
};

} // namespace intervisie::load
