// SPDX-License-Identifier: EUPL-1.2
// A load run's second measured window: the same meetings at the same pace, with the hostile
// clients beside them (HostileRun), and the report that sets the two windows side by side.
#include "load_run.hpp"

#include "descriptors.hpp"
#include "durations.hpp"
#include "report_text.hpp"

#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <utility>

namespace intervisie::load {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// "x1.23": how the second figure compares with the first.
std::string ratio(double with, double without) {
  return without > 0 ? "x" + fixed(with / without, 2) : "n/a";
}

std::string descriptors(const std::optional<std::uint64_t>& count) {
  return count ? std::to_string(*count) : "n/a";
}

// The threads' wait for a core, per second of the window: what other work on the machine cost.
std::string waited(const std::optional<double>& end, const std::optional<double>& start,
                   double wall) {
  if (!end || !start || wall <= 0)
    return "n/a";
  return fixed(1000.0 * (*end - *start) / wall, 0) + " ms/s";
}

std::string mebibytes(const std::optional<std::uint64_t>& kib) {
  return kib ? fixed(mib(*kib), 1) + " MiB" : "n/a";
}

} // namespace

double LoadRun::after_hostile_seconds() const {
  return std::max(options_.settle_seconds, 15.0);
}

// g++ 12 at -O2 takes Asio's coroutine frame delete for a mismatch (see load_run.cpp).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

asio::awaitable<void> LoadRun::run_hostile() {
  server_before_hostile_ = sample_process(server_.pid);
  descriptors_before_hostile_ = count_descriptors(server_.pid);
  kernel_tcp_before_hostile_ = kernel_tcp_kib();
  open_before_hostile_ = open_clients();
  const auto ramp_start = Clock::now();
  hostile_ = std::make_unique<HostileRun>(options_, server_.endpoint, server_.pid);
  hostile_->start();
  // Meanwhile every command of the first window is answered or times out: the second window
  // counts only its own.
  const auto earliest = ramp_start + seconds(options_.command_timeout_seconds + 1);
  while (Clock::now() < earliest || (!hostile_->ready() && !hostile_->failed()))
    co_await pause(250ms);
  hostile_ramp_seconds_ = seconds_since(ramp_start);
  co_await pause(seconds(options_.warmup_seconds));

  // The first window's figures step aside while the second is counted, then come back.
  CommandCounts quiet_commands = std::exchange(stats_.commands, {});
  LatencySamples quiet_delivered = std::exchange(stats_.delivered, {});
  LatencySamples quiet_acked = std::exchange(stats_.acked, {});
  co_await measure(hostile_window_, seconds(options_.hostile_duration_seconds));
  const auto drain_end = Clock::now() + seconds(options_.command_timeout_seconds) + 1s;
  while (Clock::now() < drain_end &&
         std::ranges::any_of(meetings_, [](const auto& m) { return m->measured_command_open(); }))
    co_await pause(50ms);
  hostile_commands_ = std::exchange(stats_.commands, std::move(quiet_commands));
  hostile_delivered_ = std::exchange(stats_.delivered, std::move(quiet_delivered));
  hostile_acked_ = std::exchange(stats_.acked, std::move(quiet_acked));

  // Gone: the server lets go of their connections, and of the memory they held (the allocator
  // gives freed pages back within about ten seconds).
  hostile_->stop();
  co_await pause(seconds(after_hostile_seconds()));
  server_after_hostile_ = sample_process(server_.pid);
  descriptors_after_hostile_ = count_descriptors(server_.pid);
  kernel_tcp_after_hostile_ = kernel_tcp_kib();
  open_after_hostile_ = open_clients();
}

#pragma GCC diagnostic pop

void LoadRun::print_hostile_report(std::ostream& out) {
  LatencySamples& quiet = stats_.delivered;
  LatencySamples& hostile = hostile_delivered_;
  const CommandCounts& commands = hostile_commands_;
  const MeasuredWindow& window = hostile_window_;

  out << "\n--- the same meetings with hostile clients beside them ---\n";
  const double offset =
      std::chrono::duration<double>(window.start - hostile_->started_at()).count();
  hostile_->print_report(out, [&](double from, double to) -> std::optional<double> {
    std::optional<double> slowest;
    for (std::size_t second = 0; second < window.slowest_ms.size(); ++second) {
      const double at = offset + static_cast<double>(second);
      if (at >= from && at < to)
        slowest = std::max(slowest.value_or(0.0), window.slowest_ms[second]);
    }
    return slowest;
  });
  out << "window 2     hostile clients in place after " << fixed(hostile_ramp_seconds_, 1)
      << " s, warm-up " << fixed(options_.warmup_seconds, 1) << " s, measured "
      << fixed(window.seconds, 1) << " s (unix time " << fixed(window.start_unix, 3) << " to "
      << fixed(window.end_unix, 3) << ")\n";
  const double per_second =
      window.seconds > 0 ? static_cast<double>(commands.acked) / window.seconds : 0;
  out << "commands     " << commands.sent << " sent, " << commands.acked << " acked, "
      << commands.delivered << " delivered to all, " << commands.refused << " refused, "
      << commands.timed_out << " timed out, " << commands.late << " late; " << fixed(per_second, 1)
      << " acked/s\n";
  for (const auto& [code, n] : commands.error_codes)
    out << "               error: " << n << " x " << code << "\n";
  out << "latency      sent -> all 8 have the event: p50 " << fixed(hostile.percentile_ms(0.5))
      << " ms  p99 " << fixed(hostile.percentile_ms(0.99)) << " ms  p999 "
      << fixed(hostile.percentile_ms(0.999)) << " ms  max " << fixed(hostile.max_ms()) << " ms  ("
      << hostile.size() << " samples)\n";
  out << "             against window 1 (without):  p50 "
      << ratio(hostile.percentile_ms(0.5), quiet.percentile_ms(0.5)) << "  p99 "
      << ratio(hostile.percentile_ms(0.99), quiet.percentile_ms(0.99)) << "  p999 "
      << ratio(hostile.percentile_ms(0.999), quiet.percentile_ms(0.999)) << "\n";
  std::size_t over_20 = 0, over_50 = 0, over_100 = 0;
  for (const double slowest : window.slowest_ms) {
    over_20 += slowest > 20.0;
    over_50 += slowest > 50.0;
    over_100 += slowest > 100.0;
  }
  out << "             seconds of window 2 whose slowest delivery took over 20 / 50 / 100 ms: "
      << over_20 << " / " << over_50 << " / " << over_100 << " of " << window.slowest_ms.size()
      << "\n";
  out << "             sent -> ack (durable):      p50 " << fixed(hostile_acked_.percentile_ms(0.5))
      << " ms  p99 " << fixed(hostile_acked_.percentile_ms(0.99)) << " ms  p999 "
      << fixed(hostile_acked_.percentile_ms(0.999)) << " ms  max " << fixed(hostile_acked_.max_ms())
      << " ms\n";
  if (server_before_hostile_.valid) {
    out << "CPU          server "
        << cpu_share(window.server_end, window.server_start, window.seconds)
        << " of one core while measured (window 1: "
        << cpu_share(window_.server_end, window_.server_start, window_.seconds)
        << "); load tool, both threads, "
        << cpu_share(window.tool_end, window.tool_start, window.seconds) << "\n";
    out << "waiting      for a core, the server's threads "
        << waited(window.server_wait_end, window.server_wait_start, window.seconds)
        << " (window 1: "
        << waited(window_.server_wait_end, window_.server_wait_start, window_.seconds)
        << "), the load tool's "
        << waited(window.tool_wait_end, window.tool_wait_start, window.seconds)
        << " (window 1: " << waited(window_.tool_wait_end, window_.tool_wait_start, window_.seconds)
        << "); load average " << window.load_average_start << " at the start, "
        << window.load_average_end << " at the end\n";
    out << "server RSS   before the hostile clients "
        << fixed(mib(server_before_hostile_.rss_kib), 1) << " MiB; peak while measured "
        << fixed(mib(window.server_peak_kib), 1) << " MiB; at the end "
        << fixed(mib(window.server_end.rss_kib), 1) << " MiB; " << fixed(after_hostile_seconds(), 0)
        << " s after they left " << fixed(mib(server_after_hostile_.rss_kib), 1) << " MiB\n";
    // What leaving gave back is what they held; the rest of the growth since before them is the
    // meetings' own history, which grows with every command.
    const std::size_t hostile_clients = options_.hostile_clients();
    const double held = static_cast<double>(window.server_end.rss_kib) -
                        static_cast<double>(server_after_hostile_.rss_kib);
    out << "per hostile  held (RSS at the end - after they left) / " << hostile_clients
        << " hostile clients = " << fixed(held / static_cast<double>(hostile_clients), 1)
        << " KiB each\n";
  }
  std::uint64_t descriptor_peak = 0;
  std::optional<std::uint64_t> kernel_tcp_peak;
  for (const HostileSample& sample : hostile_->samples()) {
    descriptor_peak = std::max(descriptor_peak, sample.server_descriptors.value_or(0));
    if (sample.kernel_tcp_kib)
      kernel_tcp_peak = std::max(kernel_tcp_peak.value_or(0), *sample.kernel_tcp_kib);
  }
  out << "descriptors  server: before the hostile clients "
      << descriptors(descriptors_before_hostile_) << " (" << open_before_hostile_
      << " meeting clients open); peak "
      << (descriptor_peak ? std::to_string(descriptor_peak) : "n/a") << "; after they left "
      << descriptors(descriptors_after_hostile_) << " (" << open_after_hostile_
      << " meeting clients open)\n";
  out << "kernel TCP   buffers of the whole machine (where bytes a client has not taken wait): "
         "before "
      << mebibytes(kernel_tcp_before_hostile_) << "; peak " << mebibytes(kernel_tcp_peak)
      << "; after they left " << mebibytes(kernel_tcp_after_hostile_) << "\n";
  out << "meetings     window 1: " << stats_.commands.timed_out
      << " commands timed out; window 2: " << commands.timed_out
      << "; meeting connections dropped in the whole run: " << stats_.connections.dropped << "\n";
  const bool fast = hostile.size() > 0 && hostile.percentile_ms(0.99) <= 20.0 &&
                    options_.pace >= 10.0 && commands.timed_out == 0;
  out << "budget       with hostile clients: p99 <= 20 ms at 10x pace: "
      << (fast ? "met" : "missed") << "\n";
}

} // namespace intervisie::load
