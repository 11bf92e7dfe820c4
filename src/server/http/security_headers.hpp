// SPDX-License-Identifier: EUPL-1.2
// Headers every HTTP response carries: what the page may load, that it is never framed, and
// that types are not guessed.
#pragma once

#include <boost/beast/http/fields.hpp>

namespace intervisie::server {

void add_security_headers(boost::beast::http::fields& headers);

} // namespace intervisie::server
