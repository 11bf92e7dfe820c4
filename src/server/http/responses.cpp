// SPDX-License-Identifier: EUPL-1.2
#include "server/http/responses.hpp"

#include "server/http/security_headers.hpp"

#include <boost/json.hpp>

namespace intervisie::server {

namespace http = boost::beast::http;

Response json_response(const Request& request, http::status status, std::string body) {
  Response response{status, request.version()};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  add_security_headers(response.base());
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

Response error_response(const Request& request, http::status status, std::string_view code,
                        std::string_view message) {
  return json_response(
      request, status,
      boost::json::serialize(boost::json::object{{"code", code}, {"message", message}}));
}

} // namespace intervisie::server
