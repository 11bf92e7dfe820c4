// SPDX-License-Identifier: EUPL-1.2
#include "server/http/client_address.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

namespace intervisie::server {

std::string client_address(const boost::beast::http::fields& head, const std::string& peer,
                           const std::vector<std::string>& trusted_proxies) {
  if (std::ranges::find(trusted_proxies, peer) == trusted_proxies.end())
    return peer;
  // The proxy says whom it speaks for; what it says must at least be an address.
  const auto header = head.find("X-Real-IP");
  if (header == head.end())
    return peer;
  std::string claimed{header->value()};
  boost::system::error_code invalid;
  boost::asio::ip::make_address(claimed, invalid);
  return invalid ? peer : claimed;
}

} // namespace intervisie::server
