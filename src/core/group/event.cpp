// SPDX-License-Identifier: EUPL-1.2
#include "core/group/event.hpp"

#include <array>

namespace intervisie::core::group {
namespace {

// In the order of GroupEventBody's alternatives.
constexpr std::array<std::string_view, std::variant_size_v<GroupEventBody>> event_kind_names = {
    "group_created",      "member_joined",          "member_left",        "invitation_created",
    "invitation_revoked", "meeting_scheduled",      "meeting_called_off", "signed_up",
    "cancelled",          "cancellation_withdrawn", "new_date_needed",    "rescheduler_changed",
    "reschedule_dropped", "dates_proposed",         "dates_answered",     "meeting_moved",
    "facilitator_set",    "case_started",           "presenter_recorded", "follow_up_recorded",
    "retention_set",
};

} // namespace

std::string_view kind_name(const GroupEventBody& body) {
  return event_kind_names[body.index()];
}

std::span<const std::string_view> kind_names() {
  return event_kind_names;
}

} // namespace intervisie::core::group
