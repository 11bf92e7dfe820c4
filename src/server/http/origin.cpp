#include "server/http/origin.hpp"

#include <algorithm>

namespace intervisie::server {

namespace http = boost::beast::http;

bool origin_allowed(const Request& request, std::string_view public_url,
                    const std::vector<std::string>& allowed_origins) {
  const auto origin = request.find(http::field::origin);
  if (origin == request.end())
    return true; // not a browser: tokens still decide
  const std::string value(origin->value());
  if (value == public_url)
    return true;
  if (std::ranges::find(allowed_origins, value) != allowed_origins.end())
    return true;
  const auto host = request.find(http::field::host);
  return host != request.end() && (value == "http://" + std::string(host->value()) ||
                                   value == "https://" + std::string(host->value()));
}

} // namespace intervisie::server
