// SPDX-License-Identifier: EUPL-1.2
// The numbers in docs/groups.md, in one place.
#pragma once

#include <chrono>
#include <cstddef>

namespace intervisie::core::group {

inline constexpr std::size_t max_members = 8;
inline constexpr std::size_t recommended_min_members = 5; // fewer: the small_group notice

inline constexpr std::size_t max_own_rules = 10;
inline constexpr std::size_t max_rule_chars = 300;
inline constexpr std::size_t max_group_name_chars = 100;
inline constexpr std::size_t max_display_name_chars = 60;
inline constexpr std::size_t max_reason_chars = 500;
inline constexpr std::size_t max_place_chars = 200;
inline constexpr std::size_t max_link_chars = 500;
inline constexpr std::size_t max_follow_up_note_chars = 1000;
inline constexpr std::size_t max_id_chars = 200; // ids come from the adapter; this only bounds them

inline constexpr std::chrono::days default_invitation_life{7};
inline constexpr std::chrono::days max_invitation_life{30};

inline constexpr int min_meeting_minutes = 30;
inline constexpr int max_meeting_minutes = 480;

inline constexpr std::size_t max_proposed_dates = 5;

// How long a group may keep the content of its cases (the server's default applies otherwise).
inline constexpr int min_retention_days = 1;
inline constexpr int max_retention_days = 365;

// A case may start from this long before a meeting until this long after its end.
inline constexpr std::chrono::minutes case_window{60};

} // namespace intervisie::core::group
