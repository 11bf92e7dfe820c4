// SPDX-License-Identifier: EUPL-1.2
// The secret of an `Authorization: Bearer <token>` header. A URL with a secret in it ends up in
// histories and logs, so the routes of a live session take their tokens in this header.
#pragma once

#include "server/http/responses.hpp"

#include <string_view>

namespace intervisie::server {

// The token after "Bearer " in the request's first Authorization header; empty when there is
// none, or when the header holds another scheme.
std::string_view bearer_token(const Request& request);

} // namespace intervisie::server
