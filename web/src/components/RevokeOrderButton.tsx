import { App, Button } from 'antd';
import { useAbility } from '@casl/react';
import { useState } from 'react';
import { asOrder, type AppAbility } from '../access/ability';
import { errorText } from '../api/errors';
import { ordersApi } from '../api/orders';
import type { Order } from '../api/types';
import { ReasonModal } from './ReasonModal';

/** Ends an active order with a reason (its LAO admin or the province officer); nothing for anyone else. */
export function RevokeOrderButton({ order, onRevoked }: { order: Order; onRevoked(): Promise<void> }) {
  const ability = useAbility<AppAbility>();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (order.state !== 'active' || !ability.can('revoke', asOrder(order.laoCode, order.provinceCode)))
    return null;

  const revoke = async (reason: string): Promise<void> => {
    setBusy(true);
    try {
      await ordersApi.revoke(order.id, order.version, reason);
      message.success(`ยกเลิกคำสั่ง ${order.orderLabel} แล้ว สิทธิ์ของผู้ได้รับแต่งตั้งสิ้นสุดลง`);
      setOpen(false);
      await onRevoked();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        ยกเลิกคำสั่ง
      </Button>
      {open && (
        <ReasonModal
          title={`ยกเลิกคำสั่ง ${order.orderLabel}`}
          okText="ยกเลิกคำสั่ง"
          placeholder="เช่น ผู้ได้รับแต่งตั้งย้ายไปปฏิบัติราชการที่อื่น"
          busy={busy}
          onCancel={() => setOpen(false)}
          onSubmit={(reason) => void revoke(reason)}
        />
      )}
    </>
  );
}
