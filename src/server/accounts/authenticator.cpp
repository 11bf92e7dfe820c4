// SPDX-License-Identifier: EUPL-1.2
#include "server/accounts/authenticator.hpp"

#include "server/accounts/login_cookie.hpp"
#include "server/auth/token.hpp"
#include "server/http/origin.hpp"

namespace intervisie::server {

namespace http = boost::beast::http;

namespace {

bool changes_state(const Request& request) {
  return request.method() != http::verb::get && request.method() != http::verb::head;
}

Response not_logged_in(const Request& request) {
  return error_response(request, http::status::unauthorized, "not_logged_in", "Log in first.");
}

} // namespace

std::expected<void, Response> Authenticator::page_allowed(const Request& request) const {
  if (!origin_allowed(request, origins_.public_url, origins_.allowed_origins,
                      /*host_may_vouch=*/false))
    return std::unexpected(error_response(request, http::status::forbidden, "bad_origin",
                                          "This page may not act on this server."));
  return {};
}

std::expected<Caller, Response> Authenticator::caller(const Request& request) const {
  const auto token = login_token(request);
  if (!token)
    return std::unexpected(not_logged_in(request));
  auto login = accounts_.login(token_hash(*token));
  if (!login)
    return std::unexpected(error_response(request, http::status::service_unavailable,
                                          "storage_failed", "The store cannot be read now."));
  if (!*login || (*login)->expires_at_ms <= clock_().time_since_epoch().count())
    return std::unexpected(not_logged_in(request));
  if (changes_state(request)) {
    if (auto allowed = page_allowed(request); !allowed)
      return std::unexpected(std::move(allowed.error()));
    const auto header = request.find("X-CSRF-Token");
    if (header == request.end() || !same_secret(header->value(), (*login)->csrf_token))
      return std::unexpected(error_response(request, http::status::forbidden, "csrf_failed",
                                            "This request lacks the page's X-CSRF-Token."));
  }
  auto account = accounts_.account((*login)->account_id);
  if (!account)
    return std::unexpected(error_response(request, http::status::service_unavailable,
                                          "storage_failed", "The store cannot be read now."));
  if (!*account)
    return std::unexpected(not_logged_in(request));
  return Caller{std::move(**account), std::move(**login)};
}

} // namespace intervisie::server
