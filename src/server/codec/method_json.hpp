// SPDX-License-Identifier: EUPL-1.2
// The method catalogue as JSON: what `GET /api/methods` serves and `intervisie methods --json`
// prints. Per-kind fields appear only on the steps of that kind.
#pragma once

#include "core/method/catalogue.hpp"
#include "core/method/method.hpp"

#include <boost/json.hpp>

namespace intervisie::server {

// {"id","name":{nl,en},"purpose":{nl,en},"has_scribe","total_minutes","steps":[…]}
boost::json::value to_json(const core::Method& method);

// {"methods":[…]} in catalogue order.
boost::json::value to_json(const core::Catalogue& catalogue);

} // namespace intervisie::server
