// SPDX-License-Identifier: EUPL-1.2
// A file that nobody may write while this lives, not even root: the file system's immutable
// flag (chattr +i), as a store file on a read-only file system. Cleared however the test ends,
// so the temporary directory can be removed.
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>

namespace intervisie::testing {

class ImmutableFile {
public:
  // The flag set, or why it cannot be here (no CAP_LINUX_IMMUTABLE, a file system without it).
  static std::expected<std::unique_ptr<ImmutableFile>, std::string>
  make(std::filesystem::path file);

  ImmutableFile(const ImmutableFile&) = delete;
  ImmutableFile& operator=(const ImmutableFile&) = delete;
  ~ImmutableFile(); // clears the flag

private:
  explicit ImmutableFile(std::filesystem::path file);
  std::filesystem::path file_;
};

} // namespace intervisie::testing
