// The frame of a demand or offer page: a link back to the list, the item's card, an optional side column (quality,
// history, disclosure) and what goes below (the matches).
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Col, Row, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';

interface Props {
  back: { to: string; label: string };
  loading: boolean;
  title: ReactNode;
  extra: ReactNode;
  children: ReactNode;
  side?: ReactNode;
  below?: ReactNode;
}

export function ItemDetailLayout({ back, loading, title, extra, children, side, below }: Props) {
  const navigate = useNavigate();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(back.to)} style={{ paddingInline: 0 }}>
        {back.label}
      </Button>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card loading={loading} title={title} extra={extra}>
            {children}
          </Card>
        </Col>
        {side && (
          <Col xs={24} lg={8}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {side}
            </Space>
          </Col>
        )}
      </Row>
      {below}
    </Space>
  );
}
