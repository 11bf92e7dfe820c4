// SPDX-License-Identifier: EUPL-1.2
#include "server/groups/group_call.hpp"

#include <boost/json/serialize.hpp>

namespace intervisie::server {

void GroupCall::answer_json(boost::beast::http::status status,
                            const boost::json::object& body) const {
  answer(json_response(request, status, boost::json::serialize(body)));
}

} // namespace intervisie::server
