// SPDX-License-Identifier: EUPL-1.2
#include "store/sealed/secret_key.hpp"

#include <sodium.h>

namespace intervisie::store::sealed {

static_assert(SecretKey::size == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

namespace {
// libsodium picks its fastest code at initialisation; idempotent and thread-safe.
[[maybe_unused]] const bool sodium_ready = sodium_init() >= 0;
} // namespace

SecretKey SecretKey::random() {
  SecretKey key;
  crypto_aead_xchacha20poly1305_ietf_keygen(key.bytes_.data());
  return key;
}

std::optional<SecretKey> SecretKey::from_bytes(std::span<const unsigned char> bytes) {
  if (bytes.size() != size)
    return std::nullopt;
  SecretKey key;
  std::copy(bytes.begin(), bytes.end(), key.bytes_.begin());
  return key;
}

std::optional<SecretKey> SecretKey::from_text(std::string_view text) {
  std::array<unsigned char, size + 1> decoded{};
  std::size_t length = 0;
  const bool ok =
      sodium_base642bin(decoded.data(), decoded.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0;
  auto key = ok ? from_bytes(std::span{decoded.data(), length}) : std::nullopt;
  sodium_memzero(decoded.data(), decoded.size());
  return key;
}

std::string SecretKey::to_text() const {
  std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes_.data(), bytes_.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(text.find('\0'));
  return text;
}

SecretKey::~SecretKey() {
  sodium_memzero(bytes_.data(), bytes_.size());
}

std::string SecretKey::id() const {
  // A hash keyed by the key itself, of a fixed label: the id says nothing about the key.
  static constexpr std::string_view label = "intervisie key id";
  std::array<unsigned char, 8> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(label.data()), label.size(),
                     bytes_.data(), bytes_.size());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

} // namespace intervisie::store::sealed
