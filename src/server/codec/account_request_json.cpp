// SPDX-License-Identifier: EUPL-1.2
#include "server/codec/account_request_json.hpp"

#include "server/codec/request_body.hpp"

namespace intervisie::server {

std::expected<NewAccountBody, CodecError> new_account_from_json(std::string_view body) {
  return read_body(body, "new account", [](ObjectReader& reader, const boost::json::object&) {
    NewAccountBody account;
    account.email = reader.text("email");
    account.password = reader.text("password");
    account.display_name = reader.text("display_name");
    return account;
  });
}

std::expected<LoginBody, CodecError> login_from_json(std::string_view body) {
  return read_body(body, "login", [](ObjectReader& reader, const boost::json::object&) {
    LoginBody login;
    login.email = reader.text("email");
    login.password = reader.text("password");
    return login;
  });
}

std::expected<bool, CodecError> logout_everywhere_from_json(std::string_view body) {
  return read_body(body, "logout", [](ObjectReader& reader, const boost::json::object&) {
    return reader.boolean("everywhere", Presence::optional);
  });
}

std::expected<std::string, CodecError> account_deletion_from_json(std::string_view body) {
  return read_body(body, "account deletion", [](ObjectReader& reader, const boost::json::object&) {
    return reader.text("password");
  });
}

} // namespace intervisie::server
