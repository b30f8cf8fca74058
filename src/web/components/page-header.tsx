import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title, one line of what the page is for, and the page's main actions on the right. */
export function PageHeader({ title, subtitle, extra }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode }) {
  return (
    <div className="gd-page-header">
      <div className="gd-page-title">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div className="gd-page-extra">{extra}</div>}
    </div>
  );
}
