// SPDX-License-Identifier: EUPL-1.2
// Whom a request comes from, for the per-address limits: the peer's address, unless the peer is
// a trusted proxy (nginx in front of many nodes); then the X-Real-IP the proxy set, if that is
// an address. Anyone else's X-Real-IP is ignored: a client cannot pick the address it is
// counted under.
#pragma once

#include <boost/beast/http/fields.hpp>

#include <string>
#include <vector>

namespace intervisie::server {

std::string client_address(const boost::beast::http::fields& head, const std::string& peer,
                           const std::vector<std::string>& trusted_proxies);

} // namespace intervisie::server
