// SPDX-License-Identifier: EUPL-1.2
// Runs the real `intervisie` binary, as a person or a script would, and keeps what it printed.
#pragma once

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace intervisie::cli {

struct Outcome {
  int exit_code = -1;
  std::string output;
};

enum class Capture { out, err };

// The environment variable is cleared so that only the arguments choose the directory.
inline Outcome run(const std::string& arguments, Capture capture = Capture::out,
                   const std::string& environment = "") {
  const std::string redirect = capture == Capture::out ? " 2>/dev/null" : " 2>&1 >/dev/null";
  const std::string command = "env -u INTERVISIE_METHODS_DIR " + environment + " '" +
                              std::string{INTERVISIE_BINARY} + "' " + arguments + redirect;
  Outcome result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return result;
  }
  std::array<char, 4096> buffer{};
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), read);
  }
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

} // namespace intervisie::cli
