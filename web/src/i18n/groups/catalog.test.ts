// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the catalogs of groups and meetings', () => {
  it('have the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...Object.entries(nl), ...Object.entries(en)]) {
      expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('name every ground rule and condition the server sends', () => {
    const rules = [
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
    const conditions = [
      'five_to_eight_people',
      'voluntary',
      'own_work_up_for_discussion',
      'interest_in_the_other',
      'a_small_risk',
      'respect',
    ];
    for (const r of rules) expect(nl, r).toHaveProperty([`rule.${r}`]);
    for (const c of conditions) expect(nl, c).toHaveProperty([`cond.${c}`]);
  });
});
