// SPDX-License-Identifier: EUPL-1.2
// The HTTP messages every route speaks: a request with a string body, and JSON answers that
// carry the security headers. Errors are {"code","message"}.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>
#include <string_view>

namespace intervisie::server {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

Response json_response(const Request& request, boost::beast::http::status status, std::string body);
Response error_response(const Request& request, boost::beast::http::status status,
                        std::string_view code, std::string_view message);

} // namespace intervisie::server
