import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Tag } from 'antd';
import { useAbility } from '@casl/react';
import { useEffect, useState } from 'react';
import { inLao, type AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { registryApi, type DivisionInput } from '../../api/registry';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { useLoad } from '../../lib/useLoad';

interface Row extends DivisionInput {
  key: string;
  active?: boolean;
}

/** สำนัก/กอง of the LAO: the whole list is saved at once, in display order. */
export function DivisionsPage({ laoCode }: { laoCode: string }) {
  const state = useLoad(() => registryApi.divisions(laoCode), [laoCode]);
  const ability = useAbility<AppAbility>();
  const canEdit = ability.can('update', inLao('Division', laoCode));
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (state.data)
      setRows(
        state.data.items.map((d) => ({
          key: d.id,
          id: d.id,
          nameTh: d.nameTh,
          nameEn: d.nameEn,
          active: d.active,
        })),
      );
  }, [state.data]);

  const update = (key: string, patch: Partial<Row>): void =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (index: number, by: number): void =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row);
      return next;
    });

  const save = async (): Promise<void> => {
    const items = rows.filter((r) => r.nameTh.trim());
    if (items.length === 0) {
      message.warning('ต้องมีสำนัก/กองอย่างน้อย 1 รายการ');
      return;
    }
    setSaving(true);
    try {
      state.setData(
        await registryApi.replaceDivisions(
          laoCode,
          items.map((r) => ({ id: r.id, nameTh: r.nameTh.trim(), nameEn: r.nameEn?.trim() || null })),
        ),
      );
      message.success('บันทึกสำนัก/กองแล้ว');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title="สำนัก/กอง"
        help="ส่วนราชการภายใน อปท. ใช้กำหนดหน่วยงานรับผิดชอบงานบริการและสังกัดของเจ้าหน้าที่"
        extra={
          canEdit && (
            <Button type="primary" onClick={() => void save()} loading={saving}>
              บันทึกทั้งหมด
            </Button>
          )
        }
      />
      <Loadable state={state}>
        {() => (
          <Card>
            {rows.length === 0 && <EmptyState title="ยังไม่มีสำนัก/กอง กด “เพิ่มสำนัก/กอง” เพื่อเริ่มต้น" />}
            <ol className="division-list">
              {rows.map((row, i) => (
                <li key={row.key} className="division-row">
                  <Input
                    aria-label={`ชื่อสำนัก/กอง ลำดับที่ ${i + 1}`}
                    value={row.nameTh}
                    disabled={!canEdit}
                    onChange={(e) => update(row.key, { nameTh: e.target.value })}
                  />
                  <Input
                    aria-label={`ชื่อภาษาอังกฤษ ลำดับที่ ${i + 1}`}
                    placeholder="English name (optional)"
                    value={row.nameEn ?? ''}
                    disabled={!canEdit}
                    onChange={(e) => update(row.key, { nameEn: e.target.value })}
                  />
                  {row.active === false && <Tag>ปิดใช้งาน</Tag>}
                  {canEdit && (
                    <Space.Compact>
                      <Button
                        aria-label="เลื่อนขึ้น"
                        icon={<ArrowUpOutlined />}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      />
                      <Button
                        aria-label="เลื่อนลง"
                        icon={<ArrowDownOutlined />}
                        disabled={i === rows.length - 1}
                        onClick={() => move(i, 1)}
                      />
                      <Button
                        aria-label={`ลบ ${row.nameTh}`}
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                      />
                    </Space.Compact>
                  )}
                </li>
              ))}
            </ol>
            {canEdit && (
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setRows((rs) => [...rs, { key: `new-${Date.now()}-${Math.random()}`, nameTh: '' }])
                }
              >
                เพิ่มสำนัก/กอง
              </Button>
            )}
          </Card>
        )}
      </Loadable>
    </>
  );
}
