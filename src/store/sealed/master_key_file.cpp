// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/master_key_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <memory>

#include <sodium.h>

namespace intervisie::store::sealed {

namespace {

constexpr std::string_view header = "intervisie-master-key-v1 ";

std::string system_error(const std::filesystem::path& file, std::string_view doing) {
  return std::string{doing} + " " + file.string() + ": " + std::strerror(errno);
}

class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : fd_{fd} {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  int get() const { return fd_; }

private:
  int fd_;
};

} // namespace

std::filesystem::path master_key_path(const std::filesystem::path& data_dir,
                                      const std::filesystem::path& given) {
  return given.empty() ? data_dir / master_key_file_name : given;
}

std::expected<SecretKey, std::string> read_master_key(const std::filesystem::path& file) {
  FileDescriptor fd{::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)};
  if (fd.get() < 0)
    return std::unexpected(errno == ENOENT
                               ? "the master key file " + file.string() + " does not exist"
                               : system_error(file, "cannot read the master key"));
  struct stat about {};
  if (::fstat(fd.get(), &about) != 0)
    return std::unexpected(system_error(file, "cannot read the master key"));
  if ((about.st_mode & (S_IRWXG | S_IRWXO)) != 0)
    return std::unexpected("the master key file " + file.string() +
                           " can be read by other users of this machine; chmod 600 it (and "
                           "consider the key known: rotate it with intervisie rotate-key)");
  std::array<char, 256> buffer{};
  const ssize_t length = ::read(fd.get(), buffer.data(), buffer.size());
  if (length < 0)
    return std::unexpected(system_error(file, "cannot read the master key"));
  std::string_view text{buffer.data(), static_cast<std::size_t>(length)};
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  std::optional<SecretKey> key;
  if (text.starts_with(header))
    key = SecretKey::from_text(text.substr(header.size()));
  std::fill(buffer.begin(), buffer.end(), '\0');
  if (!key)
    return std::unexpected(file.string() + " is not an Intervisie master key file (it should "
                                           "hold one line: intervisie-master-key-v1 <key>)");
  return *key;
}

std::expected<void, std::string> write_master_key(const std::filesystem::path& file,
                                                  const SecretKey& key) {
  const std::filesystem::path next = file.string() + ".new";
  std::string line = std::string{header} + key.to_text() + "\n";
  // The key's text is wiped however this ends.
  const std::unique_ptr<std::string, void (*)(std::string*)> wipe{
      &line, [](std::string* text) { sodium_memzero(text->data(), text->size()); }};
  {
    FileDescriptor fd{
        ::open(next.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600)};
    if (fd.get() < 0)
      return std::unexpected(system_error(next, "cannot write the master key to"));
    if (::fchmod(fd.get(), 0600) != 0 ||
        ::write(fd.get(), line.data(), line.size()) != static_cast<ssize_t>(line.size()) ||
        ::fsync(fd.get()) != 0)
      return std::unexpected(system_error(next, "cannot write the master key to"));
  }
  if (std::rename(next.c_str(), file.c_str()) != 0)
    return std::unexpected(system_error(file, "cannot put the master key in place as"));
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  FileDescriptor directory{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (directory.get() < 0 || ::fsync(directory.get()) != 0)
    return std::unexpected(system_error(dir, "cannot sync the directory of the master key,"));
  return {};
}

} // namespace intervisie::store::sealed
