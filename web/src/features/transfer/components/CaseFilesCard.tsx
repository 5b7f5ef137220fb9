// Documents of a brokerage case (contract scans, minutes, test reports): both parties and the zone's brokers add
// and download them; whoever uploaded a document, or a broker, may remove it.
import { App, Button, Card, Empty, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useAuth } from '../../../shared/auth/AuthContext';
import { useI18n } from '../../../shared/i18n';
import { CASE_FILE_ACCEPT, type CaseDetail, caseFileUrl, isBroker, useCaseMutations } from '../api/transfer';
import { errorText, fmtDate } from './labels';

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function CaseFilesCard({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const { addFile, removeFile } = useCaseMutations(caseDetail.id);
  const mayRemove = (uploadedBy: number | null) => isBroker(user) || (user != null && uploadedBy === user.id);
  return (
    <Card title={t('transfer.cases.files')} size="small" style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={caseDetail.files}
        data-testid="case-files"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('transfer.cases.noFiles')} /> }}
        renderItem={(f) => (
          <List.Item
            actions={mayRemove(f.uploaded_by) ? [
              <Popconfirm key="r" title={t('transfer.cases.removeFileConfirm')} onConfirm={() => removeFile.mutate(f.id, {
                onSuccess: () => void message.success(t('transfer.cases.fileRemoved')),
                onError: (e) => void message.error(errorText(e)),
              })}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} data-testid="case-file-remove">{t('transfer.cases.removeFile')}</Button>
              </Popconfirm>,
            ] : []}
          >
            <Space direction="vertical" size={0}>
              <a href={caseFileUrl(caseDetail.id, f.id)} download={f.filename} data-testid="case-file-link">{f.filename}</a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {size(f.size_bytes)} · {f.username ?? '—'} · {fmtDate(f.uploaded_at)}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Upload
        accept={CASE_FILE_ACCEPT}
        showUploadList={false}
        customRequest={({ file }) => addFile.mutate(file as File, {
          onSuccess: () => void message.success(t('transfer.cases.uploaded')),
          onError: (e) => void message.error(errorText(e)),
        })}
      >
        <Button icon={<UploadOutlined />} loading={addFile.isPending} style={{ marginTop: 8 }} data-testid="case-file-upload">{t('transfer.cases.upload')}</Button>
      </Upload>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>{t('transfer.cases.uploadHint')}</Typography.Paragraph>
    </Card>
  );
}
