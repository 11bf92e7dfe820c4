// SPDX-License-Identifier: EUPL-1.2
// The ground rules every group keeps and the conditions of intervision, as the server's keys
// (docs/groups.md); the words are in the catalogs. A new group shows them before it exists.

export const groundRuleKeys = [
  'signing_up_is_taking_part',
  'an_appointment_is_an_appointment',
  'second_to_cancel_arranges',
  'a_started_case_is_finished',
  'confidentiality',
  'everyone_keeps_it_safe',
  'disturbances_go_first',
  'a_boundary_is_respected',
  'there_is_always_a_facilitator',
];

export const conditionKeys = [
  'five_to_eight_people',
  'voluntary',
  'own_work_up_for_discussion',
  'interest_in_the_other',
  'a_small_risk',
  'respect',
];

export const maxOwnRules = 10;
export const maxRuleLength = 300;
