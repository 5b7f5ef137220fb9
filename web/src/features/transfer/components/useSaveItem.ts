// Saving a demand or offer form: store the item, then its disclosure tiers, submit it for review if asked, and open
// its page; the server's field errors go onto the form's fields.
import { useNavigate } from 'react-router-dom';
import { App, type FormInstance } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/client';
import { type MessageKey, useI18n } from '../../../shared/i18n';
import { changeStatus, type ItemKind, saveTiers, type Tier } from '../api/listings';
import { defaultTiers } from './DisclosureTiers';
import { errorText } from './labels';

interface Options<V> {
  /** Creates or updates the item and returns it. */
  store: (values: V) => Promise<{ id: number; version: number }>;
  messages: { saved: MessageKey; submitted: MessageKey };
  /** The form's field names; server errors on other fields are not put on the form. */
  fields?: readonly string[];
}

export function useSaveItem<V extends { tiers?: Record<string, Tier> }>(kind: ItemKind, form: FormInstance<V>, { store, messages, fields }: Options<V>) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async ({ values, submit }: { values: V; submit: boolean }) => {
      const { id, version } = await store(values);
      await saveTiers(kind, id, { ...defaultTiers(kind), ...values.tiers }, version);
      if (submit) await changeStatus(kind, id, { action: 'submit' });
      return { id, submit };
    },
    onSuccess: ({ id, submit }) => {
      // The item's page, lists and matches all show what was just saved.
      void queryClient.invalidateQueries({ queryKey: ['transfer'] });
      void message.success(t(submit ? messages.submitted : messages.saved));
      navigate(`/transfer/${kind}s/${id}`);
    },
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) {
        const onForm = e.fieldErrors.filter((f) => f.field && (!fields || fields.includes(f.field)));
        form.setFields(onForm.map((f) => ({ name: f.field as never, errors: [f.message] })));
      }
      void message.error(errorText(e));
    },
  });
  const run = (submit: boolean) => form.validateFields().then((values) => save.mutate({ values, submit }), () => undefined);
  return { run, saving: save.isPending };
}
