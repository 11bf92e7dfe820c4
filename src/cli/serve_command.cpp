#include "cli/serve_command.hpp"

#include "server/server.hpp"

#include <cstdlib>
#include <iostream>

namespace intervisie::cli {

void add_serve_command(CLI::App& app, std::string default_methods_dir, int& exit_code) {
  auto options = std::make_shared<server::ServerOptions>();
  options->methods_dir = std::move(default_methods_dir);
  if (const char* from_environment = std::getenv("INTERVISIE_METHODS_DIR"))
    options->methods_dir = from_environment;

  CLI::App* serve = app.add_subcommand("serve", "Serve the web app and the live sessions");
  serve->add_option("--port", options->port, "Port to listen on (0: any free port)")
      ->capture_default_str();
  serve->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  serve->add_option("--data", options->data_dir, "Directory of the event store")
      ->capture_default_str();
  serve->add_option("--methods-dir", options->methods_dir, "Directory of the method files")
      ->capture_default_str();
  serve->add_option("--public-url", options->public_url,
                    "Address people use to reach this server, for join links");
  serve->add_option("--threads", options->threads, "Worker threads (0: one per core)");
  serve
      ->add_option("--sessions-per-minute", options->sessions_per_minute,
                   "New sessions allowed per client address per minute")
      ->capture_default_str();
  serve->add_option("--allowed-origin", options->allowed_origins,
                    "Another web origin allowed to open live connections");

  serve->callback([options, &exit_code] {
    auto running = server::Server::start(*options);
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
