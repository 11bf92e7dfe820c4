// SPDX-License-Identifier: EUPL-1.2
#include "server/http/json_body.hpp"

#include "server/codec/object_reader.hpp"

#include <boost/json/parse.hpp>

namespace intervisie::server {

namespace http = boost::beast::http;

std::expected<boost::json::object, Response> json_object_body(const Request& request) {
  if (request.body().empty())
    return boost::json::object{};
  boost::system::error_code error;
  boost::json::value parsed = boost::json::parse(request.body(), error);
  if (error || !parsed.is_object())
    return std::unexpected(error_response(request, http::status::bad_request, "bad_message",
                                          "The body must be one JSON object."));
  return std::move(parsed.get_object());
}

std::optional<Response> fields_refused(const Request& request, std::string_view what) {
  auto body = json_object_body(request);
  if (!body)
    return std::move(body.error());
  ObjectReader reader{*body, std::string(what), "", Source::client};
  if (auto error = reader.finish())
    return bad_body(request, *error);
  return std::nullopt;
}

Response bad_body(const Request& request, const CodecError& error) {
  return error_response(request, http::status::bad_request, to_string(error.code), error.message);
}

} // namespace intervisie::server
