// SPDX-License-Identifier: EUPL-1.2
#include "server/http/json_body.hpp"

#include "server/codec/request_body.hpp"

namespace intervisie::server {

namespace http = boost::beast::http;

std::optional<Response> fields_refused(const Request& request, std::string_view what) {
  if (auto none = no_fields_from_json(request.body(), what); !none)
    return bad_body(request, none.error());
  return std::nullopt;
}

Response bad_body(const Request& request, const CodecError& error) {
  return error_response(request, http::status::bad_request, to_string(error.code), error.message);
}

} // namespace intervisie::server
