// SPDX-License-Identifier: EUPL-1.2
// The body of POST /api/join-codes (docs/api.md): the code someone typed off the wall, read
// strictly with ObjectReader. People type a code the way they read it ("123 456"): the spaces
// go; whether what is left is a code (six digits) the route checks.
#pragma once

#include "server/codec/codec_error.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::server {

// The typed code without its spaces.
std::expected<std::string, CodecError> join_code_from_json(std::string_view body);

} // namespace intervisie::server
