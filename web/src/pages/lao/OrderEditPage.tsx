import { Alert, App } from 'antd';
import { useState } from 'react';
import { accountsApi } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';
import { PageHeader } from '../../components/PageHeader';
import { Loadable } from '../../components/States';
import { dayjs } from '../../lib/dates';
import { Link, navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { isProcessing } from './DocumentStatus';
import { OrderForm, appointeeCandidates, toOrderInput, type OrderFormValues } from './OrderForm';

const EDITABLE = new Set(['draft', 'returned']);

/** Corrects a draft or returned order before its PDF is uploaded again. */
export function OrderEditPage({ id, laoCode }: { id: string; laoCode: string }) {
  const state = useLoad(async () => {
    const [order, accounts] = await Promise.all([ordersApi.get(id), accountsApi.list(laoCode)]);
    return { order, accounts: accounts.items };
  }, [id, laoCode]);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <Loadable state={state}>
      {({ order, accounts }) => {
        const submit = async (v: OrderFormValues): Promise<void> => {
          setBusy(true);
          setError(null);
          try {
            const saved = await ordersApi.update(order.id, { ...toOrderInput(v), version: order.version });
            message.success(`บันทึกการแก้ไขคำสั่ง ${saved.orderLabel} แล้ว ขั้นต่อไป: อัปโหลดไฟล์ PDF ที่ถูกต้อง`);
            navigate(`/orders/${order.id}`);
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        };
        const header = (
          <PageHeader
            title={`แก้ไขคำสั่ง ${order.orderLabel}`}
            help={<Link to={`/orders/${order.id}`}>← กลับไปหน้าคำสั่ง</Link>}
          />
        );
        if (!EDITABLE.has(order.state) || isProcessing(order))
          return (
            <>
              {header}
              <Alert
                type="info"
                showIcon
                title={
                  isProcessing(order)
                    ? 'ระบบกำลังตรวจไฟล์ PDF ของคำสั่งนี้ (The PDF is being checked)'
                    : 'คำสั่งนี้แก้ไขไม่ได้แล้ว (This order can no longer be edited)'
                }
                description={
                  isProcessing(order)
                    ? 'รอผลการตรวจไฟล์ก่อน แล้วจึงแก้ไขข้อมูลคำสั่ง'
                    : 'แก้ไขได้เฉพาะคำสั่งที่ยังเป็นร่างหรือถูกส่งกลับให้แก้ไข หากคำสั่งรอตรวจสอบอยู่ ให้ถอนคำสั่งก่อน'
                }
              />
            </>
          );
        return (
          <>
            {header}
            <OrderForm
              initialValues={{
                orderNo: String(order.orderNo),
                orderYear: String(order.orderYear),
                subject: order.subject,
                signedDate: dayjs(order.signedDate),
                effectiveDate: dayjs(order.effectiveDate),
                grantIds: (order.grants ?? []).map((g) => g.id),
              }}
              candidates={appointeeCandidates(accounts, order.id)}
              error={error}
              busy={busy}
              submitLabel="บันทึกการแก้ไข"
              onSubmit={(v) => void submit(v)}
              onCancel={() => navigate(`/orders/${order.id}`)}
            />
          </>
        );
      }}
    </Loadable>
  );
}
