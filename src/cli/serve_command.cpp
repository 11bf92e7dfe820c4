// SPDX-License-Identifier: EUPL-1.2
#include "cli/serve_command.hpp"

#include "language/hunspell_verb_oracle.hpp"
#include "server/server.hpp"
#include "store/method_directory.hpp"
#include "store/sealed/master_key_file.hpp"
#include "store/sealed/open_key_ring.hpp"
#include "store/sealed/sealed_event_store.hpp"
#include "store/sealed/sealed_group_store.hpp"
#include "store/stores.hpp"

#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace intervisie::cli {
namespace {

// Every live connection is a file descriptor; the usual soft limit of 1,024 would cap a server
// at about a hundred meetings. The hard limit is what the system allows us.
void raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

void warn_if_others_can_read(const std::filesystem::path& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ignored;
  if (const auto status = fs::status(data_dir, ignored);
      fs::is_directory(status) &&
      (status.permissions() & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
    spdlog::warn("the data directory {} can be opened by other users of this machine; it holds "
                 "case texts: chmod 700 it",
                 data_dir.string());
}

// The composition root: the dictionary, the stores (SQLite or PostgreSQL), the method files,
// and the key ring that seals every case text before a store sees it.
std::expected<server::ServerPorts, std::string>
open_ports(const server::ServerOptions& options, const std::string& store,
           const std::filesystem::path& dictionary) {
  auto oracle = language::HunspellVerbOracle::open(dictionary);
  if (!oracle)
    return std::unexpected("the wording coach cannot start: " + oracle.error());
  auto stores = store::open_stores(store, options.data_dir);
  if (!stores)
    return std::unexpected(stores.error().message);
  spdlog::info("data: {}", stores->description);
  auto methods = store::load_catalogue(options.methods_dir);
  if (!methods) {
    std::string message = "the methods cannot be loaded:";
    for (const core::MethodError& error : methods.error())
      message += "\n  " + error.describe();
    return std::unexpected(message);
  }
  // Nodes sharing a store must share one master key: none of them makes one of its own.
  auto key_ring = store::sealed::open_key_ring(
      *stores->groups, store::sealed::master_key_path(options.data_dir, options.master_key),
      stores->shared ? store::sealed::NewMasterKey::never
                     : store::sealed::NewMasterKey::when_empty);
  if (!key_ring)
    return std::unexpected(key_ring.error());
  std::shared_ptr<store::sealed::KeyRing> keys = std::move(*key_ring);
  auto events = store::sealed::seal_event_store(std::move(stores->events), *keys);
  auto groups = store::sealed::seal_group_store(*stores->groups, *keys);
  return server::ServerPorts{.database = std::move(stores->groups),
                             .sealing = std::move(keys),
                             .events = std::move(events),
                             .groups = std::move(groups),
                             .shared = stores->shared,
                             .methods = std::move(*methods),
                             .dictionary = std::move(*oracle)};
}

} // namespace

void add_serve_command(CLI::App& app, std::string default_methods_dir,
                       const std::string& default_web_dir, int& exit_code) {
  auto options = std::make_shared<server::ServerOptions>();
  // The adapters: chosen here, the composition root; the server gets them as ports.
  struct Adapters {
    std::string store; // empty: SQLite in the data directory
    std::filesystem::path dictionary = "/usr/share/hunspell/nl";
  };
  auto adapters = std::make_shared<Adapters>();
  options->methods_dir = std::move(default_methods_dir);
  if (const char* from_environment = std::getenv("INTERVISIE_METHODS_DIR"))
    options->methods_dir = from_environment;

  CLI::App* serve = app.add_subcommand("serve", "Serve the web app and the live sessions");
  serve->add_option("--port", options->port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  serve->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  serve
      ->add_option("--store", adapters->store,
                   "A PostgreSQL URL (postgresql://user@host/database) that many nodes share; "
                   "default: SQLite files in the data directory")
      ->envname("INTERVISIE_STORE");
  serve
      ->add_option("--data", options->data_dir,
                   "Directory of the SQLite store, and of master.key unless --master-key says "
                   "otherwise")
      ->capture_default_str();
  serve
      ->add_option("--retention-days", options->retention_days,
                   "Days after a session ends that its content is erased (a group may choose "
                   "otherwise)")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  serve
      ->add_option("--master-key", options->master_key,
                   "The master key file that wraps the data keys (default: master.key in the data "
                   "directory, made at the first start)")
      ->envname("INTERVISIE_MASTER_KEY_FILE");
  serve->add_option("--methods-dir", options->methods_dir, "Directory of the method files")
      ->capture_default_str();
  auto* web_dir = serve->add_option("--web-dir", options->web_dir,
                                    "Directory of the built web app (default: " + default_web_dir +
                                        " when it has been built)");
  serve->add_option("--public-url", options->public_url,
                    "Address people use to reach this server, for join links");
  serve->add_option("--threads", options->threads, "Worker threads (0: one per core)");
  serve
      ->add_option("--sessions-per-minute", options->sessions_per_minute,
                   "New sessions allowed per client address per minute")
      ->capture_default_str();
  serve
      ->add_option("--evict-finished-after", options->evict_finished_after_seconds,
                   "Seconds a finished session nobody uses stays in memory (it loads again from "
                   "the store when reached)")
      ->check(CLI::Range(0, 365 * 24 * 3600))
      ->capture_default_str();
  serve
      ->add_option("--evict-unfinished-after", options->evict_unfinished_after_seconds,
                   "Seconds an unfinished session nobody uses stays in memory (it loads again "
                   "from the store when reached)")
      ->check(CLI::Range(0, 365 * 24 * 3600))
      ->capture_default_str();
  serve
      ->add_option("--connections-per-address", options->connections_per_address,
                   "Connections one client address may hold open at once (0: no limit, e.g. "
                   "behind a proxy)")
      ->capture_default_str();
  serve->add_option("--trusted-proxy", options->trusted_proxies,
                    "Address of a reverse proxy in front (e.g. 127.0.0.1 for nginx on this "
                    "machine): its connections are not limited as one client's, and its "
                    "X-Real-IP header names the client");
  serve->add_option("--allowed-origin", options->allowed_origins,
                    "Another web origin allowed to open live connections");
  serve->add_flag("--minimal-password-cost", options->minimal_password_cost,
                  "Hash passwords with the least work (for tests only: weakens stored passwords)");
  serve
      ->add_option("--dictionary", adapters->dictionary,
                   "The wording coach's Dutch Hunspell dictionary, without .aff/.dic")
      ->envname("INTERVISIE_DICTIONARY")
      ->capture_default_str();

  serve->callback([options, adapters, web_dir, default_web_dir, &exit_code] {
    raise_open_file_limit();
    // The server's log goes to stderr; stdout carries only the line that says where it listens.
    spdlog::set_default_logger(spdlog::stderr_color_mt("intervisie"));
    // Without --web-dir, the project's own build is served when there is one; the API works
    // either way (the integration tests run without a web build).
    if (web_dir->count() == 0) {
      std::error_code missing;
      if (std::filesystem::is_regular_file(std::filesystem::path(default_web_dir) / "index.html",
                                           missing))
        options->web_dir = default_web_dir;
      else
        std::cerr << "intervisie serve: no web app at " << default_web_dir
                  << " (run `make web`); serving the API only\n";
    }
    warn_if_others_can_read(options->data_dir);
    auto ports = open_ports(*options, adapters->store, adapters->dictionary);
    if (!ports) {
      std::cerr << "intervisie serve: " << ports.error() << "\n";
      exit_code = exit_cannot_serve;
      return;
    }
    auto running = server::Server::start(*options, std::move(*ports));
    if (!running) {
      std::cerr << "intervisie serve: " << running.error() << "\n";
      exit_code = exit_cannot_serve;
      return;
    }
    // Tests and scripts read the port from this line; people read the address.
    std::cout << "intervisie: listening on port " << (*running)->port() << "\n"
              << "Intervisie draait op http://localhost:" << (*running)->port() << " ("
              << (*running)->restored_sessions() << " lopende sessies hersteld)" << std::endl;
    (*running)->handle_signals();
    (*running)->wait();
  });
}

} // namespace intervisie::cli
