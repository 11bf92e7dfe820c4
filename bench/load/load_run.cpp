// SPDX-License-Identifier: EUPL-1.2
#include "load_run.hpp"

#include "cpu_wait.hpp"
#include "durations.hpp"
#include "report_text.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <unistd.h>

namespace intervisie::load {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

constexpr std::uint8_t connect_attempts_max = 8;
constexpr std::size_t connections_per_source = 20'000; // of ~28,000 ephemeral ports

// The 1-minute load average and the number of cores: the tool, the server and anything else
// running share them.
std::string load_average() {
  std::ifstream file("/proc/loadavg");
  std::string one_minute;
  file >> one_minute;
  return one_minute.empty() ? "?" : one_minute;
}

// Wall-clock time, for lining the measured window up with samples taken by another program.
double unix_seconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

LoadRun::LoadRun(asio::io_context& io, const LoadOptions& options, ServerInfo server)
    : io_(io), options_(options), server_(std::move(server)),
      host_(server_.endpoint.address().to_string() + ":" +
            std::to_string(server_.endpoint.port())) {
  const std::size_t wanted =
      options_.source_addresses > 0
          ? options_.source_addresses
          : std::max<std::size_t>(1, (options_.clients() + connections_per_source - 1) /
                                         connections_per_source);
  for (std::size_t i = 0; i < wanted; ++i)
    sources_.push_back(asio::ip::make_address_v4(0x7f000001u + static_cast<std::uint32_t>(i)));
}

// g++ 12 at -O2, inlining Asio's coroutine frame allocator, takes the frame's operator delete
// for a mismatch with its operator new (a false -Wmismatched-new-delete): Asio pairs them.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void LoadRun::start(std::function<void(std::exception_ptr)> done) {
  asio::co_spawn(io_, run(), std::move(done));
}

asio::awaitable<void> LoadRun::run() {
  // A starting Intervisie makes its login decoy's password hash (64 MiB of Argon2) on a thread
  // of its own, for about a fifth of a second: the empty server is measured after it.
  co_await pause(1500ms);
  server_empty_ = sample_process(server_.pid);

  // 1. The meetings, over HTTP.
  std::vector<MeetingSeed> seeds(options_.meetings);
  auto started = Clock::now();
  if (options_.rooms) {
    for (std::size_t i = 0; i < seeds.size(); ++i)
      seeds[i] = MeetingSeed{.complete = true, .session_id = "m" + std::to_string(i), .people = {}};
  } else {
    co_await create_meetings(server_.endpoint, seeds, options_.setup_concurrency, setup_);
  }
  http_seconds_ = seconds_since(started);
  server_sessions_ = sample_process(server_.pid);

  // 2. Every client, in bursts; each meeting walks to the question rounds once all eight are in.
  started = Clock::now();
  meetings_.reserve(seeds.size());
  for (MeetingSeed& seed : seeds) {
    const bool complete = seed.complete;
    auto& meeting = *meetings_.emplace_back(
        std::make_unique<Meeting>(io_, std::move(seed), stats_, options_.rooms));
    const auto index = static_cast<std::uint32_t>(meetings_.size() - 1);
    for (std::uint8_t slot = 0; slot < clients_per_meeting; ++slot) {
      LiveClient& client = clients_.emplace_back(io_, *this, index, slot);
      meeting.set_client(slot, client);
      if (complete)
        waiting_.push_back(&client);
    }
    if (!complete)
      meeting.fail();
  }
  connect_more();
  const auto deadline = started + seconds(options_.setup_timeout_seconds);
  while (count(MeetingPhase::connecting) + count(MeetingPhase::preparing) > 0) {
    if (Clock::now() > deadline) {
      setup_timed_out_ = true;
      break;
    }
    co_await pause(50ms);
  }
  connect_seconds_ = seconds_since(started);

  // Several load processes: say that this one is set up, and wait for the word to go on.
  if (!options_.ready_file.empty())
    std::ofstream(options_.ready_file)
        << open_clients() << " connected, " << count(MeetingPhase::ready) << " meetings ready\n";
  if (!options_.go_file.empty())
    while (!std::filesystem::exists(options_.go_file))
      co_await pause(50ms);

  // 3. Idle: everyone connected, nobody sends.
  co_await pause(seconds(options_.settle_seconds));
  server_idle_ = sample_process(server_.pid);
  tool_idle_ = sample_process(::getpid());
  connected_at_idle_ = open_clients();

  // 4. Traffic: each meeting starts at a random moment of its first interval, so the commands
  // of all meetings spread evenly over time.
  const auto interval = seconds(options_.interval_seconds());
  std::mt19937_64 random(options_.seed);
  std::uniform_int_distribution<Clock::rep> offset(0, interval.count());
  const auto traffic_start = Clock::now();
  for (auto& meeting : meetings_)
    meeting->start_traffic(traffic_start + Clock::duration(offset(random)), interval);
  co_await pause(seconds(options_.warmup_seconds));

  co_await measure(window_, seconds(options_.duration_seconds));

  // The same again with hostile clients beside the meetings.
  if (options_.hostile())
    co_await run_hostile();

  // 5. Let the open commands finish (or time out), then stop.
  for (auto& meeting : meetings_)
    meeting->stop_traffic();
  const auto drain_end = Clock::now() + seconds(options_.command_timeout_seconds) + 1s;
  while (Clock::now() < drain_end &&
         std::ranges::any_of(meetings_, [](const auto& m) { return m->command_open(); }))
    co_await pause(50ms);
}

asio::awaitable<void> LoadRun::measure(MeasuredWindow& window, Clock::duration duration) {
  stats_.measuring = true;
  window.load_average_start = load_average();
  const auto measure_start = Clock::now();
  window.start = measure_start;
  window.start_unix = unix_seconds();
  window.server_start = sample_process(server_.pid);
  window.tool_start = sample_process(::getpid());
  window.server_wait_start = cpu_wait_seconds(server_.pid);
  window.tool_wait_start = cpu_wait_seconds(::getpid());
  const auto measure_end = measure_start + duration;
  std::size_t counted = stats_.delivered.size();
  while (Clock::now() < measure_end) {
    co_await pause(std::min<Clock::duration>(250ms, measure_end - Clock::now()));
    const ProcessSample now = sample_process(server_.pid);
    window.server_peak_kib = std::max(window.server_peak_kib, now.rss_kib);
    // The slowest delivery of each second, to see when the slow ones came.
    const auto second = static_cast<std::size_t>(seconds_since(measure_start));
    if (window.slowest_ms.size() <= second)
      window.slowest_ms.resize(second + 1, 0.0);
    const auto& delivered = stats_.delivered.microseconds();
    for (; counted < delivered.size(); ++counted)
      window.slowest_ms[second] =
          std::max(window.slowest_ms[second], static_cast<double>(delivered[counted]) / 1000.0);
  }
  stats_.measuring = false;
  window.load_average_end = load_average();
  window.seconds = seconds_since(measure_start);
  window.end_unix = unix_seconds();
  window.server_end = sample_process(server_.pid);
  window.tool_end = sample_process(::getpid());
  window.server_wait_end = cpu_wait_seconds(server_.pid);
  window.tool_wait_end = cpu_wait_seconds(::getpid());
  window.server_peak_kib = std::max(window.server_peak_kib, window.server_end.rss_kib);
}

#pragma GCC diagnostic pop

asio::awaitable<void> LoadRun::pause(Clock::duration duration) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  const auto end = Clock::now() + duration;
  while (Clock::now() < end) {
    timer.expires_at(std::min<Clock::time_point>(end, Clock::now() + 250ms));
    boost::system::error_code ignored;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
    sweep(Clock::now());
  }
}

void LoadRun::sweep(Clock::time_point now) {
  const auto limit = seconds(options_.command_timeout_seconds);
  for (auto& meeting : meetings_)
    meeting->check_timeout(now, limit);
}

void LoadRun::connect_more() {
  while (connecting_ < options_.connect_burst && !waiting_.empty()) {
    LiveClient* client = waiting_.front();
    waiting_.pop_front();
    connect(*client);
  }
}

void LoadRun::connect(LiveClient& client) {
  ++connecting_;
  ++stats_.connections.attempts;
  const MeetingSeed& seed = meetings_[client.meeting()]->seed();
  const std::string target = options_.rooms
                                 ? "/rooms/" + seed.session_id
                                 : "/api/sessions/" + seed.session_id +
                                       "/live?token=" + seed.people[client.slot()].token +
                                       "&stream=" + options_.stream;
  client.connect(server_.endpoint, sources_[next_source_++ % sources_.size()], host_, target);
}

void LoadRun::on_open(LiveClient& client) {
  meetings_[client.meeting()]->on_client_open(client);
  --connecting_;
  ++stats_.connections.established;
  connect_more();
}

void LoadRun::on_failed(LiveClient& client, const boost::beast::error_code& error,
                        std::string_view stage) {
  --connecting_;
  ++stats_.connections.failures[std::string(stage) + ": " + error.message()];
  if (client.attempts < connect_attempts_max) {
    // Back off, more each time: a full accept queue empties in a moment.
    ++stats_.connections.retries;
    auto timer = std::make_shared<asio::steady_timer>(
        io_, std::chrono::milliseconds(100 << std::min<int>(client.attempts, 5)));
    timer->async_wait([this, timer, &client](const boost::system::error_code&) {
      waiting_.push_back(&client);
      connect_more();
    });
  } else {
    ++stats_.connections.given_up;
    meetings_[client.meeting()]->fail();
  }
  connect_more();
}

void LoadRun::on_message(LiveClient& client, std::string_view text) {
  const auto message = parse_server_message(text);
  if (!message) {
    if (stats_.measuring)
      ++stats_.commands.error_codes["(unreadable message)"];
    return;
  }
  meetings_[client.meeting()]->on_message(client, *message, Clock::now());
}

void LoadRun::on_closed(LiveClient& client, const boost::beast::error_code& error) {
  ++stats_.connections.dropped;
  ++stats_.connections.failures["dropped: " + error.message()];
  meetings_[client.meeting()]->on_client_closed(client, Clock::now());
}

std::size_t LoadRun::count(MeetingPhase phase) const {
  return static_cast<std::size_t>(
      std::ranges::count_if(meetings_, [phase](const auto& m) { return m->phase() == phase; }));
}

std::size_t LoadRun::open_clients() const {
  return static_cast<std::size_t>(
      std::ranges::count_if(clients_, [](const LiveClient& c) { return c.is_open(); }));
}

void LoadRun::print_report(std::ostream& out) {
  const std::size_t clients = options_.clients();
  const std::size_t ready = count(MeetingPhase::ready);
  const CommandCounts& commands = stats_.commands;
  const ConnectionCounts& connections = stats_.connections;
  LatencySamples& delivered = stats_.delivered;
  LatencySamples& acked = stats_.acked;

  out << "intervisie_load: " << options_.meetings << " meetings x " << clients_per_meeting
      << " clients = " << clients << " connections, pace " << fixed(options_.pace, 1)
      << "x (a command per meeting every " << fixed(options_.interval_seconds(), 3)
      << " s), warm-up " << fixed(options_.warmup_seconds, 1) << " s, measured "
      << fixed(window_.seconds, 1) << " s\n";
  out << "server       " << server_.binary << " (pid " << server_.pid << "), store "
      << server_.data_dir << " on " << server_.file_system << "\n";
  out << "limits       open files " << server_.open_file_limit << " per process; "
      << sources_.size() << " loopback source address(es); " << options_.connect_burst
      << " handshakes in flight at most\n";
  out << "setup        " << options_.meetings - setup_.failed_meetings << " of "
      << options_.meetings << " meetings created over HTTP in " << fixed(http_seconds_, 2) << " s ("
      << setup_.requests << " requests, " << setup_.retries << " retries); " << ready
      << " connected and walked to the question rounds in " << fixed(connect_seconds_, 2) << " s"
      << (setup_timed_out_ ? " (setup timeout reached)" : "") << "\n";
  for (const auto& [what, n] : setup_.failures)
    out << "               http: " << n << " x " << what << "\n";
  for (const auto& [code, n] : stats_.setup_error_codes)
    out << "               setup command refused: " << n << " x " << code << "\n";
  out << "connections  " << connected_at_idle_ << " of " << clients
      << " established and open at idle (" << connections.attempts << " attempts, "
      << connections.retries << " retries, " << connections.given_up << " given up, "
      << connections.dropped << " dropped later)\n";
  for (const auto& [what, n] : connections.failures)
    out << "               " << n << " x " << what << "\n";
  const double per_second =
      window_.seconds > 0 ? static_cast<double>(commands.acked) / window_.seconds : 0;
  const double planned = static_cast<double>(ready) / options_.interval_seconds();
  out << "commands     " << commands.sent << " sent, " << commands.acked << " acked, "
      << commands.delivered << " delivered to all, " << commands.refused << " refused, "
      << commands.timed_out << " timed out, " << commands.late << " late; " << fixed(per_second, 1)
      << " acked/s (planned " << fixed(planned, 1) << "/s)\n";
  for (const auto& [code, n] : commands.error_codes)
    out << "               error: " << n << " x " << code << "\n";
  out << "messages     " << commands.events_received << " "
      << (options_.rooms ? "commands" : options_.stream) << " received by the clients ("
      << fixed(window_.seconds > 0 ? static_cast<double>(commands.events_received) / window_.seconds
                                   : 0,
               1)
      << "/s)\n";
  out << "window       measured from unix time " << fixed(window_.start_unix, 3) << " to "
      << fixed(window_.end_unix, 3) << "\n";
  out << "latency      sent -> all 8 have the event: p50 " << fixed(delivered.percentile_ms(0.5))
      << " ms  p99 " << fixed(delivered.percentile_ms(0.99)) << " ms  p999 "
      << fixed(delivered.percentile_ms(0.999)) << " ms  max " << fixed(delivered.max_ms())
      << " ms  (" << delivered.size() << " samples)\n";
  out << "             sent -> ack (durable):      p50 " << fixed(acked.percentile_ms(0.5))
      << " ms  p99 " << fixed(acked.percentile_ms(0.99)) << " ms  p999 "
      << fixed(acked.percentile_ms(0.999)) << " ms  max " << fixed(acked.max_ms()) << " ms\n";
  if (server_empty_.valid) {
    out << "server RSS   empty " << fixed(mib(server_empty_.rss_kib), 1)
        << " MiB; sessions created " << fixed(mib(server_sessions_.rss_kib), 1)
        << " MiB; idle with " << connected_at_idle_ << " connected "
        << fixed(mib(server_idle_.rss_kib), 1) << " MiB; under load "
        << fixed(mib(window_.server_end.rss_kib), 1) << " MiB (peak "
        << fixed(mib(window_.server_peak_kib), 1) << " MiB)\n";
    out << "per client   " << per_connection(server_idle_, server_empty_, connected_at_idle_)
        << " per idle connection (idle - empty: with its share of the session); "
        << per_connection(server_idle_, server_sessions_, connected_at_idle_)
        << " for the connection alone (idle - sessions created); "
        << per_connection(window_.server_end, server_empty_, connected_at_idle_) << " under load\n";
    out << "CPU          server "
        << cpu_share(window_.server_end, window_.server_start, window_.seconds)
        << " of one core while measured; load tool "
        << cpu_share(window_.tool_end, window_.tool_start, window_.seconds) << "\n";
  } else {
    out << "server RSS   not known (give --server-pid with --port)\n";
  }
  out << "load tool    RSS " << fixed(mib(tool_idle_.rss_kib), 1) << " MiB at idle\n";
  out << "machine      " << std::thread::hardware_concurrency()
      << " cores shared by server, load tool and anything else; load average "
      << window_.load_average_start << " at the start of the measured window, "
      << window_.load_average_end << " at its end\n";

  const bool scale = connected_at_idle_ >= 50'000;
  const bool fast = delivered.size() > 0 && delivered.percentile_ms(0.99) <= 20.0 &&
                    options_.pace >= 10.0 && commands.timed_out == 0;
  // Below a thousand connections the server's fixed costs (allocator arenas, buffers) dwarf
  // what one connection costs.
  std::string small = "n/a";
  if (connected_at_idle_ < 1000)
    small = "not meaningful below 1,000 connections";
  else if (server_idle_.valid && server_empty_.valid)
    small = static_cast<double>(server_idle_.rss_kib -
                                std::min(server_idle_.rss_kib, server_empty_.rss_kib)) /
                        static_cast<double>(connected_at_idle_) <=
                    16.0
                ? "met"
                : "missed";
  if (commands.sent > 0 && commands.late * 100 > commands.sent)
    out << "saturated    " << commands.late << " of " << commands.sent
        << " commands went out late (the previous one of their meeting was still open): the "
           "server, or this machine, cannot keep this pace; latencies are from the actual send\n";
  out << "budget       50,000 connections: " << (scale ? "met" : "missed") << " ("
      << connected_at_idle_ << "); p99 <= 20 ms at 10x pace: " << (fast ? "met" : "missed")
      << "; <= 16 KiB per idle connection: " << small << "\n";
  if (hostile_)
    print_hostile_report(out);
}

} // namespace intervisie::load

namespace intervisie::load {

void LoadRun::write_latencies(const std::string& path) const {
  std::ofstream out(path);
  for (const std::uint64_t us : stats_.delivered.microseconds())
    out << "delivered " << us << "\n";
  for (const std::uint64_t us : stats_.acked.microseconds())
    out << "acked " << us << "\n";
  if (!out)
    throw std::runtime_error("cannot write the latencies to " + path);
}

} // namespace intervisie::load
