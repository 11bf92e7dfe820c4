// SPDX-License-Identifier: EUPL-1.2
// Appends per second through the SQLite event store, with group commit, as many sessions at
// once as a server holds; prints events/s and commits/s (a commit is one log sync).
// The store lives under $INTERVISIE_BENCH_DIR, else the system's temp directory: put it on the
// disk you mean to measure (a tmpfs makes syncs free and the figures meaningless).
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/sealed_event_store.hpp"
#include "store/sqlite_event_store.hpp"
#include "store/sqlite_group_store.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <time.h>

namespace intervisie::store {
namespace {

class BenchDir {
public:
  BenchDir() {
    const char* chosen = std::getenv("INTERVISIE_BENCH_DIR");
    const std::filesystem::path base =
        chosen != nullptr ? std::filesystem::path{chosen} : std::filesystem::temp_directory_path();
    std::filesystem::create_directories(base);
    std::string pattern = base / "intervisie-bench-XXXXXX";
    path_ = ::mkdtemp(pattern.data());
  }
  BenchDir(const BenchDir&) = delete;
  BenchDir& operator=(const BenchDir&) = delete;
  ~BenchDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

double process_cpu_seconds() {
  timespec now{};
  ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::string session_name(std::size_t i) {
  return "bench-" + std::to_string(i);
}

// A command's event as the server stores it: about 200 bytes of JSON.
const std::string payload = "{\"kind\":\"question_asked\",\"participant\":3,\"question\":\"" +
                            std::string(140, 'q') + "\",\"step\":3,\"round\":2}";

using Clock = std::chrono::steady_clock;

// Each session keeps one append in flight, as a session's strand waits for its ack before it
// acknowledges the command: the next append is issued from the previous one's `done`.
class Round {
public:
  Round(EventStore& store, std::vector<std::uint64_t>& last_seq, std::int64_t appends,
        std::vector<double>& latencies_ms)
      : store_{store}, last_seq_{last_seq}, latencies_ms_{latencies_ms}, to_issue_{appends},
        in_flight_{last_seq.size()}, issued_at_(last_seq.size()) {}

  // Returns the number of failed appends (there should be none).
  std::size_t run() {
    for (std::size_t s = 0; s < last_seq_.size(); ++s)
      issue(s);
    finished_.get_future().wait();
    return failures_.load();
  }

private:
  void issue(std::size_t s) {
    if (to_issue_.fetch_sub(1) <= 0) {
      if (in_flight_.fetch_sub(1) == 1)
        finished_.set_value();
      return;
    }
    issued_at_[s] = Clock::now();
    store_.append(session_name(s), last_seq_[s],
                  {NewEvent{.kind = "question_asked", .payload = payload, .at_ms = 0}},
                  [this, s](AppendResult result) {
                    // Every `done` runs on the writer thread: no lock needed.
                    const std::chrono::duration<double, std::milli> waited =
                        Clock::now() - issued_at_[s];
                    latencies_ms_.push_back(waited.count());
                    if (result)
                      last_seq_[s] = *result;
                    else
                      failures_.fetch_add(1);
                    issue(s);
                  });
  }

  EventStore& store_;
  std::vector<std::uint64_t>& last_seq_; // entry s is touched only by session s's chain
  std::vector<double>& latencies_ms_;
  std::atomic<std::int64_t> to_issue_;
  std::atomic<std::size_t> in_flight_;
  std::atomic<std::size_t> failures_{0};
  std::promise<void> finished_;
  std::vector<Clock::time_point> issued_at_;
};

double percentile(std::vector<double>& values, double fraction) {
  if (values.empty())
    return 0;
  const auto at = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(at), values.end());
  return values[at];
}

void create_sessions(EventStore& store, std::size_t count) {
  // create_session blocks for a commit: many threads at once let the creations share commits.
  std::vector<std::jthread> creators;
  const std::size_t threads = std::min<std::size_t>(count, 64);
  for (std::size_t t = 0; t < threads; ++t)
    creators.emplace_back([&store, count, threads, t] {
      for (std::size_t s = t; s < count; s += threads)
        if (!store.create_session(NewSession{
                .session_id = session_name(s), .method_id = "incident", .title = "benchmark"}))
          std::abort();
    });
}

// Arguments: concurrent sessions; 1 for synchronous=FULL (the default), 0 for NORMAL; 1 to seal
// every payload as the server does (store/sealed/), 0 for the plain store: the difference in
// cpu_us/event is what encryption at rest costs an event.
void BM_Append(benchmark::State& state) {
  const auto sessions = static_cast<std::size_t>(state.range(0));
  const bool full = state.range(1) != 0;
  const bool sealed = state.range(2) != 0;
  BenchDir dir;
  auto opened = open_sqlite_event_store(
      dir.path(), SqliteOptions{.synchronous = full ? Synchronous::full : Synchronous::normal});
  if (!opened) {
    state.SkipWithError(opened.error().message.c_str());
    return;
  }
  std::unique_ptr<EventStore> plain = std::move(*opened);
  std::unique_ptr<SqliteGroupStore> key_store;
  std::unique_ptr<sealed::KeyRing> keys;
  std::unique_ptr<EventStore> sealing;
  if (sealed) {
    auto groups = open_sqlite_group_store(dir.path());
    auto ring = groups ? sealed::open_key_ring(**groups, dir.path() / "master.key")
                       : std::unexpected(std::string{"no groups.db"});
    if (!ring) {
      state.SkipWithError(ring.error().c_str());
      return;
    }
    key_store = std::move(*groups);
    keys = std::move(*ring);
    sealing = sealed::seal_event_store(std::move(plain), *keys);
  }
  EventStore& store = sealed ? *sealing : *plain;
  create_sessions(store, sessions);
  std::vector<std::uint64_t> last_seq(sessions, 0);

  // Enough appends per iteration that every session has several in a row.
  const auto per_iteration = static_cast<std::int64_t>(std::max<std::size_t>(sessions * 8, 64));
  const StoreStats before = store.stats();
  const double cpu_before = process_cpu_seconds();
  std::size_t failures = 0;
  std::vector<double> latencies_ms;
  for (auto _ : state)
    failures += Round{store, last_seq, per_iteration, latencies_ms}.run();
  const double cpu = process_cpu_seconds() - cpu_before;
  const StoreStats after = store.stats();
  if (failures != 0)
    state.SkipWithError("some appends failed");

  const auto events = static_cast<double>(after.events - before.events);
  const auto commits = static_cast<double>(after.commits - before.commits);
  state.counters["events/s"] = benchmark::Counter(events, benchmark::Counter::kIsRate);
  state.counters["commits/s"] = benchmark::Counter(commits, benchmark::Counter::kIsRate);
  state.counters["events/commit"] = commits > 0 ? events / commits : 0;
  // From append() to its `done`: what a command's ack waits for the store.
  state.counters["p50_ms"] = percentile(latencies_ms, 0.50);
  state.counters["p99_ms"] = percentile(latencies_ms, 0.99);
  state.counters["max_ms"] = percentile(latencies_ms, 1.0);
  state.counters["largest_batch"] = static_cast<double>(after.largest_batch);
  // CPU of every thread (the writer's mostly) per event: comparable on a busy machine too.
  state.counters["cpu_us/event"] = events > 0 ? cpu * 1e6 / events : 0;
  state.SetLabel(std::string{full ? "synchronous=FULL" : "synchronous=NORMAL"} +
                 (sealed ? ", sealed" : ", plain"));
  store.close();
}

BENCHMARK(BM_Append)
    ->ArgNames({"sessions", "full", "sealed"})
    ->ArgsProduct({{1, 64, 1024}, {1, 0}, {0}})
    ->Args({64, 1, 1})
    ->Args({1024, 1, 1})
    ->Args({1024, 0, 1})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// Opening an empty store: part of `intervisie serve`'s start-up budget (100 ms).
void BM_OpenEmptyStore(benchmark::State& state) {
  BenchDir dir;
  std::size_t opened = 0;
  for (auto _ : state) {
    auto store = open_sqlite_event_store(dir.path() / std::to_string(opened++));
    state.PauseTiming(); // closing (a checkpoint) is not part of starting
    if (!store) {
      state.SkipWithError(store.error().message.c_str());
      return;
    }
    store->reset();
    state.ResumeTiming();
  }
}

BENCHMARK(BM_OpenEmptyStore)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace
} // namespace intervisie::store

BENCHMARK_MAIN();
