// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/key_ring.hpp"

#include "store/sealed/sealed_text.hpp"

#include <sodium.h>

namespace intervisie::store::sealed {

namespace {

std::string associated(std::string_view owner) {
  return "intervisie data key|" + std::string{owner};
}

// Opens a wrapped key, or says what is wrong in a way an operator can act on.
std::expected<SecretKey, std::string> opened(const SecretKey& master, std::string_view owner,
                                             std::string_view wrapped) {
  const auto colon = wrapped.find(':');
  if (colon == std::string_view::npos)
    return std::unexpected("the data key of " + std::string{owner} + " is damaged");
  const std::string_view made_with = wrapped.substr(0, colon);
  if (made_with != master.id())
    return std::unexpected("the data keys were wrapped with master key " + std::string{made_with} +
                           ", not with the key given (" + master.id() + ")");
  auto plain = open(master, wrapped.substr(colon + 1), associated(owner));
  if (!plain)
    return std::unexpected("the data key of " + std::string{owner} +
                           " does not open with master key " + master.id() +
                           " (the key ring is damaged)");
  auto key = SecretKey::from_bytes(
      std::span{reinterpret_cast<const unsigned char*>(plain->data()), plain->size()});
  sodium_memzero(plain->data(), plain->size());
  if (!key)
    return std::unexpected("the data key of " + std::string{owner} + " is damaged");
  return *key;
}

} // namespace

std::string session_owner(std::string_view session_id) {
  return "session:" + std::string{session_id};
}

std::string group_owner(std::string_view group_id) {
  return "group:" + std::string{group_id};
}

std::string wrap(const SecretKey& master, std::string_view owner, const SecretKey& key) {
  const auto bytes = key.bytes();
  return master.id() + ":" +
         seal(master, std::string_view{reinterpret_cast<const char*>(bytes.data()), bytes.size()},
              associated(owner));
}

KeyRing::KeyRing(KeyRingStore& store, const SecretKey& master) : store_{store}, master_{master} {}

std::expected<void, std::string> KeyRing::check() const {
  auto keys = store_.wrapped_keys();
  if (!keys)
    return std::unexpected("cannot read the key ring: " + keys.error().message);
  for (const WrappedKey& key : *keys)
    if (auto open = opened(master_, key.owner, key.wrapped); !open)
      return std::unexpected(open.error());
  return {};
}

KeyResult KeyRing::create(std::string_view owner) {
  auto key = std::make_shared<const SecretKey>(SecretKey::random());
  if (auto added =
          store_.add_wrapped_key(WrappedKey{std::string{owner}, wrap(master_, owner, *key)});
      !added)
    return std::unexpected(std::move(added.error()));
  std::lock_guard lock{mutex_};
  open_.insert_or_assign(std::string{owner}, key);
  return key;
}

KeyResult KeyRing::find(std::string_view owner) {
  {
    std::lock_guard lock{mutex_};
    if (auto found = open_.find(std::string{owner}); found != open_.end())
      return found->second;
  }
  auto wrapped = store_.wrapped_key(owner);
  if (!wrapped)
    return std::unexpected(std::move(wrapped.error()));
  if (!*wrapped)
    return std::unexpected(
        StoreError{StoreErrorCode::not_found, std::string{owner} + " has no data key"});
  auto key = opened(master_, owner, **wrapped);
  if (!key)
    return std::unexpected(StoreError{StoreErrorCode::corrupt, key.error()});
  auto shared = std::make_shared<const SecretKey>(*key);
  std::lock_guard lock{mutex_};
  return open_.try_emplace(std::string{owner}, shared).first->second;
}

KeyResult KeyRing::find_or_create(std::string_view owner) {
  auto key = find(owner);
  if (key || key.error().code != StoreErrorCode::not_found)
    return key;
  key = create(owner);
  if (!key && key.error().code == StoreErrorCode::conflict)
    return find(owner); // made by another thread meanwhile
  return key;
}

std::expected<void, StoreError> KeyRing::destroy(std::string_view owner) {
  {
    std::lock_guard lock{mutex_};
    open_.erase(std::string{owner});
  }
  return store_.destroy_wrapped_key(owner);
}

std::expected<std::size_t, std::string> rewrap_all(KeyRingStore& store, const SecretKey& current,
                                                   const SecretKey& next) {
  auto keys = store.wrapped_keys();
  if (!keys)
    return std::unexpected("cannot read the key ring: " + keys.error().message);
  for (WrappedKey& key : *keys) {
    auto open = opened(current, key.owner, key.wrapped);
    if (!open)
      return std::unexpected(open.error());
    key.wrapped = wrap(next, key.owner, *open);
  }
  if (auto rewrapped = store.rewrap_keys(*keys); !rewrapped)
    return std::unexpected("cannot store the rewrapped keys: " + rewrapped.error().message);
  return keys->size();
}

} // namespace intervisie::store::sealed
