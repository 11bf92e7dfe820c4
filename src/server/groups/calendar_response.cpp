// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/calendar_response.hpp"

#include "server/http/security_headers.hpp"

namespace intervisie::server {

namespace http = boost::beast::http;

Response calendar_response(const Request& request, std::string ics, std::string_view filename) {
  Response response{http::status::ok, request.version()};
  response.set(http::field::content_type, "text/calendar; charset=utf-8");
  response.set(http::field::content_disposition,
               "attachment; filename=\"" + std::string{filename} + "\"");
  add_security_headers(response.base());
  response.keep_alive(request.keep_alive());
  response.body() = std::move(ics);
  response.prepare_payload();
  return response;
}

} // namespace intervisie::server
