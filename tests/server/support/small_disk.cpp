// SPDX-License-Identifier: EUPL-1.2
#include "small_disk.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include <fcntl.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace intervisie::server::testing {

namespace {

std::string errno_text(int error) {
  return std::strerror(error);
}

} // namespace

std::expected<std::unique_ptr<SmallDisk>, std::string> SmallDisk::mount(std::uint64_t bytes) {
  std::string pattern = std::filesystem::temp_directory_path() / "intervisie-disk-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("cannot make a temp directory: " + errno_text(errno));
  const std::string options = "size=" + std::to_string(bytes) + ",mode=0700";
  if (::mount("tmpfs", pattern.c_str(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
              options.c_str()) != 0) {
    const int error = errno;
    ::rmdir(pattern.c_str());
    return std::unexpected("mounting a tmpfs needs root (CAP_SYS_ADMIN), and mount(2) said: " +
                           errno_text(error));
  }
  return std::unique_ptr<SmallDisk>(new SmallDisk(pattern));
}

SmallDisk::SmallDisk(std::filesystem::path path)
    : path_(std::move(path)), filler_(path_ / "filler") {}

SmallDisk::~SmallDisk() {
  ::umount2(path_.c_str(), MNT_DETACH);
  ::rmdir(path_.c_str());
}

std::uint64_t SmallDisk::available() const {
  struct statvfs stats {};
  if (::statvfs(path_.c_str(), &stats) != 0)
    throw std::runtime_error("statvfs " + path_.string() + ": " + errno_text(errno));
  return static_cast<std::uint64_t>(stats.f_bavail) * stats.f_frsize;
}

void SmallDisk::fill() {
  const int fd = ::open(filler_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0)
    throw std::runtime_error("cannot open the filler: " + errno_text(errno));
  // Large writes first, then ever smaller ones into what the last page has left.
  const std::vector<char> zeros(1 << 20, '\0');
  int error = 0;
  for (const std::size_t chunk : std::array<std::size_t, 4>{1 << 20, 1 << 16, 1 << 12, 1}) {
    for (;;) {
      const ssize_t written = ::write(fd, zeros.data(), chunk);
      if (written == static_cast<ssize_t>(chunk))
        continue;
      if (written < 0 && errno == EINTR)
        continue;
      error = written < 0 ? errno : ENOSPC; // a short write: the space ran out inside it
      break;
    }
    if (error != ENOSPC)
      break;
  }
  ::close(fd);
  if (error != ENOSPC)
    throw std::runtime_error("filling " + path_.string() + " stopped at: " + errno_text(error));
}

void SmallDisk::release() {
  if (::unlink(filler_.c_str()) != 0 && errno != ENOENT)
    throw std::runtime_error("cannot remove the filler: " + errno_text(errno));
}

} // namespace intervisie::server::testing
