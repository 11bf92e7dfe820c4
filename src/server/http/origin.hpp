// Which web pages may talk to this server with a person's credentials: its own, and origins
// the operator allowed. Requests without an Origin header do not come from a browser page.
#pragma once

#include "server/http/responses.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace intervisie::server {

bool origin_allowed(const Request& request, std::string_view public_url,
                    const std::vector<std::string>& allowed_origins);

} // namespace intervisie::server
