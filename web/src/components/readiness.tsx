import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Progress, Row, Statistic, Tag } from 'antd';
import { useId, useState } from 'react';
import { errorText } from '../api/errors';
import { dashboardApi } from '../api/review';
import type { ReadinessStage, ReadinessTotals } from '../api/types';
import { saveBlob } from '../lib/download';

export const STAGES: { key: ReadinessStage; label: string; color: string }[] = [
  // Dark enough for white text (WCAG AA) on the solid stage tags.
  { key: 'no_admin', label: 'ยังไม่มีผู้ดูแลระบบ', color: '#6b6b6b' },
  { key: 'admin_invited', label: 'สร้างบัญชีผู้ดูแลระบบแล้ว', color: '#0958d9' },
  { key: 'admin_active', label: 'ผู้ดูแลระบบเข้าใช้งานแล้ว', color: '#10239e' },
  { key: 'staff_granted', label: 'เพิ่มเจ้าหน้าที่แล้ว', color: '#531dab' },
  { key: 'orders_verified', label: 'คำสั่งแต่งตั้งผ่านการตรวจสอบ', color: '#006d75' },
  { key: 'services_open', label: 'เปิดให้บริการประชาชนแล้ว', color: '#237804' },
];

export const stageTag = (stage: ReadinessStage) => {
  const s = STAGES.find((x) => x.key === stage);
  return (
    <Tag color={s?.color} variant="solid">
      {s?.label ?? stage}
    </Tag>
  );
};

/** LAOs at each stage as horizontal bars (antd Progress; no chart library). */
export function StageBars({
  stages,
  total,
  title,
}: {
  stages: Record<ReadinessStage, number>;
  total: number;
  title: string;
}) {
  const id = useId();
  return (
    <Card title={title} size="small" className="stage-bars">
      {STAGES.map((s) => {
        const count = stages[s.key] ?? 0;
        const percent = total ? Math.round((count / total) * 100) : 0;
        return (
          <div key={s.key} className="stage-bar">
            <span className="stage-bar-label" id={`${id}-${s.key}`}>
              {s.label}
            </span>
            <Progress
              percent={percent}
              strokeColor={s.color}
              format={() => `${count.toLocaleString('th-TH')} (${percent}%)`}
              aria-labelledby={`${id}-${s.key}`}
            />
          </div>
        );
      })}
    </Card>
  );
}

export function TotalsCards({ totals }: { totals: ReadinessTotals }) {
  const items = [
    { title: 'อปท. ทั้งหมด', value: totals.laos },
    { title: 'เป้าหมาย Phase 1', value: totals.phase1Target },
    { title: 'กรอกข้อมูล อปท. ครบ', value: totals.detailsComplete },
    { title: 'เปิดให้บริการแล้ว', value: totals.stages.services_open },
  ];
  return (
    <Row gutter={[12, 12]} className="block-gap">
      {items.map((i) => (
        <Col key={i.title} xs={12} md={6}>
          <Card size="small">
            <Statistic title={i.title} value={i.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** The CSV export (UTF-8 with BOM), fetched with the bearer token and saved as a file. */
export function CsvExportButton({ province }: { province?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    setBusy(true);
    try {
      saveBlob(await dashboardApi.readinessCsv(province), `readiness${province ? `-${province}` : ''}.csv`);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void save()}>
      ส่งออก CSV
    </Button>
  );
}
