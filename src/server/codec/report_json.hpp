// SPDX-License-Identifier: EUPL-1.2
// The presenter's record (core/report) as JSON: what GET /api/sessions/{id}/report and a
// group's case report answer, with the same record as Markdown beside it.
#pragma once

#include "core/report/presenter_record.hpp"
#include "server/codec/wire_names.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>

namespace intervisie::server {

// `kept_until_ms`: from when the retention erases the record (null when not known).
boost::json::object record_to_json(const core::PresenterRecord& record, core::Language language,
                                   std::optional<std::int64_t> kept_until_ms = std::nullopt);

} // namespace intervisie::server
