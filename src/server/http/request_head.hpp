// SPDX-License-Identifier: EUPL-1.2
// How a connection reads a request's head: the parser's limits, and the framing the server
// refuses before it reads a body. Apart from HttpSession so a fuzzer can drive exactly this.
#pragma once

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace intervisie::server {

struct HttpLimits {
  std::size_t body_max = 16 * 1024; // API bodies are a few names and titles
  std::size_t header_max = 8 * 1024;
  // Open connections one client address may hold (0: no limit). Generous: a school's phones
  // may all come from one address.
  std::size_t connections_per_address = 256;
  // Proxies in front (nginx, for many nodes): a connection from one of them is not counted as
  // its address's, and its requests' client address is the X-Real-IP the proxy sets.
  std::vector<std::string> trusted_proxies;
};

using RequestParser = boost::beast::http::request_parser<boost::beast::http::string_body>;

// The limits of `limits` on a fresh parser.
void limit(RequestParser& parser, const HttpLimits& limits);

// RFC 9112 6.3: a request whose last transfer coding is not "chunked" has no length the server
// can know. Read as an empty body, the rest would be taken for a second request (smuggling).
bool framing_unknown(const boost::beast::http::fields& head);

} // namespace intervisie::server
