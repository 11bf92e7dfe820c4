// The presenter's record (core/report) as JSON: what GET /api/sessions/{id}/report and a
// group's case report answer, with the same record as Markdown beside it.
#pragma once

#include "core/report/presenter_record.hpp"
#include "server/codec/wire_names.hpp"

#include <boost/json/object.hpp>

namespace intervisie::server {

boost::json::object record_to_json(const core::PresenterRecord& record, core::Language language);

} // namespace intervisie::server
