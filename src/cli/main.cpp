// SPDX-License-Identifier: EUPL-1.2
// The intervisie binary: wires the subcommands together; the work happens in the layers.
#include "cli/backup_command.hpp"
#include "cli/coach_command.hpp"
#include "cli/key_command.hpp"
#include "cli/methods_command.hpp"
#include "cli/purge_command.hpp"
#include "cli/serve_command.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include <sys/stat.h>

namespace {

// A failure nobody planned for; distinct from the exit codes the subcommands use.
constexpr int exit_internal_error = 70;

} // namespace

int main(int argc, char** argv) {
  // Case texts live in the data directory: whatever the caller's umask, what this process
  // creates (directories, databases, their WAL and SHM files) is its user's alone.
  ::umask(077);
  CLI::App app{"Intervisie: guides an intervision group through a structured method"};
  app.set_version_flag("--version", INTERVISIE_VERSION);
  app.require_subcommand(1);

  int exit_code = 0;
  intervisie::cli::add_methods_command(app, INTERVISIE_DEFAULT_METHODS_DIR, exit_code);
  intervisie::cli::add_coach_command(app, exit_code);
  intervisie::cli::add_backup_commands(app, exit_code);
  intervisie::cli::add_key_command(app, exit_code);
  intervisie::cli::add_purge_command(app, exit_code);
  intervisie::cli::add_serve_command(app, INTERVISIE_DEFAULT_METHODS_DIR,
                                     INTERVISIE_DEFAULT_WEB_DIR, exit_code);

  // The edge of the program: exceptions end here as a message and an exit code.
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const std::exception& error) {
    std::cerr << "intervisie: " << error.what() << "\n";
    return exit_internal_error;
  }
  return exit_code;
}
