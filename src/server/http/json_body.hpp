// SPDX-License-Identifier: EUPL-1.2
// The 400 answers to a request body the codec (src/server/codec) refused.
#pragma once

#include "server/codec/codec_error.hpp"
#include "server/http/responses.hpp"

#include <optional>
#include <string_view>

namespace intervisie::server {

// For a route that takes no fields: nothing when the body is empty or `{}`, else the 400 that
// names the first field (unknown_field), so a typo never passes silently.
std::optional<Response> fields_refused(const Request& request, std::string_view what);
// 400 with the codec error's code and message.
Response bad_body(const Request& request, const CodecError& error);
inline Response error_response(const Request& request, const CodecError& error) {
  return bad_body(request, error);
}

} // namespace intervisie::server
