// SPDX-License-Identifier: EUPL-1.2
#include "store/sqlite/data_directory.hpp"

#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace intervisie::store::sqlite {

namespace {

StoreError io_error(const std::filesystem::path& dir, std::string_view doing, int error) {
  return StoreError{StoreErrorCode::io,
                    std::string{doing} + " " + dir.string() + ": " + std::strerror(error)};
}

} // namespace

std::expected<DataDirectory, StoreError> DataDirectory::open(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  const bool existed = fs::exists(dir, error);
  fs::create_directories(dir, error);
  if (!error && !existed)
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, error);
  if (error)
    return std::unexpected(
        StoreError{StoreErrorCode::io,
                   "creating the data directory " + dir.string() + ": " + error.message()});
  // Files an earlier version (or a looser umask) left readable by others become private; the
  // directory itself is the operator's to change, and the server warns about it.
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    std::error_code ignored;
    if (entry.is_regular_file(ignored) && !entry.is_symlink(ignored) &&
        (entry.status(ignored).permissions() & (fs::perms::group_all | fs::perms::others_all)) !=
            fs::perms::none)
      fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write,
                      fs::perm_options::replace, ignored);
  }
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return std::unexpected(io_error(dir, "opening the data directory", errno));
  DataDirectory opened{dir, fd}; // closes fd on every path below
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK)
      return std::unexpected(StoreError{
          StoreErrorCode::io, "the data directory " + dir.string() +
                                  " is in use by another Intervisie process; stop it first"});
    return std::unexpected(io_error(dir, "locking the data directory", errno));
  }
  return opened;
}

DataDirectory::DataDirectory(DataDirectory&& other) noexcept
    : path_{std::move(other.path_)}, fd_{std::exchange(other.fd_, -1)} {}

DataDirectory& DataDirectory::operator=(DataDirectory&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0)
      ::close(fd_);
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

DataDirectory::~DataDirectory() {
  if (fd_ >= 0)
    ::close(fd_); // also releases the lock
}

std::expected<void, StoreError> DataDirectory::sync() const {
  if (::fsync(fd_) != 0)
    return std::unexpected(io_error(path_, "syncing the data directory", errno));
  return {};
}

} // namespace intervisie::store::sqlite
