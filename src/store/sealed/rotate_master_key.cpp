// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/rotate_master_key.hpp"

#include "store/sealed/key_ring.hpp"
#include "store/sealed/master_key_file.hpp"
#include "store/sealed/open_key_ring.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace intervisie::store::sealed {

std::filesystem::path pending_master_key_file(const std::filesystem::path& key_file) {
  return key_file.string() + ".next";
}

std::expected<Rotation, std::string> rotate_master_key(KeyRingStore& store,
                                                       const std::filesystem::path& key_file) {
  // Opening checks the current key against every data key (and finishes an earlier rotation).
  auto ring = open_key_ring(store, key_file);
  if (!ring)
    return std::unexpected(ring.error());
  const SecretKey& current = (*ring)->master();
  const SecretKey next = SecretKey::random();
  const std::filesystem::path pending = pending_master_key_file(key_file);
  if (auto written = write_master_key(pending, next); !written)
    return std::unexpected(written.error());
  auto count = rewrap_all(store, current, next);
  if (!count) {
    std::filesystem::remove(pending);
    return std::unexpected(count.error());
  }
  if (std::rename(pending.c_str(), key_file.c_str()) != 0)
    return std::unexpected("the data keys are wrapped with the new master key, which is in " +
                           pending.string() + " but could not be renamed to " + key_file.string() +
                           " (" + std::strerror(errno) + "); the next start finishes this");
  const std::filesystem::path dir = key_file.has_parent_path() ? key_file.parent_path() : ".";
  if (const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  return Rotation{.old_id = current.id(), .new_id = next.id(), .keys = *count};
}

} // namespace intervisie::store::sealed
