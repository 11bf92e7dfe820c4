// SPDX-License-Identifier: EUPL-1.2
import { useId, useState } from 'preact/hooks';
import { createGroup } from '../../groups/api';
import {
  conditionKeys as conditions,
  groundRuleKeys as groundRules,
  maxOwnRules,
  maxRuleLength,
} from '../../groups/groundRules';
import { loadMe } from '../../groups/me';
import { gt, refusalText } from '../../i18n/groups';
import { navigate } from '../../router';
import { Field, FormError, Page, RulesList, useRequest } from './parts';

/** Make a group: a name, the ground rules read, optionally a few agreements of its own. */
export function NewGroupPage() {
  const [name, setName] = useState('');
  const [own, setOwn] = useState('');
  const [problems, setProblems] = useState<{ name?: string; own?: string }>({});
  const request = useRequest();
  const ownId = useId();

  const submit = async (e: Event) => {
    e.preventDefault();
    const rules = own
      .split('\n')
      .map((r) => r.trim())
      .filter(Boolean);
    const found: { name?: string; own?: string } = {};
    if (!name.trim()) found.name = gt('err.group_name_missing');
    if (rules.length > maxOwnRules) found.own = refusalText('too_many_rules');
    else if (rules.some((r) => [...r].length > maxRuleLength)) found.own = gt('err.rule_too_long');
    setProblems(found);
    if (found.name || found.own) return;
    const group = await request.run(() =>
      createGroup(rules.length ? { name: name.trim(), own_rules: rules } : { name: name.trim() }),
    );
    if (group) {
      await loadMe(true).catch(() => undefined);
      navigate(`/groep/${encodeURIComponent(group.id)}`);
    }
  };

  return (
    <Page title={gt('newGroup.title')} lead={gt('newGroup.lead')}>
      <form onSubmit={submit} noValidate>
        <Field
          label={gt('newGroup.name')}
          hint={gt('newGroup.nameHint')}
          value={name}
          onInput={setName}
          maxLength={120}
          required
          error={problems.name}
        />
        <RulesList conditions={conditions} rules={groundRules} own={[]} />
        <div class={`field${problems.own ? ' has-error' : ''}`}>
          <label for={ownId}>{gt('newGroup.ownRules')}</label>
          <p class="hint" id={`${ownId}-hint`}>
            {gt('newGroup.ownRulesHint')}
          </p>
          <textarea
            id={ownId}
            rows={4}
            value={own}
            aria-invalid={problems.own ? 'true' : undefined}
            aria-describedby={`${ownId}-hint${problems.own ? ` ${ownId}-error` : ''}`}
            onInput={(e) => setOwn((e.currentTarget as HTMLTextAreaElement).value)}
          />
          {problems.own && (
            <p class="field-error" id={`${ownId}-error`}>
              {problems.own}
            </p>
          )}
        </div>
        <p class="hint">{gt('newGroup.acceptNote')}</p>
        <FormError text={request.error} />
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={request.busy}>
            {request.busy ? gt('common.busy') : gt('newGroup.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
