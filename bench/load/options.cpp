// SPDX-License-Identifier: EUPL-1.2
#include "options.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace intervisie::load {

std::expected<LoadOptions, int> parse_options(int argc, char** argv) {
  LoadOptions options;
  CLI::App app{"intervisie_load: M meetings of 8 WebSocket clients against `intervisie serve`,\n"
               "asking and answering questions at a chosen pace; prints connections, commands/s,\n"
               "command-to-all-delivered latency and the server's RSS per connection."};
  app.add_option("--meetings,-m", options.meetings, "Meetings of 8 clients each")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
      ->capture_default_str();
  app.add_option("--pace,-p", options.pace,
                 "Multiple of human pace (one command per meeting every 10 s)")
      ->check(CLI::Range(0.001, 100'000.0))
      ->capture_default_str();
  app.add_option("--duration,-d", options.duration_seconds, "Seconds measured")
      ->check(CLI::Range(0.1, 86'400.0))
      ->capture_default_str();
  app.add_option("--warmup", options.warmup_seconds, "Seconds of traffic before measuring")
      ->check(CLI::Range(0.0, 3'600.0))
      ->capture_default_str();
  app.add_option("--settle", options.settle_seconds,
                 "Quiet seconds, all connected, before the idle RSS is read")
      ->check(CLI::Range(0.0, 600.0))
      ->capture_default_str();
  app.add_option(
      "--server", options.server_path,
      "The intervisie binary to start (default: beside this one, else ./build/intervisie)");
  app.add_option("--data", options.data_dir,
                 "Store directory for the server started here (default: a fresh temporary one)");
  app.add_flag("--keep-data", options.keep_data, "Keep the temporary store directory");
  app.add_option("--port", options.port,
                 "Use a server already listening on 127.0.0.1:PORT instead of starting one");
  app.add_option("--server-pid", options.server_pid, "With --port: the server's pid, for RSS/CPU");
  app.add_option("--server-threads", options.server_threads,
                 "serve --threads for the server started here (0: one per core)")
      ->capture_default_str();
  app.add_option("--source-addresses", options.source_addresses,
                 "Bind clients to 127.0.0.1..127.0.0.N (0: one per 20,000 connections)")
      ->check(CLI::Range(0u, 250u));
  app.add_option("--connect-burst", options.connect_burst, "WebSocket handshakes in flight at once")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}))
      ->capture_default_str();
  app.add_option("--setup-concurrency", options.setup_concurrency,
                 "HTTP connections creating sessions and participants")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000}))
      ->capture_default_str();
  app.add_option("--setup-timeout", options.setup_timeout_seconds,
                 "Seconds allowed for creating and connecting everything")
      ->capture_default_str();
  app.add_option("--command-timeout", options.command_timeout_seconds,
                 "Seconds after which a command without ack and delivery counts as timed out")
      ->capture_default_str();
  app.add_option("--stream", options.stream,
                 "patches (the web app's stream, the default) or events (clients that fold events)")
      ->check(CLI::IsMember({"patches", "snapshots", "events"}));
  app.add_flag("--rooms", options.rooms,
               "With --port: a bare room-broadcast server (bench/compare), not Intervisie");
  app.add_option("--seed", options.seed, "Seed for the meetings' start offsets")
      ->capture_default_str();
  app.add_option("--latencies", options.latencies_file,
                 "Write every measured latency to FILE (`delivered US` / `acked US` lines), so "
                 "that several load processes' percentiles can be merged");
  app.add_option("--ready-file", options.ready_file,
                 "Create FILE once every meeting is connected and set up");
  app.add_option("--go-file", options.go_file,
                 "After setup, wait until FILE exists before the settle time and the traffic "
                 "(starts several load processes' traffic at once)");
  app.add_option("--slow-readers", options.slow_readers,
                 "Live connections that stop reading, 7 per place in busy meetings of their own "
                 "(the server must drop them when their queue is full; they come back)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100'000}))
      ->capture_default_str();
  app.add_option("--slow-pace", options.slow_pace,
                 "Commands per second in each of the slow readers' busy meetings")
      ->check(CLI::Range(0.1, 1'000.0))
      ->capture_default_str();
  app.add_option("--half-open", options.half_open,
                 "Connections that go quiet: a third send nothing, a third trickle a request "
                 "head, a third go silent after the WebSocket upgrade")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100'000}))
      ->capture_default_str();
  app.add_option("--oversized", options.oversized,
                 "Clients sending too much: WebSocket messages over 64 KiB (whole, in fragments, "
                 "or a frame claiming 4 GiB), a 16 KiB request head, a 1 MiB request body")
      ->check(CLI::Range(std::size_t{0}, std::size_t{100'000}))
      ->capture_default_str();
  app.add_option(
         "--hostile-pause", options.hostile_pause_seconds,
         "Seconds a hostile client waits after its connection ended before the next (give or "
         "take half, at random)")
      ->check(CLI::Range(0.0, 3'600.0))
      ->capture_default_str();
  app.add_option("--hostile-duration", options.hostile_duration_seconds,
                 "Seconds measured with the hostile clients (0: as --duration); over 300 to see "
                 "the server's idle timeout close the silent upgrades")
      ->check(CLI::Range(0.0, 86'400.0))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return std::unexpected(app.exit(error));
  }
  if (options.hostile() && options.rooms) {
    std::cerr << "intervisie_load: hostile clients need Intervisie, not a bare room server\n";
    return std::unexpected(2);
  }
  if (options.hostile_duration_seconds == 0)
    options.hostile_duration_seconds = options.duration_seconds;
  return options;
}

} // namespace intervisie::load
