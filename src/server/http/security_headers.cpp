// SPDX-License-Identifier: EUPL-1.2
#include "server/http/security_headers.hpp"

namespace intervisie::server {

void add_security_headers(boost::beast::http::fields& headers) {
  namespace http = boost::beast::http;
  // Inline styles only (style attributes set by the UI, e.g. a timer's progress); scripts stay
  // 'self' alone, which is what keeps injected markup inert.
  headers.set(
      "Content-Security-Policy",
      "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
      "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; "
      "frame-ancestors 'none'; form-action 'self'");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("X-Frame-Options", "DENY");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set(http::field::cache_control, "no-store");
}

} // namespace intervisie::server
