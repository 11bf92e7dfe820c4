// SPDX-License-Identifier: EUPL-1.2
#include "hostile_run.hpp"

#include "descriptors.hpp"
#include "half_open.hpp"
#include "oversized.hpp"
#include "report_text.hpp"
#include "server_process.hpp"
#include "slow_reader.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <cstdio>
#include <random>
#include <stdexcept>

namespace intervisie::load {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

// Seven connections of a place, of the eight the server allows: the eighth is room for a
// client that comes back before the server has let go of its last connection.
constexpr std::size_t per_place = 7;
constexpr std::size_t per_session = per_place * clients_per_meeting;
// Clients started per tick of 50 ms: a thousand a second.
constexpr std::size_t launch_per_tick = 50;
constexpr auto launch_tick = 50ms;

std::string mebibytes(std::uint64_t kib) {
  return fixed(mib(kib), 1);
}

std::string count_or_na(const std::optional<std::uint64_t>& value) {
  return value ? std::to_string(*value) : "n/a";
}

// "41.2 s" or "3.1 ms"
std::string duration(double ms) {
  return ms >= 1000 ? fixed(ms / 1000, 1) + " s" : fixed(ms, 1) + " ms";
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() < width)
    text.append(width - text.size(), ' ');
  return text;
}

std::size_t sessions_for(std::size_t connections) {
  return (connections + per_session - 1) / per_session;
}

} // namespace

HostileRun::HostileRun(const LoadOptions& options, const asio::ip::tcp::endpoint& server,
                       pid_t server_pid)
    : options_(options), server_pid_(server_pid), work_(io_.get_executor()),
      context_(io_, server, options.hostile_pause_seconds), launcher_(io_), sampler_(io_) {}

HostileRun::~HostileRun() {
  stop();
}

void HostileRun::start() {
  started_at_ = Clock::now();
  asio::co_spawn(io_, run(), [this](std::exception_ptr failure) {
    if (failure) {
      failure_ = failure;
      failed_ = true;
    }
  });
  thread_ = std::thread([this] { io_.run(); });
}

void HostileRun::stop() {
  if (!thread_.joinable())
    return;
  asio::post(io_, [this] {
    context_.stopping = true;
    for (auto& client : clients_)
      client->stop();
    for (auto& meeting : busy_)
      meeting.stop();
    launcher_.cancel();
    sampler_.cancel();
    io_.stop(); // what is still pending (a busy meeting's socket) ends with the io_context
  });
  thread_.join();
}

std::string HostileRun::live_target(const MeetingSeed& seed, std::size_t place) const {
  return "/api/sessions/" + seed.session_id + "/live?token=" + seed.people[place].token +
         "&stream=" + options_.stream;
}

asio::awaitable<void> HostileRun::run() {
  // Which clients need a participant's token: the slow readers (busy meetings), the silent
  // upgrades and the oversized WebSocket messages (quiet sessions).
  std::vector<HalfOpen::Variant> half_open;
  std::vector<Oversized::Variant> oversized;
  std::size_t quiet_connections = 0;
  for (std::size_t i = 0; i < options_.half_open; ++i) {
    half_open.push_back(HalfOpen::variants[i % std::size(HalfOpen::variants)]);
    quiet_connections += half_open.back() == HalfOpen::Variant::silent_after_upgrade;
  }
  for (std::size_t i = 0; i < options_.oversized; ++i) {
    oversized.push_back(Oversized::variants[i % std::size(Oversized::variants)]);
    quiet_connections += Oversized::is_websocket(oversized.back());
  }
  busy_sessions_ = sessions_for(options_.slow_readers);
  quiet_sessions_ = sessions_for(quiet_connections);
  std::vector<MeetingSeed> seeds(busy_sessions_ + quiet_sessions_);
  co_await create_meetings(context_.server, seeds, options_.setup_concurrency, setup_);
  std::vector<const MeetingSeed*> busy, quiet;
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    if (seeds[i].complete)
      (i < busy_sessions_ ? busy : quiet).push_back(&seeds[i]);
  }
  sessions_created_ = busy.size() + quiet.size();
  if ((busy_sessions_ > 0 && busy.empty()) || (quiet_sessions_ > 0 && quiet.empty()))
    throw std::runtime_error("the hostile clients' sessions could not be created");

  // Connection i of a kind takes place i % 8 of session i / 56: seven to a place.
  const auto target_in = [this](const std::vector<const MeetingSeed*>& sessions, std::size_t i) {
    const MeetingSeed& seed = *sessions[(i / per_session) % sessions.size()];
    return live_target(seed, i % clients_per_meeting);
  };
  for (const MeetingSeed* seed : busy)
    busy_.emplace_back(context_, live_target(*seed, 0), options_.slow_pace, busy_counts_);
  for (auto& meeting : busy_)
    meeting.start();

  if (options_.slow_readers > 0)
    context_.tally(SlowReader::kind).expected = "dropped: 512 messages waiting";
  for (std::size_t i = 0; i < options_.slow_readers; ++i)
    clients_.push_back(std::make_unique<SlowReader>(context_, target_in(busy, i)));
  std::size_t quiet_used = 0;
  for (const HalfOpen::Variant variant : half_open) {
    context_.tally(HalfOpen::kind_of(variant)).expected = HalfOpen::expected_of(variant);
    std::string target;
    if (variant == HalfOpen::Variant::silent_after_upgrade)
      target = target_in(quiet, quiet_used++);
    clients_.push_back(std::make_unique<HalfOpen>(context_, variant, std::move(target)));
  }
  for (const Oversized::Variant variant : oversized) {
    context_.tally(Oversized::kind_of(variant)).expected = Oversized::expected_of(variant);
    std::string target;
    if (Oversized::is_websocket(variant))
      target = target_in(quiet, quiet_used++);
    clients_.push_back(std::make_unique<Oversized>(context_, variant, std::move(target)));
  }
  // Mixed, so every kind is in place at about the same moment.
  std::mt19937_64 random(options_.seed);
  std::ranges::shuffle(clients_, random);
  sample();
  launch_more();
}

void HostileRun::launch_more() {
  const std::size_t end = std::min(clients_.size(), launched_ + launch_per_tick);
  for (; launched_ < end; ++launched_)
    clients_[launched_]->start();
  if (launched_ == clients_.size()) {
    ready_ = true;
    return;
  }
  launcher_.expires_after(launch_tick);
  launcher_.async_wait([this](const boost::system::error_code& error) {
    if (!error && !context_.stopping)
      launch_more();
  });
}

void HostileRun::sample() {
  HostileSample now;
  now.seconds = std::chrono::duration<double>(Clock::now() - started_at_).count();
  now.server_rss_kib = sample_process(server_pid_).rss_kib;
  now.server_descriptors = count_descriptors(server_pid_);
  now.kernel_tcp_kib = kernel_tcp_kib();
  for (const auto& [kind, tally] : context_.tallies)
    now.hostile_open += tally.open;
  samples_.push_back(now);
  sampler_.expires_after(1s);
  sampler_.async_wait([this](const boost::system::error_code& error) {
    if (!error && !context_.stopping)
      sample();
  });
}

void HostileRun::print_report(std::ostream& out, const Slowest& slowest) {
  if (failure_) {
    try {
      std::rethrow_exception(failure_);
    } catch (const std::exception& error) {
      out << "hostile      failed: " << error.what() << "\n";
    }
  }
  out << "hostile      " << options_.slow_readers << " slow readers in " << busy_sessions_
      << " busy meetings (" << fixed(options_.slow_pace, 1) << " commands/s each), "
      << options_.half_open << " half-open, " << options_.oversized
      << " oversized; each tries again " << fixed(options_.hostile_pause_seconds, 1)
      << " s (give or take half) after its connection ended; " << sessions_created_ << " of "
      << busy_sessions_ + quiet_sessions_ << " sessions created for them\n";
  for (const auto& [what, n] : setup_.failures)
    out << "               http: " << n << " x " << what << "\n";
  out << "busy         " << busy_counts_.sent << " commands sent, " << busy_counts_.acked
      << " acked, " << busy_counts_.skipped << " skipped (previous still open), "
      << busy_counts_.reconnects << " reconnects of their facilitators\n";
  for (const auto& [code, n] : busy_counts_.error_codes)
    out << "               error: " << n << " x " << code << "\n";

  out << "by kind      (answered: the server said no or ended its side; released: it closed its "
         "socket, seen within 0.25 s, 2 s for slow readers)\n";
  out << "  " << pad("kind", 36) << pad("expected", 42) << pad("opened", 8) << pad("answered", 9)
      << pad("released", 9) << pad("open at end", 12) << pad("answered after p50 / max", 26)
      << "released after p50 / p99 / max\n";
  for (auto& [kind, tally] : context_.tallies) {
    LatencySamples& answered = tally.answered_after;
    LatencySamples& released = tally.released_after;
    const std::uint64_t opened = tally.attempts - tally.connect_failures;
    out << "  " << pad(kind, 36) << pad(tally.expected, 42) << pad(std::to_string(opened), 8)
        << pad(std::to_string(tally.answered), 9) << pad(std::to_string(tally.released), 9)
        << pad(std::to_string(tally.open_at_stop), 12)
        << pad(answered.size()
                   ? duration(answered.percentile_ms(0.5)) + " / " + duration(answered.max_ms())
                   : "-",
               26)
        << (released.size()
                ? duration(released.percentile_ms(0.5)) + " / " +
                      duration(released.percentile_ms(0.99)) + " / " + duration(released.max_ms())
                : "-")
        << "\n";
    std::string seen;
    for (const auto& [verdict, n] : tally.verdicts)
      seen += (seen.empty() ? "" : ", ") + std::to_string(n) + " x " + verdict;
    if (tally.unread_bytes > 0 && tally.released > 0)
      seen += "; " +
              fixed(static_cast<double>(tally.unread_bytes) / 1024.0 /
                        static_cast<double>(tally.released),
                    1) +
              " KiB unread in the client's own buffer when dropped, on average";
    if (!seen.empty())
      out << "  " << pad("", 36) << "saw: " << seen << "\n";
  }

  if (samples_.empty())
    return;
  // About twenty rows, and the peak.
  const std::size_t step = std::max<std::size_t>(1, samples_.size() / 20);
  const auto peak = std::ranges::max_element(samples_, {}, &HostileSample::server_rss_kib);
  out << "timeline     t (s)   server RSS (MiB)   descriptors   hostile open   kernel TCP (MiB)   "
         "meetings' slowest delivery since the row before (ms)\n";
  double previous = 0;
  for (std::size_t i = 0; i < samples_.size(); ++i) {
    const HostileSample& s = samples_[i];
    const bool is_peak = &s == &*peak;
    if (i % step != 0 && i + 1 != samples_.size() && !is_peak)
      continue;
    const auto slowest_here = slowest(previous, s.seconds);
    previous = s.seconds;
    out << "             " << pad(fixed(s.seconds, 0), 8) << pad(mebibytes(s.server_rss_kib), 19)
        << pad(count_or_na(s.server_descriptors), 14) << pad(std::to_string(s.hostile_open), 15)
        << pad(s.kernel_tcp_kib ? mebibytes(*s.kernel_tcp_kib) : "n/a", 19)
        << (slowest_here ? fixed(*slowest_here, 0) : "-") << (is_peak ? "   (peak RSS)" : "")
        << "\n";
  }
}

} // namespace intervisie::load
