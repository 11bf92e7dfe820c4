// SPDX-License-Identifier: EUPL-1.2
// The cookie that keeps a person logged in: HttpOnly (no script reads it), SameSite=Strict (no
// other site's page sends it), Secure when the server is reached over https.
#pragma once

#include "server/http/responses.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace intervisie::server {

inline constexpr std::string_view login_cookie_name = "intervisie_login";

// The login token from the request's Cookie header(s), if there is one.
std::optional<std::string> login_token(const Request& request);

// Set-Cookie values: one that logs in for `lifetime`, and one that removes the cookie.
std::string login_cookie(std::string_view token, std::chrono::seconds lifetime, bool secure);
std::string logout_cookie(bool secure);

} // namespace intervisie::server
