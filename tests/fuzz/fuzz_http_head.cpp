// SPDX-License-Identifier: EUPL-1.2
// The bytes of an HTTP connection as HttpSession reads them (src/server/http/http_session.cpp):
// Beast's request parser with the server's limits, the head first and the framing check on it,
// then the body; then the next request on the same connection, until the bytes run out.
//   - A head the server accepts has a method and a target; a refused framing (a last transfer
//     coding other than chunked) never reaches the body.
//   - A body never exceeds the limit.
#include "server/http/request_head.hpp"
#include "support/fuzz_support.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>

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
