// SPDX-License-Identifier: EUPL-1.2
// intervisie_load: the load generator of DESIGN.md's budgets (bench/load/README.md).
// Starts `intervisie serve` as a child (or uses one already running), runs M meetings of 8
// WebSocket clients at a chosen pace, and prints what it measured. Loopback only; it stops
// by itself after the warm-up and the measured duration.
#include "load_run.hpp"
#include "options.hpp"
#include "server_process.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using namespace intervisie::load;

// `intervisie` beside this binary (both are built into the build directory's top), else the
// usual ./build/intervisie.
fs::path default_server_path() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    const fs::path beside = self.parent_path() / "intervisie";
    if (fs::exists(beside, error))
      return beside;
  }
  return "build/intervisie";
}

// A fresh directory for the store, removed at the end unless asked to keep it.
class DataDir {
public:
  explicit DataDir(const LoadOptions& options) {
    if (!options.data_dir.empty()) {
      path_ = options.data_dir;
      fs::create_directories(path_);
      return;
    }
    std::string pattern = (fs::temp_directory_path() / "intervisie-load-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
      throw std::runtime_error("cannot make a temporary directory in " +
                               fs::temp_directory_path().string());
    path_ = pattern;
    remove_ = !options.keep_data;
  }
  DataDir(const DataDir&) = delete;
  DataDir& operator=(const DataDir&) = delete;
  ~DataDir() {
    std::error_code ignored;
    if (remove_)
      fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
  bool remove_ = false;
};

int run(const LoadOptions& options) {
  ServerInfo info;
  info.open_file_limit = raise_open_file_limit(); // before the server starts: it inherits it
  const std::size_t connections = options.clients() + options.hostile_clients();
  if (connections + 64 > info.open_file_limit)
    std::cerr << "intervisie_load: warning: " << connections
              << " connections need as many descriptors in the server and here, but a "
                 "process may open "
              << info.open_file_limit << " (ulimit -Hn); expect failed connections\n";

  std::unique_ptr<DataDir> data;
  std::unique_ptr<ServerProcess> server;
  if (options.port == 0) {
    data = std::make_unique<DataDir>(options);
    const fs::path binary =
        options.server_path.empty() ? default_server_path() : fs::path(options.server_path);
    auto started = ServerProcess::start(binary, data->path(), options.server_threads);
    if (!started) {
      std::cerr << "intervisie_load: " << started.error() << "\n";
      return 2;
    }
    server = std::move(*started);
    info.endpoint = {boost::asio::ip::make_address("127.0.0.1"), server->port()};
    info.pid = server->pid();
    info.binary = binary.string();
    info.data_dir = data->path().string();
    info.file_system = file_system_of(data->path());
  } else {
    info.endpoint = {boost::asio::ip::make_address("127.0.0.1"), options.port};
    info.pid = options.server_pid;
    info.binary = "already running on port " + std::to_string(options.port);
    info.data_dir = "(not known here)";
    info.file_system = "a file system not known here";
  }

  boost::asio::io_context io{1}; // one thread: no locks anywhere
  LoadRun load(io, options, info);
  std::exception_ptr failure;
  load.start([&](std::exception_ptr error) {
    failure = error;
    io.stop();
  });
  // Ctrl-C ends the run early; what was measured so far is still reported, the server stopped
  // and the temporary store removed.
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& error, int) {
    if (!error) {
      std::cerr << "intervisie_load: interrupted; reporting what was measured so far\n";
      io.stop();
    }
  });
  io.run();
  if (failure)
    std::rethrow_exception(failure);
  load.print_report(std::cout);
  if (!options.latencies_file.empty())
    load.write_latencies(options.latencies_file);
  std::cout.flush();
  if (server)
    server->stop();
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  const auto options = parse_options(argc, argv);
  if (!options)
    return options.error();
  try {
    return run(*options);
  } catch (const std::exception& error) {
    std::cerr << "intervisie_load: " << error.what() << "\n";
    return 1;
  }
}
