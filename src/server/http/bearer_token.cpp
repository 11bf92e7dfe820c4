// SPDX-License-Identifier: EUPL-1.2
#include "server/http/bearer_token.hpp"

namespace intervisie::server {

std::string_view bearer_token(const Request& request) {
  const auto header = request.find(boost::beast::http::field::authorization);
  if (header == request.end())
    return {};
  const std::string_view value = header->value();
  return value.starts_with("Bearer ") ? value.substr(7) : std::string_view{};
}

} // namespace intervisie::server
