import { Card, Col, Progress, Row, Space, Table, Tag } from 'antd';
import { dashboardApi } from '../../api/review';
import { registryApi } from '../../api/registry';
import type { ReadinessReport } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { CsvExportButton, StageBars, TotalsCards } from '../../components/readiness';
import { EmptyState, Loadable } from '../../components/States';
import { thaiCollator } from '../../lib/labels';
import { useLoad } from '../../lib/useLoad';
import { ProvinceLaos } from './ProvinceLaos';
import { QueueDashboardLink } from './QueueDashboardLink';

type ProvinceRow = ReadinessReport['provinces'][number] & { phase1Province: boolean };

/** DLA's national view: readiness by province, phase-1 provinces marked; expand a province for its LAOs. */
export function NationalReadinessPage() {
  const state = useLoad(async () => {
    const [report, provinces] = await Promise.all([
      dashboardApi.readiness({ limit: 1 }),
      registryApi.provinces(),
    ]);
    const phase1 = new Set(provinces.items.filter((p) => p.phase1Target).map((p) => p.code));
    const rows: ProvinceRow[] = report.provinces
      .map((p) => ({ ...p, phase1Province: phase1.has(p.province.code) }))
      .sort(
        (a, b) =>
          Number(b.phase1Province) - Number(a.phase1Province) ||
          thaiCollator.compare(a.province.nameTh, b.province.nameTh),
      );
    return { totals: report.totals, rows };
  }, []);

  return (
    <>
      <PageHeader
        title="ความพร้อมระดับประเทศ"
        help="ความคืบหน้าการใช้งาน Digital DLA ของ อปท. รายจังหวัด (จังหวัดเป้าหมาย Phase 1 แสดงก่อน)"
        extra={
          <Space wrap>
            <QueueDashboardLink />
            <CsvExportButton />
          </Space>
        }
      />
      <Loadable state={state} rows={8}>
        {({ totals, rows }) => (
          <>
            <TotalsCards totals={totals} />
            <Row gutter={[16, 16]} className="block-gap">
              <Col xs={24} lg={12}>
                <StageBars title="อปท. ทั้งหมด" stages={totals.stages} total={totals.laos} />
              </Col>
              <Col xs={24} lg={12}>
                <StageBars
                  title="อปท. เป้าหมาย Phase 1"
                  stages={totals.phase1Stages}
                  total={totals.phase1Target}
                />
              </Col>
            </Row>
            <Card title="รายจังหวัด" size="small">
              <Table<ProvinceRow>
                rowKey={(r) => r.province.code}
                size="small"
                dataSource={rows}
                pagination={false}
                scroll={{ x: 560 }}
                locale={{
                  emptyText: <EmptyState title="ยังไม่มีข้อมูล อปท. นำเข้าทะเบียนที่หน้า “นำเข้าทะเบียน อปท.”" />,
                }}
                expandable={{
                  expandedRowRender: (r) => <ProvinceLaos province={r.province.code} />,
                  columnTitle: <span className="sr-only">ขยาย</span>,
                }}
                columns={[
                  {
                    title: 'จังหวัด',
                    key: 'province',
                    render: (_v, r) => (
                      <span>
                        {r.province.nameTh} {r.phase1Province && <Tag color="blue">Phase 1</Tag>}
                      </span>
                    ),
                  },
                  { title: 'อปท.', dataIndex: 'laos', width: 80 },
                  { title: 'เป้าหมาย Phase 1', dataIndex: 'phase1Target', width: 120, responsive: ['md'] },
                  {
                    title: 'ผ่านการตรวจ / เปิดบริการ',
                    key: 'done',
                    width: 240,
                    render: (_v, r) => {
                      const verified = r.stages.orders_verified + r.stages.services_open;
                      const percent = r.laos ? Math.round((verified / r.laos) * 100) : 0;
                      return (
                        <Progress
                          percent={percent}
                          success={{
                            percent: r.laos ? Math.round((r.stages.services_open / r.laos) * 100) : 0,
                          }}
                          format={() => `${verified}/${r.laos}`}
                          aria-label={`${r.province.nameTh} ผ่านการตรวจ ${verified} จาก ${r.laos}`}
                        />
                      );
                    },
                  },
                ]}
              />
            </Card>
          </>
        )}
      </Loadable>
    </>
  );
}
