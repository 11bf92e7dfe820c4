// SPDX-License-Identifier: EUPL-1.2
// A person using the JSON API as the web app does: signed up or logged in, then every request
// with the login cookie, and every change with the login's X-CSRF-Token.
#pragma once

#include "ws_client.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <string>

namespace intervisie::server::testing {

// The value of the login cookie in a response's Set-Cookie header; empty when there is none.
std::string login_cookie_of(const HttpResponse& response);

class AccountClient {
public:
  explicit AccountClient(std::uint16_t port) : port_{port} {}

  // POST /api/accounts; on success the client is logged in. Returns the response either way.
  HttpResponse sign_up(const std::string& email, const std::string& password,
                       const std::string& display_name);
  // POST /api/login; on success the client is logged in.
  HttpResponse log_in(const std::string& email, const std::string& password);

  // With the cookie; changes also with the CSRF token.
  HttpResponse get(const std::string& target) const;
  HttpResponse post(const std::string& target, const boost::json::object& body = {}) const;
  HttpResponse del(const std::string& target, const boost::json::object& body = {}) const;
  // Any request, with exactly the headers given besides the cookie (to leave out the token).
  HttpResponse send(const std::string& method, const std::string& target, const std::string& body,
                    std::vector<std::pair<std::string, std::string>> headers) const;

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf_token() const { return csrf_; }
  const std::string& account_id() const { return account_id_; }
  const std::string& display_name() const { return display_name_; }
  void set_port(std::uint16_t port) { port_ = port; }
  void forget_login() {
    cookie_.clear();
    csrf_.clear();
  }

private:
  void remember(const HttpResponse& response);

  std::uint16_t port_;
  std::string cookie_;
  std::string csrf_;
  std::string account_id_;
  std::string display_name_;
};

// "name@example.nl" style addresses that never collide within a test run.
std::string unique_email(std::string_view name);

} // namespace intervisie::server::testing
