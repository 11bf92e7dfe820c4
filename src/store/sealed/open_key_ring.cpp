// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/open_key_ring.hpp"

#include "store/sealed/master_key_file.hpp"
#include "store/sealed/rotate_master_key.hpp"

#include <system_error>

namespace intervisie::store::sealed {

namespace {

// The id of the master key the data keys name ("<id>:<sealed key>"), or "" when there are none.
std::string wrapped_with(const std::vector<WrappedKey>& keys) {
  if (keys.empty())
    return "";
  return keys.front().wrapped.substr(0, keys.front().wrapped.find(':'));
}

} // namespace

std::expected<std::unique_ptr<KeyRing>, std::string>
open_key_ring(KeyRingStore& store, const std::filesystem::path& key_file, NewMasterKey new_key) {
  auto keys = store.wrapped_keys();
  if (!keys)
    return std::unexpected("cannot read the key ring: " + keys.error().message);
  std::error_code ignored;
  const bool present = std::filesystem::exists(std::filesystem::symlink_status(key_file, ignored));
  if (!present && !keys->empty())
    return std::unexpected("the master key file " + key_file.string() +
                           " is missing, and the store holds " + std::to_string(keys->size()) +
                           " data keys wrapped with master key " + wrapped_with(*keys) +
                           ": put that key file back (or name it with --master-key)");
  if (!present && new_key == NewMasterKey::never)
    return std::unexpected("the master key file " + key_file.string() +
                           " is missing: nodes that share a store share one master key. Make it "
                           "once with `intervisie new-master-key FILE`, copy it to every node "
                           "(mode 0600) and name it with --master-key");
  if (!present) {
    if (auto written = write_master_key(key_file, SecretKey::random()); !written)
      return std::unexpected(written.error());
  }
  auto master = read_master_key(key_file);
  if (!master)
    return std::unexpected(master.error());
  if (!keys->empty() && master->id() != wrapped_with(*keys)) {
    const std::filesystem::path pending = pending_master_key_file(key_file);
    if (auto next = read_master_key(pending); next && next->id() == wrapped_with(*keys)) {
      // A rotation stopped after the store took the new wrapping, before the new key file was
      // renamed into place: finish it.
      if (std::rename(pending.c_str(), key_file.c_str()) == 0)
        return open_key_ring(store, key_file, new_key);
    }
    return std::unexpected("the master key in " + key_file.string() + " (" + master->id() +
                           ") is not the key this store's data keys were wrapped with (" +
                           wrapped_with(*keys) + "): give the right key file with --master-key");
  }
  auto ring = std::make_unique<KeyRing>(store, *master);
  if (auto checked = ring->check(); !checked)
    return std::unexpected(checked.error());
  return ring;
}

} // namespace intervisie::store::sealed
