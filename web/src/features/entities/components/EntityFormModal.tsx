// Create and edit forms built from field metadata. Client-side required checks; server field errors land on the
// right form field; editing sends `version` and a 409 turns into a clear "someone else changed this" message.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Col, Form, Modal, Row, App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../shared/api/client';
import type { EntityMeta, FieldMeta, Item } from '../../../shared/api/types';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { createItem, getItem, updateItem } from '../api/entities';
import { FieldInput, formItemPropsFor, isEmpty } from './fields';

function editableFields(meta: EntityMeta): FieldMeta[] {
  return meta.fields.filter((f) => !f.readOnly);
}

function valuesFrom(item: Item | undefined, fields: FieldMeta[]): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  if (!item) return v;
  for (const f of fields) v[f.name] = item[f.name] ?? (f.type === 'list' ? [] : null);
  return v;
}

function normalise(field: FieldMeta, v: unknown): unknown {
  if (v === undefined || v === '') return null;
  if (field.type === 'list' && Array.isArray(v) && v.length === 0) return [];
  return v;
}

/** The value type the required rule checks against (async-validator defaults to string). */
function ruleType(f: FieldMeta): 'number' | 'array' | 'boolean' | 'string' {
  switch (f.type) {
    case 'int':
    case 'number':
    case 'ref':
      return 'number';
    case 'list':
      return 'array';
    case 'bool':
      return 'boolean';
    default:
      return 'string';
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function EntityFormModal({
  meta,
  item,
  open,
  onClose,
  onSaved,
}: {
  meta: EntityMeta;
  item?: Item;
  open: boolean;
  onClose: () => void;
  onSaved: (item: Item) => void;
}) {
  const i18n = useI18n();
  const { t, pick } = i18n;
  const { user } = useAuth();
  const qc = useQueryClient();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<Item | undefined>(item);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [generalError, setGeneralError] = useState<string | null>(null);
  const fields = useMemo(() => editableFields(meta), [meta]);
  const editing = !!item;

  const defaults = useMemo(() => {
    const d: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.type === 'bool') d[f.name] = false;
      if (f.type === 'ref' && f.ref === 'zones' && f.name === 'zone_id' && user?.zone_id) d[f.name] = user.zone_id;
      if (f.type === 'ref' && f.ref === 'organizations' && f.name === 'organization_id' && user?.organization_id)
        d[f.name] = user.organization_id;
    }
    return d;
  }, [fields, user]);

  useEffect(() => {
    if (!open) return;
    setCurrent(item);
    setConflict(false);
    setGeneralError(null);
    form.resetFields();
    form.setFieldsValue(item ? valuesFrom(item, fields) : defaults);
    // Only when the modal opens (or another record is edited): a background refetch must not wipe the user's edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, item?.id]);

  const reload = async () => {
    if (!current) return;
    setReloading(true);
    try {
      const fresh = await getItem(meta.name, current.id);
      setCurrent(fresh);
      form.resetFields();
      form.setFieldsValue(valuesFrom(fresh, fields));
      setConflict(false);
      setGeneralError(null);
      void qc.invalidateQueries({ queryKey: ['entity', meta.name] });
    } catch (e) {
      setGeneralError(e instanceof Error ? e.message : String(e));
    } finally {
      setReloading(false);
    }
  };

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setGeneralError(null);
    setConflict(false);
    const payload: Record<string, unknown> = {};
    for (const f of fields) {
      const v = normalise(f, values[f.name]);
      if (editing) {
        if (!same(v, normalise(f, current?.[f.name]))) payload[f.name] = v;
      } else if (!isEmpty(v) || (f.type === 'bool' && v !== null)) {
        // An untouched switch is left out (the server's default), since a boolean is never null.
        payload[f.name] = v;
      }
    }
    if (editing && Object.keys(payload).length === 0) {
      void message.info(t('form.noChanges'));
      onClose();
      return;
    }
    setSaving(true);
    try {
      const saved = editing ? await updateItem(meta.name, current!.id, current!.version, payload) : await createItem(meta.name, payload);
      void message.success(editing ? t('form.saved') : t('form.created'));
      void qc.invalidateQueries({ queryKey: ['entity', meta.name] });
      if (meta.name === 'zones') void qc.invalidateQueries({ queryKey: ['zones'] });
      onSaved(saved);
    } catch (e) {
      // A duplicate (e.g. credit code) is a 409 too, but it is about a field, not someone else's edit.
      if (isApiError(e) && e.code !== 'DUPLICATE' && (e.status === 409 || e.code === 'CONFLICT')) {
        setConflict(true);
      } else if (isApiError(e) && e.fieldErrors.length > 0) {
        const known = new Set(fields.map((f) => f.name));
        const onFields = e.fieldErrors.filter((fe) => known.has(fe.field));
        const others = e.fieldErrors.filter((fe) => !known.has(fe.field));
        const grouped = new Map<string, string[]>();
        for (const fe of onFields) {
          // "credit_code: must be…" → "must be…" under the field itself
          const msg = fe.message.startsWith(`${fe.field}: `) ? fe.message.slice(fe.field.length + 2) : fe.message;
          grouped.set(fe.field, [...(grouped.get(fe.field) ?? []), msg]);
        }
        form.setFields([...grouped].map(([name, errors]) => ({ name, errors })));
        if (onFields[0]) form.scrollToField(onFields[0].field);
        setGeneralError(
          others.length > 0 ? others.map((o) => (o.field ? `${o.field}: ${o.message}` : o.message)).join('; ') : t('form.fixErrors'),
        );
      } else {
        setGeneralError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('form.editTitle', { entity: pick(meta.label) }) : t('form.createTitle', { entity: pick(meta.label) })}
      onCancel={onClose}
      width={780}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" type="primary" loading={saving} onClick={() => void submit()} data-testid="entity-form-save" disabled={conflict}>
          {t('common.save')}
        </Button>,
      ]}
    >
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          data-testid="conflict-alert"
          style={{ marginBottom: 16 }}
          title={t('form.conflictTitle')}
          description={t('form.conflict')}
          action={
            <Button size="small" onClick={() => void reload()} loading={reloading}>
              {t('common.reload')}
            </Button>
          }
        />
      ) : null}
      {generalError ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={generalError} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" data-testid="entity-form" scrollToFirstError>
        <Row gutter={16}>
          {fields.map((f) => {
            const label = pick(f.label);
            const wide = f.type === 'longtext' || f.type === 'list';
            const rules =
              f.required && f.type !== 'bool'
                ? [{ required: true, type: ruleType(f), message: t('form.required', { field: label }), whitespace: f.type === 'text' || f.type === 'longtext' }]
                : [];
            return (
              <Col span={wide ? 24 : 12} key={f.name}>
                <Form.Item name={f.name} label={label} rules={rules} {...formItemPropsFor(f)}>
                  <FieldInput field={f} i18n={i18n} initialRef={current?.refs?.[f.name] ?? null} />
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
    </Modal>
  );
}
