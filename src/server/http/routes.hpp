// SPDX-License-Identifier: EUPL-1.2
// A set of API routes that the Api hands requests to (accounts, groups): each looks at the path
// and either takes the request, answering it now or later, or leaves it to the next.
#pragma once

#include "server/http/responses.hpp"

#include <functional>
#include <string>
#include <vector>

namespace intervisie::server {

class Routes {
public:
  using Respond = std::function<void(Response)>;

  virtual ~Routes() = default;

  // True when the request was taken; `request` and `respond` were then moved from.
  virtual bool handle(Request& request, const std::vector<std::string>& segments,
                      const std::string& client_address, Respond& respond) = 0;
};

} // namespace intervisie::server
