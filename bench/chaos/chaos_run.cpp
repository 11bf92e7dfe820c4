// SPDX-License-Identifier: EUPL-1.2
#include "chaos_run.hpp"

#include "chaos_meeting.hpp"
#include "load/http_connection.hpp"
#include "load/server_process.hpp"
#include "meeting_setup.hpp"
#include "store_check.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

namespace intervisie::chaos {
namespace {

namespace asio = boost::asio;
using namespace std::chrono_literals;

class ChaosRun {
public:
  ChaosRun(const ChaosOptions& options, const std::filesystem::path& data_dir)
      : options_(options), data_dir_(data_dir), random_(options.seed) {
    result_.server_log = data_dir_.parent_path() / (data_dir_.filename().string() + ".log");
    interval_ = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(10.0 / options.pace));
  }

  ChaosResult run() {
    const auto began = Clock::now();
    load::raise_open_file_limit();
    if (!start_server(0))
      return std::move(result_);
    server_endpoint_ = {asio::ip::address_v4::loopback(), server_->port()};
    began_ = began;
    result_.idle_at_start = sample(0);
    for (std::size_t place = 0; place < options_.meetings; ++place)
      asio::co_spawn(io_, keep_a_meeting_going(), asio::detached);
    asio::co_spawn(io_, tick(), asio::detached);
    asio::co_spawn(io_, kill_again_and_again(), asio::detached);
    asio::co_spawn(io_, sample_the_server(), asio::detached);
    io_.run();
    if (server_)
      server_->stop();
    meetings_.clear(); // their clients are closed; the io_context still owns their sockets' service
    result_.seconds = std::chrono::duration<double>(Clock::now() - began).count();
    return std::move(result_);
  }

private:
  bool start_server(std::uint16_t port) {
    load::ServerLaunch launch;
    launch.binary = options_.server_path;
    launch.data_dir = data_dir_;
    launch.port = port;
    launch.log_file = result_.server_log;
    // The port was the dead server's a moment ago: the kernel may hold it briefly.
    for (int attempt = 0; attempt < 50; ++attempt) {
      auto started = load::ServerProcess::start(launch);
      if (started) {
        server_ = std::move(*started);
        return true;
      }
      if (attempt == 49) {
        ++result_.figures.server_start_failures;
        result_.figures.fail("the server did not start: " + started.error());
      }
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }

  // One place at the table: a meeting runs there, and when it is over (and kills are still to
  // come) the next one starts.
  asio::awaitable<void> keep_a_meeting_going() {
    load::HttpConnection connection(co_await asio::this_coro::executor, server_endpoint_);
    asio::steady_timer wait(co_await asio::this_coro::executor);
    ++places_busy_;
    while (!stopping_new_meetings_ && !aborted_) {
      const auto number = static_cast<std::uint32_t>(next_number_++);
      const std::string method = options_.methods[number % options_.methods.size()];
      auto setup =
          co_await create_meeting(connection, method, number, result_.figures, requests_in_flight_);
      // The server closes a keep-alive connection after 30 s idle, and a meeting lasts longer:
      // the next creation opens a fresh one rather than finding this one closed.
      connection.close();
      if (!setup) {
        wait.expires_after(1s);
        co_await wait.async_wait(asio::use_awaitable);
        continue;
      }
      // Half of the incident meetings reframe, and so go through the question rounds twice.
      const bool reframe = (number / options_.methods.size()) % 2 == 0;
      auto meeting = std::make_unique<ChaosMeeting>(
          io_, server_endpoint_, number, std::move(*setup), reframe, interval_, result_.figures);
      ChaosMeeting& current = *meeting;
      meetings_.push_back(std::move(meeting));
      current.start(Clock::now());
      while (!current.over()) {
        wait.expires_after(100ms);
        co_await wait.async_wait(asio::use_awaitable);
      }
    }
    connection.close();
    --places_busy_;
  }

  asio::awaitable<void> tick() {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    const auto patience = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(options_.patience_seconds));
    while (places_busy_ > 0 || !stopping_new_meetings_) {
      const auto now = Clock::now();
      for (auto& meeting : meetings_)
        meeting->tick(now, patience);
      timer.expires_after(20ms);
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  asio::awaitable<void> kill_again_and_again() {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    std::uniform_real_distribution<double> gap(options_.kill_gap_min_seconds,
                                               options_.kill_gap_max_seconds);
    std::uniform_real_distribution<double> soon(0.0, 0.3);
    for (std::size_t kill = 0; kill < options_.kills; ++kill) {
      const Aim aim =
          aims[std::uniform_int_distribution<std::size_t>(0, std::size(aims) - 1)(random_)];
      const double wait = aim == Aim::resumes ? soon(random_) : gap(random_);
      timer.expires_after(
          std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait)));
      co_await timer.async_wait(asio::use_awaitable);
      ++result_.figures.kills_aimed[std::string(name_of(aim))];
      if (co_await wait_for(aim))
        ++result_.figures.kills_aimed_and_met[std::string(name_of(aim))];
      note_what_is_interrupted();
      server_->kill_now();
      server_.reset();
      const auto killed_at = Clock::now();
      result_.figures.last_kill = killed_at;
      for (auto& meeting : meetings_)
        meeting->server_killed();
      ++result_.figures.kills;

      const StoreCheck check = check_crash_image(
          data_dir_, data_dir_.parent_path() / (data_dir_.filename().string() + ".check"));
      ++result_.figures.integrity_checks;
      result_.largest_log_bytes = std::max(result_.largest_log_bytes, check.log_bytes);
      if (!check.ok) {
        ++result_.figures.integrity_failures;
        result_.figures.fail("after kill " + std::to_string(kill + 1) + ": " + check.problem);
      } else {
        result_.store_sessions = check.sessions;
        result_.store_events = check.events;
      }
      const auto checked_at = Clock::now();
      result_.restarts.check.push_back(
          std::chrono::duration<double, std::milli>(checked_at - killed_at).count());
      if (!start_server(server_endpoint_.port())) {
        aborted_ = true;
        for (auto& meeting : meetings_)
          meeting->tick(Clock::now(), 0s);
        break;
      }
      result_.restarts.start.push_back(
          std::chrono::duration<double, std::milli>(Clock::now() - checked_at).count());
      if ((kill + 1) % 10 == 0)
        std::cerr << "intervisie_chaos: " << kill + 1 << " kills, "
                  << result_.figures.meetings_finished << " meetings finished\n";
    }
    const auto until = began_ + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(options_.duration_seconds));
    if (!aborted_ && Clock::now() < until) {
      timer.expires_at(until);
      co_await timer.async_wait(asio::use_awaitable);
    }
    stopping_new_meetings_ = true;
  }

  ServerSample sample(std::uint64_t running) {
    ServerSample sample;
    sample.at_seconds = std::chrono::duration<double>(Clock::now() - began_).count();
    sample.meetings_running = running;
    sample.meetings_finished = result_.figures.meetings_finished;
    if (!server_)
      return sample;
    const load::ProcessSample process = load::sample_process(server_->pid());
    sample.rss_kib = process.rss_kib;
    std::error_code error;
    const std::filesystem::path proc = "/proc/" + std::to_string(server_->pid());
    for (auto it = std::filesystem::directory_iterator(proc / "fd", error);
         !error && it != std::filesystem::directory_iterator(); it.increment(error))
      ++sample.descriptors;
    std::ifstream status(proc / "status");
    for (std::string line; std::getline(status, line);)
      if (line.starts_with("Threads:"))
        sample.threads = std::stoull(line.substr(8));
    sample.sessions_in_memory = sessions_in_memory();
    return sample;
  }

  // The server logs "N unused sessions left memory; M are in memory" whenever its eviction
  // frees some: the last M it wrote.
  std::int64_t sessions_in_memory() {
    std::ifstream log(result_.server_log);
    log.seekg(static_cast<std::streamoff>(log_read_), std::ios::beg);
    constexpr std::string_view marker = "unused sessions left memory; ";
    for (std::string line; std::getline(log, line);) {
      log_read_ += line.size() + 1;
      if (const auto at = line.find(marker); at != std::string::npos)
        last_in_memory_ = std::stoll(line.substr(at + marker.size()));
    }
    return last_in_memory_;
  }

  asio::awaitable<void> sample_the_server() {
    asio::steady_timer timer(co_await asio::this_coro::executor);
    const auto every = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(options_.sample_every_seconds));
    auto next = Clock::now() + every;
    while (places_busy_ > 0 || !stopping_new_meetings_) {
      timer.expires_at(next);
      co_await timer.async_wait(asio::use_awaitable);
      next += every;
      const auto running = static_cast<std::uint64_t>(
          std::ranges::count_if(meetings_, [](const auto& meeting) { return !meeting->over(); }));
      result_.samples.push_back(sample(running));
    }
    // Everyone has left: the connections are closed; then the server's eviction (finished
    // sessions leave memory after a minute unused, checked every half minute) has its turn.
    if (options_.duration_seconds > 0 && !aborted_) {
      timer.expires_after(100s);
      co_await timer.async_wait(asio::use_awaitable);
      result_.idle_at_end = sample(0);
    }
  }

  // What a kill is aimed at. Half of them come at a random moment; the others wait (at most 5 s)
  // for a moment that random timing would seldom hit.
  enum class Aim {
    random,     // whenever the gap ends
    commit,     // a command sent, its ack not yet back: deciding, appending, syncing, broadcasting
    checkpoint, // the checkpointer writing the log into intervisie.db (its mtime changes)
    joins,      // a session being created or joined over HTTP
    resumes,    // within 0.3 s of a restart: clients reconnecting, replays with `since` being sent
  };
  static constexpr Aim aims[] = {Aim::random, Aim::random, Aim::random, Aim::random,
                                 Aim::random, Aim::commit, Aim::commit, Aim::checkpoint,
                                 Aim::joins,  Aim::resumes};

  static std::string_view name_of(Aim aim) {
    switch (aim) {
    case Aim::random:
      return "at a random moment";
    case Aim::commit:
      return "between a command and its ack";
    case Aim::checkpoint:
      return "while the log is copied into the database";
    case Aim::joins:
      return "during a creation or a join";
    case Aim::resumes:
      return "while clients resume after a restart";
    }
    return "";
  }

  bool aim_met(Aim aim, const std::filesystem::file_time_type& database_written) const {
    switch (aim) {
    case Aim::random:
      return true;
    case Aim::commit:
      return std::ranges::any_of(
          meetings_, [](const auto& meeting) { return meeting->activity().command_in_flight; });
    case Aim::checkpoint: {
      std::error_code error;
      const auto written = std::filesystem::last_write_time(data_dir_ / "intervisie.db", error);
      return !error && written != database_written;
    }
    case Aim::joins:
      return requests_in_flight_ > 0;
    case Aim::resumes:
      return std::ranges::any_of(
          meetings_, [](const auto& meeting) { return meeting->activity().reconnecting; });
    }
    return true;
  }

  // Polls every half millisecond until the aim is met; false after 5 s without.
  asio::awaitable<bool> wait_for(Aim aim) {
    asio::steady_timer poll(co_await asio::this_coro::executor);
    std::error_code error;
    const auto database_written =
        std::filesystem::last_write_time(data_dir_ / "intervisie.db", error);
    const auto deadline = Clock::now() + 5s;
    while (!aim_met(aim, database_written)) {
      if (Clock::now() > deadline)
        co_return false;
      poll.expires_after(500us);
      co_await poll.async_wait(asio::use_awaitable);
    }
    co_return true;
  }

  void note_what_is_interrupted() {
    ChaosFigures& figures = result_.figures;
    std::uint64_t commands = 0;
    bool reconnecting = false;
    bool reading = false;
    for (const auto& meeting : meetings_) {
      const MeetingActivity activity = meeting->activity();
      commands += activity.command_in_flight ? 1 : 0;
      reconnecting = reconnecting || activity.reconnecting;
      reading = reading || activity.reading_history;
    }
    figures.commands_in_flight_at_kills += commands;
    figures.kills_with_commands_in_flight += commands > 0 ? 1 : 0;
    figures.kills_during_http += requests_in_flight_ > 0 ? 1 : 0;
    figures.kills_during_reconnects += reconnecting ? 1 : 0;
    figures.kills_during_final_reads += reading ? 1 : 0;
  }

  const ChaosOptions& options_;
  std::filesystem::path data_dir_;
  std::mt19937 random_;
  Clock::duration interval_{};
  asio::io_context io_;
  std::unique_ptr<load::ServerProcess> server_;
  asio::ip::tcp::endpoint server_endpoint_;
  std::vector<std::unique_ptr<ChaosMeeting>> meetings_;
  std::size_t next_number_ = 0;
  std::size_t places_busy_ = 0;
  std::uint32_t requests_in_flight_ = 0;
  bool stopping_new_meetings_ = false;
  bool aborted_ = false;
  ChaosResult result_;
  Clock::time_point began_{};
  std::size_t log_read_ = 0;
  std::int64_t last_in_memory_ = -1;
};

} // namespace

ChaosResult run_chaos(const ChaosOptions& options, const std::filesystem::path& data_dir) {
  return ChaosRun(options, data_dir).run();
}

} // namespace intervisie::chaos
