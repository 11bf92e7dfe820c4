// SPDX-License-Identifier: EUPL-1.2
// A text sealed with a key: XChaCha20-Poly1305 with a 192-bit nonce that never repeats, bound to
// what it is (the associated data: which session, which event), written as "s1." + URL-safe base64
// of nonce || ciphertext || tag, so it fits a TEXT column of any store.
#pragma once

#include "store/sealed/secret_key.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::store::sealed {

// Why a sealed text did not open: not sealed at all, or the key or the associated data do not
// match (or the bytes were changed). The two are told apart only to explain a failure.
enum class OpenError { not_sealed, forged };

std::string seal(const SecretKey& key, std::string_view plain, std::string_view associated);

std::expected<std::string, OpenError> open(const SecretKey& key, std::string_view sealed,
                                           std::string_view associated);

// True for what seal() makes. Rows written before encryption existed are plain JSON, which
// never starts with "s1.".
bool is_sealed(std::string_view text);

} // namespace intervisie::store::sealed
