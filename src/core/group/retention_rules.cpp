// SPDX-License-Identifier: EUPL-1.2
// The group's own retention: how long the content of its cases is kept after their meeting.
// Every member may set it (it protects all of them alike); 0 returns to the server's default.
#include "core/group/decision.hpp"

namespace intervisie::core::group::rules {

Decision decide(const Context& context, const cmd::SetRetention& command) {
  if (command.days != 0 && (command.days < min_retention_days || command.days > max_retention_days))
    return refuse(Code::bad_retention, "days");
  return GroupEvents{context.event(event::RetentionSet{command.days})};
}

} // namespace intervisie::core::group::rules
