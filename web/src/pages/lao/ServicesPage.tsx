import { App, Button, Card, Switch, Table, Tooltip, Typography } from 'antd';
import { useAbility } from '@casl/react';
import { useState } from 'react';
import { inLao, type AppAbility } from '../../access/ability';
import { errorText } from '../../api/errors';
import { registryApi, type ServicePatch } from '../../api/registry';
import type { Division, LaoService } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, Loadable } from '../../components/States';
import { useLoad } from '../../lib/useLoad';
import { ServiceSettingsModal } from './ServiceSettingsModal';

const baht = new Intl.NumberFormat('th-TH', { style: 'currency', currency: 'THB' });

/** ระบบจัดการงานบริการ: which citizen services the LAO runs, opens, charges and who is responsible. */
export function ServicesPage({ laoCode }: { laoCode: string }) {
  const state = useLoad(async () => {
    const [services, divisions] = await Promise.all([
      registryApi.services(laoCode),
      registryApi.divisions(laoCode),
    ]);
    return { services: services.items, divisions: divisions.items };
  }, [laoCode]);
  const ability = useAbility<AppAbility>();
  const canEdit = ability.can('update', inLao('LaoService', laoCode));
  const canPublish = ability.can('publish', inLao('LaoService', laoCode));
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [editing, setEditing] = useState<LaoService | null>(null);

  const apply = async (key: string, patch: ServicePatch): Promise<boolean> => {
    setBusy(key);
    try {
      const saved = await registryApi.updateService(laoCode, key, patch);
      if (state.data)
        state.setData({
          ...state.data,
          services: state.data.services.map((s) => (s.serviceKey === key ? saved : s)),
        });
      message.success(`บันทึก “${saved.nameTh}” แล้ว`);
      return true;
    } catch (e) {
      message.error(errorText(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title="ระบบจัดการงานบริการ"
        help="เปิดใช้งานบริการที่ อปท. ให้บริการ กำหนดค่าธรรมเนียม สำนัก/กองที่รับผิดชอบ และระยะเวลาดำเนินการ"
      />
      {!canPublish && canEdit && (
        <Typography.Paragraph type="secondary">
          การเปิดให้บริการประชาชนทำได้หลังจากคำสั่งแต่งตั้งผู้ดูแลระบบผ่านการตรวจสอบแล้ว ระหว่างนี้เปิดใช้งานและตั้งค่าไว้ล่วงหน้าได้
        </Typography.Paragraph>
      )}
      <Loadable state={state}>
        {({ services, divisions }) => (
          <Card>
            <Table<LaoService>
              rowKey="serviceKey"
              dataSource={services}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: <EmptyState title="ยังไม่มีงานบริการในระบบ กรุณาติดต่อ สถ." /> }}
              columns={columns({ canEdit, canPublish, busy, divisions, apply, edit: setEditing })}
            />
          </Card>
        )}
      </Loadable>
      {editing && state.data && (
        <ServiceSettingsModal
          service={editing}
          divisions={state.data.divisions}
          onCancel={() => setEditing(null)}
          onSave={async (patch) => {
            if (await apply(editing.serviceKey, patch)) setEditing(null);
          }}
        />
      )}
    </>
  );
}

function columns(ctx: {
  canEdit: boolean;
  canPublish: boolean;
  busy: string | null;
  divisions: Division[];
  apply(key: string, patch: ServicePatch): Promise<boolean>;
  edit(s: LaoService): void;
}) {
  return [
    {
      title: 'งานบริการ',
      key: 'name',
      render: (_: unknown, s: LaoService) => (
        <div>
          <div>{s.nameTh}</div>
          <Typography.Text type="secondary" className="small-text">
            {s.nameEn}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: 'เปิดใช้งาน',
      key: 'enabled',
      width: 110,
      render: (_: unknown, s: LaoService) => (
        <Switch
          checked={s.enabled}
          disabled={!ctx.canEdit || (s.open && s.enabled)}
          loading={ctx.busy === s.serviceKey}
          aria-label={`เปิดใช้งาน ${s.nameTh}`}
          onChange={(enabled) => void ctx.apply(s.serviceKey, { enabled })}
        />
      ),
    },
    {
      title: 'เปิดให้บริการประชาชน',
      key: 'open',
      width: 150,
      render: (_: unknown, s: LaoService) => {
        const allowed = ctx.canEdit && s.enabled && (ctx.canPublish || s.open);
        const hint = !s.enabled
          ? 'เปิดใช้งานบริการก่อน'
          : !ctx.canPublish
            ? 'รอคำสั่งแต่งตั้งผู้ดูแลระบบผ่านการตรวจสอบ'
            : '';
        return (
          <Tooltip title={allowed ? '' : hint}>
            <Switch
              checked={s.open}
              disabled={!allowed}
              loading={ctx.busy === s.serviceKey}
              aria-label={`เปิดให้บริการประชาชน ${s.nameTh}`}
              onChange={(open) => void ctx.apply(s.serviceKey, { open })}
            />
          </Tooltip>
        );
      },
    },
    {
      title: 'ค่าธรรมเนียม',
      key: 'fee',
      width: 120,
      render: (_: unknown, s: LaoService) => (s.fee === null ? 'ไม่มี' : baht.format(s.fee)),
    },
    {
      title: 'สำนัก/กองที่รับผิดชอบ',
      key: 'division',
      width: 190,
      render: (_: unknown, s: LaoService) =>
        s.division?.nameTh ?? <Typography.Text type="secondary">ยังไม่กำหนด</Typography.Text>,
    },
    { title: 'ระยะเวลา', key: 'sla', width: 90, render: (_: unknown, s: LaoService) => `${s.slaDays} วัน` },
    {
      title: <span className="sr-only">การจัดการ</span>,
      key: 'actions',
      width: 100,
      // Stays in view while the table scrolls sideways (tablets).
      fixed: 'right' as const,
      render: (_: unknown, s: LaoService) =>
        ctx.canEdit && (
          <Button size="small" onClick={() => ctx.edit(s)} aria-label={`ตั้งค่า ${s.nameTh}`}>
            ตั้งค่า
          </Button>
        ),
    },
  ];
}
