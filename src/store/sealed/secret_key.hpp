// SPDX-License-Identifier: EUPL-1.2
// A 256-bit key for XChaCha20-Poly1305 (libsodium): a master key or a data key. Wiped from
// memory when it goes; never printed, only its id.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace intervisie::store::sealed {

class SecretKey {
public:
  static constexpr std::size_t size = 32;

  // A fresh key from the system's random source.
  static SecretKey random();
  static std::optional<SecretKey> from_bytes(std::span<const unsigned char> bytes);
  // The key written as text (URL-safe base64 without padding) and back: key files.
  static std::optional<SecretKey> from_text(std::string_view text);
  std::string to_text() const;

  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();

  std::span<const unsigned char, size> bytes() const { return bytes_; }
  // A public fingerprint (16 hex digits of a keyed hash): tells keys apart in messages and in
  // what a key wrapped, without revealing anything of the key.
  std::string id() const;

private:
  SecretKey() = default;
  std::array<unsigned char, size> bytes_{};
};

} // namespace intervisie::store::sealed
