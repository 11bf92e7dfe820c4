// SPDX-License-Identifier: EUPL-1.2
// The chaos run: meetings running whole sessions at a multiple of human pace, a meeting
// started anew in every place whose meeting ended, and the server killed with SIGKILL at random
// moments and started again on the same store and port. Between a kill and the next start,
// the store the kill left behind is checked (store_check.hpp).
#pragma once

#include "chaos_figures.hpp"

#include "core/method/method.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace intervisie::chaos {

struct ChaosOptions {
  std::size_t meetings = 50; // at once
  double pace = 10;          // multiple of human pace: one command per meeting every 10 s / pace
  std::size_t kills = 100;
  double kill_gap_min_seconds = 1;
  double kill_gap_max_seconds = 5;
  double patience_seconds = 120; // a meeting without progress this long counts as stuck
  std::uint32_t seed = 17;
  std::filesystem::path server_path;
  std::filesystem::path data_dir; // empty: a fresh temporary one
  bool keep_data = false;
  std::vector<std::string> methods; // method ids the meetings take in turn
  // New meetings start for at least this long (a soak: with no kills, the run's length).
  double duration_seconds = 0;
  double sample_every_seconds = 10; // the server's RSS, descriptors and sessions in memory
};

// The server at one moment, from /proc and from its log.
struct ServerSample {
  double at_seconds = 0;
  std::uint64_t rss_kib = 0;
  std::uint64_t descriptors = 0;
  std::uint64_t threads = 0;
  std::int64_t sessions_in_memory = -1; // the server's last eviction line; -1 before the first
  std::uint64_t meetings_running = 0;   // of this run, at that moment
  std::uint64_t meetings_finished = 0;  // so far
};

// Per kill, in milliseconds: checking the store it left, and starting the server until it
// listens again (it restores every unfinished session first).
struct RestartTimes {
  std::vector<double> check;
  std::vector<double> start;
};

struct ChaosResult {
  ChaosFigures figures;
  RestartTimes restarts;
  double seconds = 0;
  std::uint64_t store_sessions = 0; // at the last check
  std::uint64_t store_events = 0;
  std::uint64_t largest_log_bytes = 0; // the -wal file at a kill
  std::filesystem::path server_log;
  std::vector<ServerSample> samples;
  // Once every meeting is over and their connections are closed, and again after the
  // server's eviction had time to run.
  std::optional<ServerSample> idle_at_start;
  std::optional<ServerSample> idle_at_end;
};

ChaosResult run_chaos(const ChaosOptions& options, const std::filesystem::path& data_dir);

} // namespace intervisie::chaos
