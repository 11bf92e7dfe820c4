// SPDX-License-Identifier: EUPL-1.2
#include "server/http/session_access.hpp"

#include "server/auth/token.hpp"

namespace intervisie::server {

namespace http = boost::beast::http;

void check_against_nothing(std::string_view token) {
  (void)same_secret(token_hash(token), token_hash(""));
}

std::optional<core::ParticipantId> participant_of(const LiveSession* live, std::string_view token) {
  if (live == nullptr) {
    check_against_nothing(token);
    return std::nullopt;
  }
  return live->authenticate(token);
}

bool admitted(const LiveSession* live, std::string_view join_token) {
  if (live == nullptr) {
    check_against_nothing(join_token);
    return false;
  }
  return live->admits(join_token);
}

Response unauthorized(const Request& request) {
  return error_response(request, http::status::unauthorized, "unauthorized",
                        "This link or token is not valid.");
}

http::status status_of(const AdmissionError& error) {
  const auto refusal = error.refusal();
  if (!refusal)
    return std::get<AdmissionFailure>(error.reason) == AdmissionFailure::unknown_method
               ? http::status::unprocessable_entity
               : http::status::service_unavailable;
  switch (*refusal) {
  case core::RefusalCode::group_full:
  case core::RefusalCode::name_taken:
  case core::RefusalCode::session_finished:
  case core::RefusalCode::place_without_device:
  case core::RefusalCode::no_place_to_claim:
    return http::status::conflict;
  default:
    return http::status::unprocessable_entity;
  }
}

Response error_response(const Request& request, const AdmissionError& error,
                        std::optional<std::string_view> message) {
  return error_response(request, status_of(error), to_string(error),
                        message.value_or(message_en(error)));
}

Request head_of(const Request& request) {
  Request head{request.method(), request.target(), request.version()};
  head.keep_alive(request.keep_alive());
  return head;
}

} // namespace intervisie::server
