// SPDX-License-Identifier: EUPL-1.2
#include "support/immutable_file.hpp"

#include <cerrno>
#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace intervisie::testing {

namespace {

// Sets or clears the flag; why not, when it cannot.
std::expected<void, std::string> set_immutable(const std::filesystem::path& file, bool immutable) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return std::unexpected("open " + file.string() + ": " + std::strerror(errno));
  int flags = 0;
  int result = ::ioctl(fd, FS_IOC_GETFLAGS, &flags);
  if (result == 0) {
    flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    result = ::ioctl(fd, FS_IOC_SETFLAGS, &flags);
  }
  const int error = errno;
  ::close(fd);
  if (result != 0)
    return std::unexpected("the immutable flag of " + file.string() + ": " + std::strerror(error));
  return {};
}

} // namespace

std::expected<std::unique_ptr<ImmutableFile>, std::string>
ImmutableFile::make(std::filesystem::path file) {
  if (auto set = set_immutable(file, true); !set)
    return std::unexpected(set.error());
  return std::unique_ptr<ImmutableFile>(new ImmutableFile(std::move(file)));
}

ImmutableFile::ImmutableFile(std::filesystem::path file) : file_(std::move(file)) {}

ImmutableFile::~ImmutableFile() {
  if (auto cleared = set_immutable(file_, false); !cleared)
    std::cerr << "cannot make " << file_ << " writable again: " << cleared.error() << '\n';
}

} // namespace intervisie::testing
