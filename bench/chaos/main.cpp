// SPDX-License-Identifier: EUPL-1.2
// intervisie_chaos: whole meetings under repeated kill -9 (bench/chaos/README.md). Prints what
// it counted; exits 1 when anything acknowledged was lost, duplicated or changed, a meeting could
// not finish, or the store failed a check.
#include "autopilot.hpp"
#include "chaos_run.hpp"
#include "load/server_process.hpp"

#include "store/method_directory.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace intervisie;
using namespace intervisie::chaos;

fs::path beside_this_program(const std::string& name) {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  return error ? fs::path("build") / name : self.parent_path() / name;
}

double percentile(std::vector<double> values, double p) {
  if (values.empty())
    return 0;
  std::ranges::sort(values);
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

// Lines of the server's log at error level or worse, apart from the appends that failed because
// the kill came in the middle of them.
std::vector<std::string> server_errors(const fs::path& log) {
  std::ifstream in(log);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (line.find("[error]") != std::string::npos || line.find("[critical]") != std::string::npos)
      lines.push_back(line);
  return lines;
}

// Least-squares slope of RSS over time, in KiB per minute.
double rss_slope(const std::vector<ServerSample>& samples) {
  if (samples.size() < 2)
    return 0;
  double mean_t = 0;
  double mean_r = 0;
  for (const ServerSample& s : samples) {
    mean_t += s.at_seconds / 60;
    mean_r += static_cast<double>(s.rss_kib);
  }
  mean_t /= static_cast<double>(samples.size());
  mean_r /= static_cast<double>(samples.size());
  double covariance = 0;
  double variance = 0;
  for (const ServerSample& s : samples) {
    covariance += (s.at_seconds / 60 - mean_t) * (static_cast<double>(s.rss_kib) - mean_r);
    variance += (s.at_seconds / 60 - mean_t) * (s.at_seconds / 60 - mean_t);
  }
  return variance > 0 ? covariance / variance : 0;
}

std::string in_memory(std::int64_t count) {
  return count < 0 ? std::string("-") : std::to_string(count);
}

void print_sample(const char* label, const ServerSample& s) {
  std::printf("  %-10s %7.0f s  RSS %7.1f MiB  fds %5llu  threads %3llu  sessions in memory %5s"
              "  meetings running %4llu, finished %6llu\n",
              label, s.at_seconds, static_cast<double>(s.rss_kib) / 1024.0,
              static_cast<unsigned long long>(s.descriptors),
              static_cast<unsigned long long>(s.threads), in_memory(s.sessions_in_memory).c_str(),
              static_cast<unsigned long long>(s.meetings_running),
              static_cast<unsigned long long>(s.meetings_finished));
}

// The soak's view: the server's memory, descriptors, threads and sessions in memory over the
// run, and once everyone has gone.
void report_server_over_time(const ChaosOptions& options, const ChaosResult& result) {
  const auto& samples = result.samples;
  if (samples.empty())
    return;
  std::printf("server over time (every %g s; %zu samples, shown at most 13):\n",
              options.sample_every_seconds, samples.size());
  if (result.idle_at_start)
    print_sample("empty", *result.idle_at_start);
  const std::size_t step = std::max<std::size_t>(1, samples.size() / 12);
  for (std::size_t i = 0; i < samples.size(); i += step)
    print_sample("", samples[i]);
  print_sample("last", samples.back());
  if (result.idle_at_end)
    print_sample("all gone", *result.idle_at_end);
  // After the warm-up: the first sixth of the run, at least one sample.
  const double warmup = result.seconds / 6;
  std::vector<ServerSample> after;
  for (const ServerSample& s : samples)
    if (s.at_seconds >= warmup && s.meetings_running > 0)
      after.push_back(s);
  if (after.size() >= 2) {
    std::uint64_t low = after.front().rss_kib;
    std::uint64_t high = low;
    for (const ServerSample& s : after) {
      low = std::min(low, s.rss_kib);
      high = std::max(high, s.rss_kib);
    }
    std::printf(
        "RSS after warm-up  from %.1f MiB (at %.0f s) to %.1f MiB (at %.0f s); lowest %.1f, "
        "highest %.1f MiB; trend %+.1f KiB per minute\n",
        static_cast<double>(after.front().rss_kib) / 1024.0, after.front().at_seconds,
        static_cast<double>(after.back().rss_kib) / 1024.0, after.back().at_seconds,
        static_cast<double>(low) / 1024.0, static_cast<double>(high) / 1024.0, rss_slope(after));
  }
  if (result.idle_at_start && result.idle_at_end)
    std::printf(
        "descriptors        %llu with nobody connected at the start, %llu once everyone had "
        "gone; threads %llu and %llu\n",
        static_cast<unsigned long long>(result.idle_at_start->descriptors),
        static_cast<unsigned long long>(result.idle_at_end->descriptors),
        static_cast<unsigned long long>(result.idle_at_start->threads),
        static_cast<unsigned long long>(result.idle_at_end->threads));
  std::int64_t most = -1;
  for (const ServerSample& s : samples)
    most = std::max(most, s.sessions_in_memory);
  std::printf("sessions in memory at most %s while meetings ran; %s once everyone had gone\n",
              in_memory(most).c_str(),
              result.idle_at_end ? in_memory(result.idle_at_end->sessions_in_memory).c_str() : "-");
}

void report(const ChaosOptions& options, const ChaosResult& result,
            const std::vector<std::string>& autopilot) {
  const ChaosFigures& f = result.figures;
  std::printf(
      "intervisie_chaos: %zu meetings at once at %g× human pace; %zu kills (SIGKILL), "
      "%g–%g s apart; store on %s\n",
      options.meetings, options.pace, options.kills, options.kill_gap_min_seconds,
      options.kill_gap_max_seconds,
      load::file_system_of(options.data_dir.empty() ? fs::temp_directory_path() : options.data_dir)
          .c_str());
  for (const std::string& line : autopilot)
    std::printf("  autopilot checked against the engine: %s\n", line.c_str());
  std::printf("run                %.0f s\n", result.seconds);
  std::printf("meetings           %llu started, %llu finished and checked against the store\n",
              static_cast<unsigned long long>(f.meetings_started),
              static_cast<unsigned long long>(f.meetings_finished));
  std::printf("commands           %llu sent, %llu acknowledged; unanswered, their connection "
              "ended (decided again after the resume): %llu sent before a kill, %llu after it "
              "before the client saw its connection end\n",
              static_cast<unsigned long long>(f.commands_sent),
              static_cast<unsigned long long>(f.commands_acked),
              static_cast<unsigned long long>(f.commands_unanswered),
              static_cast<unsigned long long>(f.commands_into_dead));
  std::string refusals;
  for (const auto& [code, count] : f.refusals)
    refusals += " " + code + "×" + std::to_string(count);
  std::printf("refused            %s\n", refusals.empty() ? " none" : refusals.c_str());
  std::printf("events             %llu received live or on resume; %llu resumes with since\n",
              static_cast<unsigned long long>(f.events_received),
              static_cast<unsigned long long>(f.resumes));
  std::printf("HTTP               %llu requests sent again after a broken connection; %llu people "
              "in a session without their client (a join done, its answer lost)\n",
              static_cast<unsigned long long>(f.http_retries),
              static_cast<unsigned long long>(f.people_away_for_good));
  for (const auto& [aim, count] : f.kills_aimed) {
    const auto met = f.kills_aimed_and_met.find(aim);
    std::printf(
        "  kills aimed      %s: %llu (aim met: %llu)\n", aim.c_str(),
        static_cast<unsigned long long>(count),
        static_cast<unsigned long long>(met == f.kills_aimed_and_met.end() ? 0 : met->second));
  }
  std::printf("kills              %llu: %llu with commands in flight (%llu commands), %llu during "
              "session creation or joins, %llu during reconnects, %llu during final reads\n",
              static_cast<unsigned long long>(f.kills),
              static_cast<unsigned long long>(f.kills_with_commands_in_flight),
              static_cast<unsigned long long>(f.commands_in_flight_at_kills),
              static_cast<unsigned long long>(f.kills_during_http),
              static_cast<unsigned long long>(f.kills_during_reconnects),
              static_cast<unsigned long long>(f.kills_during_final_reads));
  std::printf("restart            start → listening again (unfinished sessions restored): p50 "
              "%.0f ms, p99 %.0f ms, max %.0f ms; the store check before it: p50 %.0f ms\n",
              percentile(result.restarts.start, 0.5), percentile(result.restarts.start, 0.99),
              percentile(result.restarts.start, 1.0), percentile(result.restarts.check, 0.5));
  std::printf("store              %llu integrity checks of what a kill left (%llu failed); at the "
              "last: %llu sessions, %llu events; largest log at a kill %.1f MiB\n",
              static_cast<unsigned long long>(f.integrity_checks),
              static_cast<unsigned long long>(f.integrity_failures),
              static_cast<unsigned long long>(result.store_sessions),
              static_cast<unsigned long long>(result.store_events),
              static_cast<double>(result.largest_log_bytes) / (1024.0 * 1024.0));
  std::printf("lost               %llu acknowledged events, %llu events a client had received\n",
              static_cast<unsigned long long>(f.acked_events_lost),
              static_cast<unsigned long long>(f.seen_events_lost));
  std::printf("duplicates         %llu\n", static_cast<unsigned long long>(f.duplicates));
  std::printf("diverged           %llu (a seq with two different events)\n",
              static_cast<unsigned long long>(f.diverged));
  std::printf("unreadable         %llu\n", static_cast<unsigned long long>(f.unreadable));
  std::printf("stuck meetings     %llu\n", static_cast<unsigned long long>(f.meetings_stuck));
  report_server_over_time(options, result);
  const auto errors = server_errors(result.server_log);
  std::printf("server log         %zu lines at error level (%s)\n", errors.size(),
              result.server_log.c_str());
  for (std::size_t i = 0; i < std::min<std::size_t>(errors.size(), 5); ++i)
    std::printf("                   %s\n", errors[i].c_str());
  if (f.failures() == 0 && f.meetings_finished == f.meetings_started && f.kills == options.kills)
    std::printf("result             PASS\n");
  else
    std::printf("result             FAIL: %s\n",
                f.first_failure.empty() ? "not every meeting finished" : f.first_failure.c_str());
}

} // namespace

int main(int argc, char** argv) {
  ChaosOptions options;
  fs::path methods_dir = INTERVISIE_METHODS_DIR;
  CLI::App app{"intervisie_chaos: whole meetings at a multiple of human pace while the server is "
               "killed (SIGKILL) and started again, over and over; checks that nothing "
               "acknowledged is lost or duplicated and that every meeting finishes."};
  app.add_option("--meetings,-m", options.meetings, "Meetings at once")
      ->check(CLI::Range(std::size_t{1}, std::size_t{2'000}))
      ->capture_default_str();
  app.add_option("--pace,-p", options.pace,
                 "Multiple of human pace (one command per meeting every 10 s)")
      ->check(CLI::Range(0.01, 1000.0))
      ->capture_default_str();
  app.add_option("--kills,-k", options.kills, "How often the server is killed")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100'000}))
      ->capture_default_str();
  app.add_option("--kill-gap-min", options.kill_gap_min_seconds,
                 "Fewest seconds from a restart to the next kill")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  app.add_option("--kill-gap-max", options.kill_gap_max_seconds,
                 "Most seconds from a restart to the next kill")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  app.add_option("--patience", options.patience_seconds,
                 "Seconds without progress after which a meeting counts as stuck")
      ->capture_default_str();
  app.add_option("--duration", options.duration_seconds,
                 "Seconds during which new meetings keep starting, at least (a soak: --kills 0)")
      ->check(CLI::Range(0.0, 7.0 * 24 * 3600))
      ->capture_default_str();
  app.add_option("--sample-every", options.sample_every_seconds,
                 "Seconds between samples of the server's RSS, descriptors and sessions in memory")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  app.add_option("--seed", options.seed, "Seed for the kill moments and the pace")
      ->capture_default_str();
  app.add_option("--server", options.server_path,
                 "The intervisie binary (default: beside this one)");
  app.add_option("--data", options.data_dir,
                 "Store directory (default: a fresh temporary one, removed at the end)");
  app.add_flag("--keep-data", options.keep_data, "Keep the temporary store directory and log");
  app.add_option("--methods-dir", methods_dir, "Directory of the method files")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  if (options.kill_gap_max_seconds < options.kill_gap_min_seconds) {
    std::cerr << "intervisie_chaos: --kill-gap-max is below --kill-gap-min\n";
    return 2;
  }
  if (options.server_path.empty())
    options.server_path = beside_this_program("intervisie");

  auto catalogue = store::load_catalogue(methods_dir);
  if (!catalogue) {
    std::cerr << "intervisie_chaos: the methods in " << methods_dir << " cannot be read\n";
    return 2;
  }
  std::vector<std::shared_ptr<const core::Method>> methods;
  for (const core::Method& method : catalogue->methods()) {
    methods.push_back(std::make_shared<const core::Method>(method));
    options.methods.push_back(method.id);
  }
  auto autopilot = check_autopilot(methods);
  if (!autopilot) {
    std::cerr << "intervisie_chaos: the autopilot cannot finish a method: " << autopilot.error()
              << "\n";
    return 2;
  }

  fs::path data_dir = options.data_dir;
  bool remove = false;
  if (data_dir.empty()) {
    std::string pattern = (fs::temp_directory_path() / "intervisie-chaos-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::cerr << "intervisie_chaos: cannot make a temporary directory\n";
      return 2;
    }
    data_dir = pattern;
    remove = !options.keep_data;
  }
  fs::create_directories(data_dir);
  const ChaosResult result = run_chaos(options, data_dir);
  report(options, result, *autopilot);
  if (remove) {
    std::error_code ignored;
    fs::remove_all(data_dir, ignored);
    fs::remove(result.server_log, ignored);
  }
  const bool passed = result.figures.failures() == 0 &&
                      result.figures.meetings_finished == result.figures.meetings_started;
  return passed ? 0 : 1;
}
