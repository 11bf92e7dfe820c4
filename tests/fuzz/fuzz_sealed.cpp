// SPDX-License-Identifier: EUPL-1.2
// The secrets the server reads back from files: the first byte picks one, the rest is its bytes.
//   0  a master key file (read_master_key on a file of mode 0600 holding the bytes): a key it
//      reads is written back (write_master_key) and reads back the same.
//   1  a sealed text from the store (sealed::open with a data key): it opens only when sealed,
//      and what it opens to seals and opens again; any text sealed opens to itself, and only
//      with its own associated data.
//   2  a wrapped data key from the key ring (KeyRing::check and find over a store holding these
//      bytes as the key of one session; an `@` before the first colon stands for the master
//      key's id, so seeds reach past the id check): a key that opens is the same after the ring
//      is rewrapped with a new master key (rewrap_all); one that does not is `corrupt`, with a
//      message. The bytes' first 32, as a key, wrap and open to themselves.
#include "store/sealed/key_ring.hpp"
#include "store/sealed/master_key_file.hpp"
#include "store/sealed/sealed_text.hpp"
#include "support/fuzz_support.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace {

using namespace intervisie;
namespace sealed = store::sealed;

sealed::SecretKey key_of(unsigned char fill) {
  std::array<unsigned char, sealed::SecretKey::size> bytes{};
  bytes.fill(fill);
  return *sealed::SecretKey::from_bytes(bytes);
}

bool same(const sealed::SecretKey& a, const sealed::SecretKey& b) {
  return std::ranges::equal(a.bytes(), b.bytes());
}

// A folder of our own for the key files, made once and removed at exit.
struct Folder {
  std::filesystem::path path;
  Folder() {
    char name[] = "/tmp/fuzz_sealed.XXXXXX";
    path = ::mkdtemp(name);
  }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  ~Folder() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

const std::filesystem::path& folder() {
  static const Folder made;
  return made.path;
}

void master_key_file(std::string_view bytes) {
  const auto file = folder() / "master.key";
  std::filesystem::remove(file);
  std::ofstream(file, std::ios::binary) << bytes;
  ::chmod(file.c_str(), 0600);
  const auto key = sealed::read_master_key(file);
  if (!key) {
    fuzz::require(!key.error().empty(), "a key file refused says why");
    return;
  }
  const auto again_file = folder() / "again.key";
  fuzz::require(sealed::write_master_key(again_file, *key).has_value(), "a key is written");
  const auto again = sealed::read_master_key(again_file);
  fuzz::require(again && same(*again, *key), "a key written back reads the same");
}

void sealed_text(std::string_view bytes) {
  static const sealed::SecretKey key = key_of(7);
  constexpr std::string_view associated = "session:s|event 1";
  const auto plain = sealed::open(key, bytes, associated);
  if (!plain)
    fuzz::require(sealed::is_sealed(bytes) || plain.error() == sealed::OpenError::not_sealed,
                  "a text not sealed is called so");
  else
    fuzz::require(sealed::is_sealed(bytes), "only a sealed text opens");
  const std::string sealed_again = sealed::seal(key, bytes, associated);
  const auto opened = sealed::open(key, sealed_again, associated);
  fuzz::require(opened && *opened == bytes, "a sealed text opens to itself");
  fuzz::require(!sealed::open(key, sealed_again, "session:s|event 2"),
                "a sealed text opens only with its own associated data");
}

// A key ring store holding one session's wrapped key.
class OneKeyStore final : public store::KeyRingStore {
public:
  explicit OneKeyStore(std::string wrapped) : key_{"session:s", std::move(wrapped)} {}
  std::expected<void, store::StoreError> add_wrapped_key(const store::WrappedKey&) override {
    return std::unexpected(store::StoreError{store::StoreErrorCode::conflict, "full"});
  }
  std::expected<std::optional<std::string>, store::StoreError>
  wrapped_key(std::string_view owner) override {
    return owner == key_.owner ? std::optional{key_.wrapped} : std::nullopt;
  }
  std::expected<void, store::StoreError> destroy_wrapped_key(std::string_view) override {
    return {};
  }
  std::expected<std::vector<store::WrappedKey>, store::StoreError> wrapped_keys() override {
    return std::vector{key_};
  }
  std::expected<void, store::StoreError>
  rewrap_keys(const std::vector<store::WrappedKey>& keys) override {
    key_ = keys.at(0);
    return {};
  }

private:
  store::WrappedKey key_;
};

void wrapped_key(std::string_view bytes) {
  static const sealed::SecretKey master = key_of(1);
  static const sealed::SecretKey next = key_of(2);
  std::string wrapped{bytes};
  if (const auto colon = wrapped.find(':'); colon != std::string::npos && wrapped.starts_with('@'))
    wrapped.replace(0, colon, master.id());
  if (bytes.size() >= sealed::SecretKey::size) { // the bytes as a key, wrapped and opened
    const auto own = sealed::SecretKey::from_bytes(
        std::span{reinterpret_cast<const unsigned char*>(bytes.data()), sealed::SecretKey::size});
    OneKeyStore holding{sealed::wrap(master, "session:s", *own)};
    const auto opened = sealed::KeyRing{holding, master}.find("session:s");
    fuzz::require(opened && same(**opened, *own), "a wrapped key opens to itself");
  }
  OneKeyStore store{wrapped};
  sealed::KeyRing ring{store, master};
  const auto checked = ring.check();
  const auto found = ring.find("session:s");
  fuzz::require(checked.has_value() == found.has_value(), "check and find agree on a key");
  if (!found) {
    fuzz::require(found.error().code == store::StoreErrorCode::corrupt &&
                      !found.error().message.empty(),
                  "a key that does not open is corrupt, and says why");
    return;
  }
  fuzz::require(sealed::rewrap_all(store, master, next).has_value(), "an open ring rewraps");
  sealed::KeyRing rewrapped{store, next};
  const auto again = rewrapped.find("session:s");
  fuzz::require(again && same(**again, **found), "a rewrapped key is the same key");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0)
    return 0;
  const std::string_view bytes = fuzz::text_of(data + 1, size - 1);
  switch (data[0] % 3) {
  case 0:
    master_key_file(bytes);
    break;
  case 1:
    sealed_text(bytes);
    break;
  default:
    wrapped_key(bytes);
  }
  return 0;
}
