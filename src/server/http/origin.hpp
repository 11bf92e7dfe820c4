// SPDX-License-Identifier: EUPL-1.2
// Which web pages may talk to this server with a person's credentials: its own, and origins
// the operator allowed. Requests without an Origin header do not come from a browser page.
#pragma once

#include "server/http/responses.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace intervisie::server {

// Whether a page may act on this server. The public URL and `allowed_origins` always may; so may
// the loopback names of a public URL on localhost (http://127.0.0.1:<port>, http://[::1]:<port>),
// which no other machine's page can have. `host_may_vouch` also lets a page whose origin is the
// request's own Host: never for routes a login cookie opens, where a name that points at this
// server (DNS rebinding) would otherwise be enough.
bool origin_allowed(const Request& request, std::string_view public_url,
                    const std::vector<std::string>& allowed_origins, bool host_may_vouch);

} // namespace intervisie::server
