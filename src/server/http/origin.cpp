// SPDX-License-Identifier: EUPL-1.2
#include "server/http/origin.hpp"

#include <algorithm>

namespace intervisie::server {

namespace http = boost::beast::http;

namespace {

bool loopback_alias(std::string_view origin, std::string_view public_url) {
  constexpr std::string_view localhost = "http://localhost:";
  if (!public_url.starts_with(localhost))
    return false;
  const std::string port(public_url.substr(localhost.size()));
  return origin == "http://127.0.0.1:" + port || origin == "http://[::1]:" + port;
}

} // namespace

bool origin_allowed(const Request& request, std::string_view public_url,
                    const std::vector<std::string>& allowed_origins, bool host_may_vouch) {
  const auto origin = request.find(http::field::origin);
  if (origin == request.end())
    return true; // not a browser: tokens still decide
  const std::string value(origin->value());
  if (value == public_url || loopback_alias(value, public_url))
    return true;
  if (std::ranges::find(allowed_origins, value) != allowed_origins.end())
    return true;
  if (!host_may_vouch)
    return false;
  const auto host = request.find(http::field::host);
  return host != request.end() && (value == "http://" + std::string(host->value()) ||
                                   value == "https://" + std::string(host->value()));
}

} // namespace intervisie::server
