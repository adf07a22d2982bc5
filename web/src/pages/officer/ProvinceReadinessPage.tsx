import { Card } from 'antd';
import { dashboardApi } from '../../api/review';
import type { Me } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ReadinessTable } from '../../components/ReadinessTable';
import { CsvExportButton, StageBars, TotalsCards } from '../../components/readiness';
import { EmptyState, Loadable } from '../../components/States';
import { useLoad } from '../../lib/useLoad';

/** The province officer's dashboard: where each LAO of the province stands. */
export function ProvinceReadinessPage({ me }: { me: Me }) {
  const province = me.provinceCode ?? undefined;
  const state = useLoad(async () => {
    // A province has at most a few hundred LAOs: read every page.
    const first = await dashboardApi.readiness({ province, limit: 200 });
    let cursor = first.nextCursor;
    const items = [...first.items];
    for (let i = 0; cursor && i < 20; i++) {
      const page = await dashboardApi.readiness({ province, limit: 200, cursor });
      items.push(...page.items);
      cursor = page.nextCursor;
    }
    return { ...first, items };
  }, [province]);
  return (
    <Loadable state={state} rows={8}>
      {(report) => (
        <>
          <PageHeader
            title={`ความพร้อมของ อปท. จังหวัด${report.provinces[0]?.province.nameTh ?? ''}`}
            help="ความคืบหน้าของแต่ละ อปท. ตั้งแต่สร้างผู้ดูแลระบบจนเปิดให้บริการประชาชน"
            extra={<CsvExportButton province={province} />}
          />
          <TotalsCards totals={report.totals} />
          <div className="block-gap">
            <StageBars
              title="จำนวน อปท. ในแต่ละขั้นตอน"
              stages={report.totals.stages}
              total={report.totals.laos}
            />
          </div>
          <Card title="รายละเอียดราย อปท." size="small">
            {report.items.length === 0 ? (
              <EmptyState title="ยังไม่มี อปท. ในจังหวัด ติดต่อ สถ. เพื่อนำเข้าทะเบียน" />
            ) : (
              <ReadinessTable items={report.items} />
            )}
          </Card>
        </>
      )}
    </Loadable>
  );
}
