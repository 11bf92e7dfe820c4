// SPDX-License-Identifier: EUPL-1.2
// The ground rules every group keeps and the conditions of intervision, as keys: the words
// people read live in the web app's catalogs (Dutch first), beside the group's own rules.
#pragma once

#include <array>
#include <string_view>

namespace intervisie::core::group {

inline constexpr std::array<std::string_view, 9> ground_rules{
    "signing_up_is_taking_part",
    "an_appointment_is_an_appointment",
    "second_to_cancel_arranges",
    "a_started_case_is_finished",
    "confidentiality",
    "everyone_keeps_it_safe",
    "disturbances_go_first",
    "a_boundary_is_respected",
    "there_is_always_a_facilitator",
};

inline constexpr std::array<std::string_view, 6> conditions{
    "five_to_eight_people",  "voluntary",    "own_work_up_for_discussion",
    "interest_in_the_other", "a_small_risk", "respect",
};

} // namespace intervisie::core::group
