// SPDX-License-Identifier: EUPL-1.2
// The request bodies of the account routes (docs/api.md: accounts, login, logout, me), read
// strictly with ObjectReader: each field checked for its type, a field nobody asked for refused,
// the first problem reported. What the texts must be (an e-mail address, a display name, a strong
// password) is the core's account rules, checked by the route after these.
#pragma once

#include "server/codec/codec_error.hpp"

#include <expected>
#include <string>
#include <string_view>

namespace intervisie::server {

// POST /api/accounts
struct NewAccountBody {
  std::string email;
  std::string password;
  std::string display_name;
  bool operator==(const NewAccountBody&) const = default;
};
std::expected<NewAccountBody, CodecError> new_account_from_json(std::string_view body);

// POST /api/login
struct LoginBody {
  std::string email;
  std::string password;
  bool operator==(const LoginBody&) const = default;
};
std::expected<LoginBody, CodecError> login_from_json(std::string_view body);

// POST /api/logout: whether every login of the account ends (false when not given).
std::expected<bool, CodecError> logout_everywhere_from_json(std::string_view body);

// DELETE /api/me: the account's password, asked again.
std::expected<std::string, CodecError> account_deletion_from_json(std::string_view body);

// POST /api/me/calendar-feed takes no fields: no_fields_from_json(body, "calendar feed").

} // namespace intervisie::server
