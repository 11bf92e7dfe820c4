// SPDX-License-Identifier: EUPL-1.2
// The hostile clients of a load run (--slow-readers, --half-open, --oversized) on a thread and
// io_context of their own, so that the meetings' clients are driven and timed exactly as
// without them. Creates the sessions they use (busy meetings for the slow readers, quiet ones
// for the others), starts the clients a thousand a second, samples the server every second
// (RSS, descriptors) and reports what became of every kind.
#pragma once

#include "busy_meeting.hpp"
#include "hostile_client.hpp"
#include "http_setup.hpp"
#include "options.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace intervisie::load {

// The server and the hostile clients at one moment.
struct HostileSample {
  double seconds = 0; // since the hostile clients started
  std::uint64_t server_rss_kib = 0;
  std::optional<std::uint64_t> server_descriptors;
  std::optional<std::uint64_t> kernel_tcp_kib; // the whole machine's
  std::uint64_t hostile_open = 0;              // hostile connections open, as the clients see it
};

class HostileRun {
public:
  HostileRun(const LoadOptions& options, const boost::asio::ip::tcp::endpoint& server,
             pid_t server_pid);
  HostileRun(const HostileRun&) = delete;
  HostileRun& operator=(const HostileRun&) = delete;
  ~HostileRun();

  // Starts the thread: sessions, then every client. Thread-safe from here on: ready(), stop().
  void start();
  // Every client has made its first attempt (or the setup failed: failed() says).
  bool ready() const { return ready_.load(); }
  bool failed() const { return failed_.load(); }
  // Closes every hostile connection and ends the thread; the figures are readable afterwards.
  void stop();

  const std::vector<HostileSample>& samples() const { return samples_; }
  Clock::time_point started_at() const { return started_at_; }
  // The meetings' slowest delivery (ms) between two moments, in seconds since started_at(),
  // for the timeline; nothing outside the measured window.
  using Slowest = std::function<std::optional<double>(double from, double to)>;
  void print_report(std::ostream& out, const Slowest& slowest);

private:
  boost::asio::awaitable<void> run();
  void launch_more();
  void sample();
  std::string live_target(const MeetingSeed& seed, std::size_t place) const;

  const LoadOptions& options_;
  pid_t server_pid_;
  boost::asio::io_context io_{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  HostileContext context_;
  SetupCounts setup_;
  std::size_t busy_sessions_ = 0, quiet_sessions_ = 0, sessions_created_ = 0;
  BusyCounts busy_counts_;
  std::deque<BusyMeeting> busy_;
  std::vector<std::unique_ptr<HostileClient>> clients_;
  std::size_t launched_ = 0;
  boost::asio::steady_timer launcher_;
  boost::asio::steady_timer sampler_;
  Clock::time_point started_at_;
  std::vector<HostileSample> samples_;
  std::exception_ptr failure_;
  std::atomic<bool> ready_{false};
  std::atomic<bool> failed_{false};
  std::thread thread_;
};

} // namespace intervisie::load
