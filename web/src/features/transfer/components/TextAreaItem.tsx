// A multi-line text field of a demand or offer form.
import type { ReactNode } from 'react';
import { Form, Input } from 'antd';

export function TextAreaItem({ name, label, rows, extra }: { name: string; label: string; rows: number; extra?: ReactNode }) {
  return (
    <Form.Item name={name} label={label} extra={extra}>
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
}
