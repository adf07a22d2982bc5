import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Popconfirm, Space, Table, Typography } from 'antd';
import { useAbility } from '@casl/react';
import { useEffect, useState } from 'react';
import { asOrder, type AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { reviewApi, type QueueFilters as Filters } from '../../api/review';
import type { BulkVerifyResult, Me, QueueItem } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { useLoad } from '../../lib/useLoad';
import { BulkResultModal } from './BulkResultModal';
import { QueueCards } from './QueueCards';
import { queueColumns } from './queue-columns';
import { QueueFilters } from './QueueFilters';

const VERIFIABLE_DOCS = new Set(['valid', 'needs_manual_check']);

/** The officer's work list: uploaded orders of the province, oldest first; open one or verify several. */
export function ReviewQueuePage({ me }: { me: Me }) {
  const [filters, setFilters] = useState<Filters>({});
  const state = useLoad(() => reviewApi.queue(filters), [JSON.stringify(filters)]);
  const [more, setMore] = useState<{ items: QueueItem[]; cursor: string | null }>({
    items: [],
    cursor: null,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [results, setResults] = useState<BulkVerifyResult[] | null>(null);
  const [busy, setBusy] = useState(false);
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md ?? true;

  useEffect(() => {
    setMore({ items: [], cursor: state.data?.nextCursor ?? null });
    setSelected([]);
  }, [state.data]);

  const items = [...(state.data?.items ?? []), ...more.items];
  const selectable = (item: QueueItem): boolean =>
    !!item.document &&
    VERIFIABLE_DOCS.has(item.document.state) &&
    ability.can('verify', asOrder(item.laoCode, item.provinceCode));

  const loadMore = async (): Promise<void> => {
    if (!more.cursor) return;
    try {
      const page = await reviewApi.queue({ ...filters, cursor: more.cursor });
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const bulkVerify = async (): Promise<void> => {
    const chosen = items.filter((i) => selected.includes(i.id) && i.document);
    setBusy(true);
    try {
      const res = await reviewApi.bulkVerify(
        chosen.map((i) => ({ id: i.id, version: i.version, documentSha256: i.document?.sha256 ?? '' })),
      );
      setResults(res.items);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="คิวตรวจสอบคำสั่งแต่งตั้ง"
        help={`คำสั่งที่ อปท. ในจังหวัดส่งมาให้ตรวจสอบ เรียงจากที่ส่งก่อน${me.provinceCode ? ` (จังหวัดรหัส ${me.provinceCode})` : ''}`}
        extra={
          <Space wrap>
            {/* New uploads arrive while the page is open (the bell tells): load the queue again. */}
            <Button
              icon={<ReloadOutlined />}
              loading={state.loading && state.data !== undefined}
              onClick={() => void state.reload()}
            >
              รีเฟรช
            </Button>
            {selected.length > 0 && (
              <Popconfirm
                title={`ยืนยันว่าคำสั่ง ${selected.length} รายการผ่านการตรวจสอบ?`}
                description="ท่านได้ตรวจเอกสารของทุกรายการที่เลือกแล้ว"
                okText="ยืนยัน"
                cancelText="ยกเลิก"
                onConfirm={bulkVerify}
              >
                <Button type="primary" icon={<CheckOutlined />} loading={busy}>
                  ผ่านการตรวจสอบ ({selected.length} รายการ)
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Card className="block-gap">
        <QueueFilters value={filters} onChange={setFilters} />
      </Card>
      <Loadable state={state}>
        {() =>
          items.length === 0 ? (
            <Card>
              <EmptyState
                title={
                  Object.keys(filters).some((k) => filters[k as keyof Filters] !== undefined)
                    ? 'ไม่มีคำสั่งที่ตรงกับตัวกรอง ลองล้างตัวกรอง'
                    : 'ไม่มีคำสั่งรอตรวจสอบ เมื่อ อปท. ส่งคำสั่งแต่งตั้ง ระบบจะแจ้งเตือนท่าน'
                }
              />
            </Card>
          ) : (
            <Card>
              <Typography.Paragraph type="secondary" className="small-text">
                ทั้งหมด {items.length} รายการ{more.cursor ? '+' : ''} · เลือกหลายรายการเพื่อยืนยันผ่านการตรวจสอบพร้อมกัน
              </Typography.Paragraph>
              {wide ? (
                <Table<QueueItem>
                  rowKey="id"
                  dataSource={items}
                  columns={queueColumns}
                  pagination={false}
                  rowSelection={{
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (item) => ({
                      disabled: !selectable(item),
                      'aria-label': `เลือก ${item.orderLabel} ${item.laoName}`,
                    }),
                  }}
                />
              ) : (
                <QueueCards
                  items={items}
                  selected={selected}
                  onSelect={setSelected}
                  selectable={selectable}
                />
              )}
              {more.cursor && (
                <Button block className="block-gap-top" onClick={() => void loadMore()}>
                  แสดงเพิ่มเติม
                </Button>
              )}
            </Card>
          )
        }
      </Loadable>
      {results && (
        <BulkResultModal
          results={results}
          items={items}
          onClose={() => {
            setResults(null);
            void state.reload();
          }}
        />
      )}
    </>
  );
}
