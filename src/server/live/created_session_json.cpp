// SPDX-License-Identifier: EUPL-1.2
#include "server/live/created_session_json.hpp"

#include <string>

namespace intervisie::server {

boost::json::object created_session_json(const CreatedSession& created,
                                         std::string_view public_url) {
  const std::string& id = created.session_id;
  const std::string base{public_url};
  return boost::json::object{{"session_id", id},
                             {"participant_id", created.facilitator.value},
                             {"token", created.token},
                             {"join_token", created.join_token},
                             {"join_url", base + "/join/" + id + "#" + created.join_token},
                             {"beamer_token", created.beamer_token},
                             {"beamer_url", base + "/beamer/" + id + "#" + created.beamer_token},
                             {"live_url", "/api/sessions/" + id + "/live"},
                             {"join_code", created.join_code}};
}

} // namespace intervisie::server
