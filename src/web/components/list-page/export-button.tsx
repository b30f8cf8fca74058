import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';

/**
 * A list's "Export to Excel": spins while `run` downloads, shows a failure as a message (the
 * list stays as it was). `run` may tell more itself (a truncated export, the row count).
 */
export function ExportButton({ run, label, disabled, testId }: { run: () => Promise<void>; label: string; disabled?: boolean; testId?: string }) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const click = async () => {
    setExporting(true);
    try {
      await run();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void click()} loading={exporting} disabled={disabled} data-testid={testId}>
      {label}
    </Button>
  );
}
