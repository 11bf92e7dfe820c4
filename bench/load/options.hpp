// SPDX-License-Identifier: EUPL-1.2
// What a load run does: how many meetings, how fast, how long, against which server.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>

namespace intervisie::load {

inline constexpr std::size_t clients_per_meeting = 8;
// Human pace: a meeting produces about one command every ten seconds (a question, an answer).
inline constexpr double human_interval_seconds = 10.0;

struct LoadOptions {
  std::size_t meetings = 10;
  double pace = 10.0; // multiple of human pace
  double duration_seconds = 10.0;
  double warmup_seconds = 2.0;
  double settle_seconds = 2.0; // quiet time, every client connected, before the idle RSS is read
  std::string server_path;     // empty: `intervisie` beside this binary, else ./build/intervisie
  std::string data_dir;        // empty: a fresh temporary directory, removed afterwards
  bool keep_data = false;
  std::uint16_t port = 0;             // non-zero: a server that is already running on 127.0.0.1
  int server_pid = 0;                 // with --port: the process whose RSS and CPU to read
  unsigned server_threads = 0;        // `serve --threads` (0: the server's default, one per core)
  unsigned source_addresses = 0;      // 127.0.0.1 … 127.0.0.N; 0: one per 20,000 connections
  std::size_t connect_burst = 256;    // WebSocket handshakes in flight at once
  std::size_t setup_concurrency = 16; // HTTP connections creating sessions and participants
  double setup_timeout_seconds = 900; // for creating and connecting everything
  double command_timeout_seconds = 10;
  std::uint64_t seed = 1;
  // What the clients subscribe to: "patches" as the web app does (only what changed in each
  // participant's view), or "events" (every event, for clients that fold them).
  std::string stream = "patches";
  // The server at --port is a bare room-broadcast peer (bench/compare), not Intervisie: nothing
  // is created over HTTP, each meeting's clients join /rooms/<meeting>, and the room sends each
  // command to all eight as it is: the sender's copy counts as the ack, every copy as delivered.
  bool rooms = false;
  // For several load processes against one server or cluster (bench/cluster/run.sh):
  std::string latencies_file; // non-empty: every measured latency written here, to merge runs
  std::string ready_file;     // non-empty: created once every meeting is set up
  std::string go_file;        // non-empty: after setup, wait until this file exists
  // Hostile clients beside the meetings (bench/load/README.md, "Slow and hostile clients"): a
  // second measured window runs with them, after the first without them.
  std::size_t slow_readers = 0; // live connections that stop reading, in meetings of their own
  double slow_pace = 10.0;      // commands per second in each of those meetings
  std::size_t half_open = 0;    // connections that go quiet: before, during or after the upgrade
  std::size_t oversized = 0;    // clients sending frames, messages or requests over the limits
  double hostile_pause_seconds = 2.0;  // a hostile client's wait before it tries again
  double hostile_duration_seconds = 0; // the window with them; 0: --duration

  std::size_t clients() const { return meetings * clients_per_meeting; }
  std::size_t hostile_clients() const { return slow_readers + half_open + oversized; }
  bool hostile() const { return hostile_clients() > 0; }
  double interval_seconds() const { return human_interval_seconds / pace; }
};

// The options of the command line, or the exit code when the program should not run (help,
// or a mistake, already explained on the terminal).
std::expected<LoadOptions, int> parse_options(int argc, char** argv);

} // namespace intervisie::load
