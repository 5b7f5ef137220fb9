// Talent programmes (萃英计划 and the like): define a programme for a zone, add its members from the registry's people
// with the period of membership and its source, and form teams (a leader and members). For admins and zone
// operators; the evaluation page then filters by programme.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Drawer, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { ZoneTreeSelect } from '../../../shared/components/ZoneTreeSelect';
import { talentApi, type TalentProgramme, type TalentProgrammeDetail } from './api';
import { PersonSelect } from './RegistrySelect';
import { useProblemToast } from './useProblemToast';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function TalentProgrammesPage() {
  const { t, name } = useI18n();
  const { user } = useAuth();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const manager = user?.role === 'admin' || user?.role === 'zone_operator';
  const programmes = useQuery({ queryKey: ['talent', 'programmes'], queryFn: talentApi.programmes, enabled: !!user });
  if (!user) return <Card><Alert type="info" message={t('talent.signIn')} /></Card>;
  return (
    <Card
      title={t('talentProg.title')}
      data-testid="talent-programmes"
      extra={manager ? <Button type="primary" onClick={() => setCreating(true)} data-testid="talent-programme-create">{t('talentProg.create')}</Button> : null}
    >
      <Typography.Paragraph type="secondary">{t('talentProg.intro')}</Typography.Paragraph>
      <Table<TalentProgramme>
        rowKey="id" size="small" loading={programmes.isPending} dataSource={programmes.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('talentProg.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('talentProg.code'), dataIndex: 'code' },
          { title: t('talentProg.name'), render: (_, r) => <a data-testid="talent-programme-row">{name(r)}</a> },
          { title: t('talentProg.members'), dataIndex: 'members', align: 'right' },
          { title: t('talentProg.teams'), dataIndex: 'teams', align: 'right' },
        ]}
      />
      {creating && <CreateProgramme onClose={() => setCreating(false)} />}
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={720} destroyOnHidden title={t('talentProg.detail')}>
        {open !== null && <ProgrammeDetail id={open} manager={manager} />}
      </Drawer>
    </Card>
  );
}

function CreateProgramme({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const problem = useProblemToast();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: talentApi.createProgramme,
    onSuccess: async () => { await qc.invalidateQueries({ queryKey: ['talent'] }); onClose(); },
    onError: problem,
  });
  return (
    <Modal open title={t('talentProg.create')} onCancel={onClose} okText={t('common.save')} cancelText={t('common.cancel')}
      confirmLoading={create.isPending} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" onFinish={(v: { code: string; zone_id: number; name_zh: string; name_en?: string; description?: string }) =>
        create.mutate({ code: v.code.trim(), zone_id: v.zone_id, name_zh: v.name_zh.trim(), name_en: v.name_en?.trim() || null, description: v.description?.trim() || null })}>
        <Form.Item name="code" label={t('talentProg.code')} rules={[{ required: true, pattern: /^[A-Za-z0-9_.-]+$/, message: t('talentProg.codeRule') }]}>
          <Input id="talent-programme-code" maxLength={60} />
        </Form.Item>
        <Form.Item name="zone_id" label={t('talent.zone')} rules={[{ required: true, message: t('talent.pickZone') }]}>
          <ZoneTreeSelect testId="talent-programme-zone" value={undefined} onChange={() => undefined} />
        </Form.Item>
        <Form.Item name="name_zh" label={t('talentProg.nameZh')} rules={[{ required: true, whitespace: true, message: t('talentProg.nameRequired') }]}>
          <Input id="talent-programme-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="name_en" label={t('talentProg.nameEn')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="description" label={t('talentProg.description')}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ProgrammeDetail({ id, manager }: { id: number; manager: boolean }) {
  const { t, name } = useI18n();
  const detail = useQuery({ queryKey: ['talent', 'programme', id], queryFn: () => talentApi.programme(id), enabled: manager });
  if (!manager) return <Alert type="warning" message={t('talent.forbidden')} />;
  const p = detail.data;
  if (!p) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="talent-programme-detail">
      <Typography.Title level={5}>{name(p)} <Tag>{p.code}</Tag></Typography.Title>
      {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
      <Members programme={p} />
      <Teams programme={p} />
    </Space>
  );
}

function Members({ programme }: { programme: TalentProgrammeDetail }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const problem = useProblemToast();
  const [form] = Form.useForm();
  const add = useMutation({
    mutationFn: (v: { person_id: number; since: Dayjs; until?: Dayjs | null; source?: string }) =>
      talentApi.addMember(programme.id, { person_id: v.person_id, since: day(v.since)!, until: day(v.until), source: v.source?.trim() || null }),
    onSuccess: async () => { form.resetFields(); await qc.invalidateQueries({ queryKey: ['talent'] }); },
    onError: problem,
  });
  return (
    <Card size="small" title={t('talentProg.members')}>
      <Table
        rowKey="id" size="small" dataSource={programme.members} pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid="talent-members"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('talentProg.noMembers') }}
        columns={[
          { title: t('talent.person'), render: (_, m) => name(m) },
          { title: t('talent.organization'), render: (_, m) => (m.organization ? name(m.organization) : '—') },
          { title: t('talentProg.since'), dataIndex: 'since' },
          { title: t('talentProg.until'), render: (_, m) => m.until ?? '—' },
          { title: t('talent.source'), render: (_, m) => m.source ?? '—' },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 12, rowGap: 8 }} onFinish={(v) => add.mutate(v)}>
        <Form.Item name="person_id" rules={[{ required: true, message: t('talentProg.personRequired') }]}>
          <PersonSelect id="talent-member-person" zone={programme.zone_id} />
        </Form.Item>
        <Form.Item name="since" rules={[{ required: true, message: t('talentProg.sinceRequired') }]}>
          <DatePicker placeholder={t('talentProg.since')} id="talent-member-since" />
        </Form.Item>
        <Form.Item name="until"><DatePicker placeholder={t('talentProg.until')} /></Form.Item>
        <Form.Item name="source"><Input placeholder={t('talent.source')} maxLength={500} /></Form.Item>
        <Button htmlType="submit" loading={add.isPending} data-testid="talent-member-add">{t('talentProg.addMember')}</Button>
      </Form>
    </Card>
  );
}

function Teams({ programme }: { programme: TalentProgrammeDetail }) {
  const { t, name } = useI18n();
  const qc = useQueryClient();
  const problem = useProblemToast();
  const [form] = Form.useForm();
  const create = useMutation({
    mutationFn: (v: { name_zh: string; name_en?: string; leader_person_id: number; member_ids?: number[] }) => talentApi.createTeam({
      zone_id: programme.zone_id, programme_id: programme.id, name_zh: v.name_zh.trim(), name_en: v.name_en?.trim() || null,
      leader_person_id: v.leader_person_id, member_ids: v.member_ids ?? [],
    }),
    onSuccess: async () => { form.resetFields(); await qc.invalidateQueries({ queryKey: ['talent'] }); },
    onError: problem,
  });
  return (
    <Card size="small" title={t('talentProg.teams')}>
      {programme.teams.length === 0 ? <Typography.Text type="secondary">{t('talentProg.noTeams')}</Typography.Text> : (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="talent-teams">
          {programme.teams.map((team) => (
            <div key={team.id}>
              <b>{name(team)}</b>
              <Typography.Text type="secondary"> · {t('talentProg.leader')}: {name(team.leader)}</Typography.Text>
              <div>{team.members.map((m) => <Tag key={m.id}>{name(m)}</Tag>)}</div>
            </div>
          ))}
        </Space>
      )}
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={(v) => create.mutate(v)}>
        <Space wrap align="start">
          <Form.Item name="name_zh" label={t('talentProg.teamName')} rules={[{ required: true, whitespace: true, message: t('talentProg.nameRequired') }]}>
            <Input id="talent-team-name" maxLength={200} />
          </Form.Item>
          <Form.Item name="name_en" label={t('talentProg.nameEn')}><Input maxLength={200} /></Form.Item>
          <Form.Item name="leader_person_id" label={t('talentProg.leader')} rules={[{ required: true, message: t('talentProg.personRequired') }]}>
            <PersonSelect id="talent-team-leader" zone={programme.zone_id} />
          </Form.Item>
          <Form.Item name="member_ids" label={t('talentProg.teamMembers')}>
            <PersonSelect id="talent-team-members" zone={programme.zone_id} multiple />
          </Form.Item>
        </Space>
        <Button htmlType="submit" loading={create.isPending} data-testid="talent-team-create">{t('talentProg.createTeam')}</Button>
      </Form>
    </Card>
  );
}
