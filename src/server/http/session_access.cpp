// SPDX-License-Identifier: EUPL-1.2
#include "server/http/session_access.hpp"

#include "server/auth/token.hpp"

namespace intervisie::server {

namespace http = boost::beast::http;

std::string_view bearer_token(const Request& request) {
  const auto header = request.find(http::field::authorization);
  if (header == request.end())
    return {};
  const std::string_view value = header->value();
  return value.starts_with("Bearer ") ? value.substr(7) : std::string_view{};
}

void check_against_nothing(std::string_view token) {
  (void)same_secret(token_hash(token), token_hash(""));
}

Response unauthorized(const Request& request) {
  return error_response(request, http::status::unauthorized, "unauthorized",
                        "This link or token is not valid.");
}

http::status status_of_refusal(std::string_view code) {
  if (code == "group_full" || code == "name_taken" || code == "session_finished" ||
      code == "place_without_device" || code == "no_place_to_claim")
    return http::status::conflict;
  if (code == "storage_failed")
    return http::status::service_unavailable;
  return http::status::unprocessable_entity;
}

Request head_of(const Request& request) {
  Request head{request.method(), request.target(), request.version()};
  head.keep_alive(request.keep_alive());
  return head;
}

} // namespace intervisie::server
