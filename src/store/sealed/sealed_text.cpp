// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/sealed_text.hpp"

#include <sodium.h>

#include <atomic>
#include <cstring>
#include <vector>

namespace intervisie::store::sealed {

namespace {

constexpr std::string_view prefix = "s1.";
constexpr auto variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::size_t nonce_size = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tag_size = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// A nonce that never repeats: 16 random bytes drawn once per process, then a counter. As safe as
// a fresh random nonce each time (XChaCha20's 192 bits leave room for both), without a system
// call per event (getrandom cost more than the cipher itself).
void next_nonce(unsigned char* nonce) {
  struct Source {
    unsigned char prefix[16]{};
    std::atomic<std::uint64_t> count{0};
    Source() { randombytes_buf(prefix, sizeof prefix); }
  };
  static Source source;
  static_assert(sizeof source.prefix + sizeof(std::uint64_t) == nonce_size);
  const std::uint64_t count = source.count.fetch_add(1, std::memory_order_relaxed);
  std::memcpy(nonce, source.prefix, sizeof source.prefix);
  std::memcpy(nonce + sizeof source.prefix, &count, sizeof count);
}

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

} // namespace

std::string seal(const SecretKey& key, std::string_view plain, std::string_view associated) {
  std::vector<unsigned char> box(nonce_size + plain.size() + tag_size);
  next_nonce(box.data());
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(box.data() + nonce_size, &written, bytes_of(plain),
                                             plain.size(), bytes_of(associated), associated.size(),
                                             nullptr, box.data(), key.bytes().data());
  std::string text(prefix.size() + sodium_base64_ENCODED_LEN(box.size(), variant), '\0');
  std::copy(prefix.begin(), prefix.end(), text.begin());
  sodium_bin2base64(text.data() + prefix.size(), text.size() - prefix.size(), box.data(),
                    box.size(), variant);
  text.resize(text.find('\0', prefix.size()));
  return text;
}

std::expected<std::string, OpenError> open(const SecretKey& key, std::string_view sealed,
                                           std::string_view associated) {
  if (!is_sealed(sealed))
    return std::unexpected(OpenError::not_sealed);
  const std::string_view encoded = sealed.substr(prefix.size());
  std::vector<unsigned char> box(encoded.size() * 3 / 4 + 1);
  std::size_t length = 0;
  if (sodium_base642bin(box.data(), box.size(), encoded.data(), encoded.size(), nullptr, &length,
                        nullptr, variant) != 0 ||
      length < nonce_size + tag_size)
    return std::unexpected(OpenError::forged);
  std::string plain(length - nonce_size - tag_size, '\0');
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &written, nullptr,
          box.data() + nonce_size, length - nonce_size, bytes_of(associated), associated.size(),
          box.data(), key.bytes().data()) != 0)
    return std::unexpected(OpenError::forged);
  return plain;
}

bool is_sealed(std::string_view text) {
  return text.starts_with(prefix);
}

} // namespace intervisie::store::sealed
