// SPDX-License-Identifier: EUPL-1.2
#include "server/http/request_head.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/rfc7230.hpp>
#include <boost/range/iterator_range.hpp>

#include <cstdint>
#include <string_view>

namespace intervisie::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;

void limit(RequestParser& parser, const HttpLimits& limits) {
  parser.body_limit(limits.body_max);
  parser.header_limit(static_cast<std::uint32_t>(limits.header_max));
}

bool framing_unknown(const http::fields& head) {
  std::string_view last;
  for (const auto& field :
       boost::make_iterator_range(head.equal_range(http::field::transfer_encoding)))
    for (const auto coding : http::token_list{field.value()})
      last = std::string_view(coding.data(), coding.size());
  return head.count(http::field::transfer_encoding) > 0 && !beast::iequals(last, "chunked");
}

} // namespace intervisie::server
