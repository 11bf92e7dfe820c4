// SPDX-License-Identifier: EUPL-1.2
// The bytes of an HTTP connection as HttpSession reads them (src/server/http/http_session.cpp):
// Beast's request parser with the server's limits, the head first and the framing check on it,
// then the body; then the next request on the same connection, until the bytes run out.
//   - A head the server accepts has a method and a target; a refused framing (a last transfer
//     coding other than chunked) never reaches the body.
//   - A body never exceeds the limit.
// Each head is read as the routes read it, by the server's own readers of headers:
//   - the login cookie (login_token): a token is a whole value of an `intervisie_login=` pair in
//     a Cookie header, never empty, never holding a separator or the spaces after it;
//   - the bearer token: exactly what follows "Bearer " in the Authorization header;
//   - the Origin check (origin_allowed): without the Host's vouching, only the public URL, its
//     loopback aliases and the allowed origins pass; the Host can only add to that;
//   - the client address: a trusted proxy's X-Real-IP when it is an address, else the peer's;
//     anyone else's X-Real-IP is ignored.
#include "server/accounts/login_cookie.hpp"
#include "server/http/bearer_token.hpp"
#include "server/http/client_address.hpp"
#include "server/http/origin.hpp"
#include "server/http/request_head.hpp"
#include "support/fuzz_support.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>

namespace {

using namespace intervisie;
namespace http = boost::beast::http;

// Feeds `bytes` to `parser` until it has what it wanted (the head, or the whole message) or
// needs more; returns how many bytes it took, or nothing when the parser refused them.
std::optional<std::size_t> feed(server::RequestParser& parser, std::string_view bytes,
                                bool head_only) {
  std::size_t used = 0;
  while (used < bytes.size() && !(head_only ? parser.is_header_done() : parser.is_done())) {
    boost::beast::error_code error;
    const std::size_t taken =
        parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), error);
    used += taken;
    if (error == http::error::need_more)
      return used; // the server would wait for more
    if (error)
      return std::nullopt;
    if (taken == 0)
      break;
  }
  return used;
}

void check_login_cookie(const server::Request& request) {
  const auto token = server::login_token(request);
  if (!token)
    return;
  fuzz::require(!token->empty() && token->find(';') == std::string::npos && !token->ends_with(' '),
                "a login token is one whole value, without the spaces after it", *token);
  const std::string pair = std::string(server::login_cookie_name) + "=" + *token;
  const auto [first, last] = request.equal_range(http::field::cookie);
  fuzz::require(std::any_of(first, last,
                            [&](const auto& field) {
                              return field.value().find(pair) != std::string_view::npos;
                            }),
                "a login token comes from a Cookie header", *token);
}

void check_bearer_token(const server::Request& request) {
  const std::string_view token = server::bearer_token(request);
  const auto header = request.find(http::field::authorization);
  if (header == request.end())
    return fuzz::require(token.empty(), "no Authorization header, no token");
  const std::string_view value = header->value();
  fuzz::require(token.empty() || value == "Bearer " + std::string(token),
                "a bearer token is the rest of its header", value);
}

void check_origin(const server::Request& request) {
  const std::vector<std::string> allowed{"https://app.example.nl"};
  for (const std::string_view public_url :
       {"https://intervisie.example.nl", "http://localhost:8080"}) {
    const bool strict = server::origin_allowed(request, public_url, allowed, false);
    const bool vouched = server::origin_allowed(request, public_url, allowed, true);
    fuzz::require(!strict || vouched, "the Host only adds to the pages allowed");
    const auto origin = request.find(http::field::origin);
    if (!strict || origin == request.end())
      continue;
    const std::string_view value = origin->value();
    const bool listed = value == public_url || value == allowed.front() ||
                        (public_url.starts_with("http://localhost:") &&
                         (value == "http://127.0.0.1:8080" || value == "http://[::1]:8080"));
    fuzz::require(listed, "only the public URL, its loopback names and allowed origins pass",
                  value);
  }
}

void check_client_address(const server::Request& request) {
  const std::string proxy = "10.0.0.2";
  fuzz::require(server::client_address(request, "192.0.2.7", {proxy}) == "192.0.2.7",
                "a client's own X-Real-IP is ignored");
  const std::string client = server::client_address(request, proxy, {proxy});
  if (client == proxy)
    return;
  const auto header = request.find("X-Real-IP");
  fuzz::require(header != request.end() && header->value() == client,
                "a proxy's client is the X-Real-IP it set", client);
  boost::system::error_code invalid;
  boost::asio::ip::make_address(client, invalid);
  fuzz::require(!invalid, "a client address is an address", client);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const server::HttpLimits limits; // the server's defaults
  std::string_view rest = fuzz::text_of(data, size);
  while (!rest.empty()) {
    server::RequestParser parser;
    server::limit(parser, limits);
    const auto head = feed(parser, rest, true);
    if (!head || !parser.is_header_done())
      return 0; // refused, or waiting for the rest of the head
    rest.remove_prefix(*head);
    const auto& request = parser.get();
    fuzz::require(!request.target().empty(), "an accepted head has a target");
    check_login_cookie(request);
    check_bearer_token(request);
    check_origin(request);
    check_client_address(request);
    if (server::framing_unknown(request))
      return 0; // 400, and the connection closes: the body is never read
    const auto body = feed(parser, rest, false);
    if (!body)
      return 0;
    rest.remove_prefix(*body);
    if (!parser.is_done())
      return 0; // waiting for the rest of the body
    fuzz::require(parser.get().body().size() <= limits.body_max, "a body stays within the limit");
    if (!parser.get().keep_alive())
      return 0;
  }
  return 0;
}
