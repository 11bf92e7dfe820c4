// SPDX-License-Identifier: EUPL-1.2
// Secrets that admit people to a session: unguessable, stored only as hashes, compared in
// constant time. libsodium does the cryptography.
#pragma once

#include <string>
#include <string_view>

namespace intervisie::server {

// Must run once before any other function here; safe to call more than once.
void init_crypto();

// 256 random bits, URL-safe base64 without padding.
std::string new_token();
// 128 random bits, URL-safe base64 without padding: a session's public id.
std::string new_session_id();
// What the store keeps instead of the token itself (BLAKE2b, hex).
std::string token_hash(std::string_view token);
// Constant time over equal lengths, so a wrong guess learns nothing from timing.
bool same_secret(std::string_view a, std::string_view b);

} // namespace intervisie::server
