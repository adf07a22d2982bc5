import { App } from 'antd';
import { useState } from 'react';
import { accountsApi } from '../../api/accounts';
import { errorText } from '../../api/errors';
import { ordersApi } from '../../api/orders';
import { PageHeader } from '../../components/PageHeader';
import { Loadable } from '../../components/States';
import { currentBuddhistYear, dayjs } from '../../lib/dates';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { draftGrantOf } from '../../lib/grants';
import { OrderForm, appointeeCandidates, toOrderInput, type OrderFormValues } from './OrderForm';

/** A new order: number (ที่ n/ปี พ.ศ.), dates and the appointees (draft grants), then the PDF on the next page. */
export function OrderCreatePage({ laoCode }: { laoCode: string }) {
  const state = useLoad(() => accountsApi.list(laoCode), [laoCode]);
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: OrderFormValues): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const order = await ordersApi.create(laoCode, toOrderInput(v));
      message.success(`สร้างคำสั่ง ${order.orderLabel} แล้ว ขั้นต่อไป: อัปโหลดไฟล์ PDF`);
      navigate(`/orders/${order.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="สร้างคำสั่งแต่งตั้ง" help="กรอกข้อมูลให้ตรงกับคำสั่งที่ลงนามแล้ว ระบบจะตรวจเทียบกับข้อความในไฟล์ PDF" />
      <Loadable state={state}>
        {(page) => {
          const candidates = appointeeCandidates(page.items);
          return (
            <OrderForm
              initialValues={{
                orderNo: '',
                orderYear: String(currentBuddhistYear()),
                subject: 'แต่งตั้งผู้ดูแลระบบและเจ้าหน้าที่ผู้ปฏิบัติงานระบบ Digital DLA',
                signedDate: dayjs(),
                effectiveDate: dayjs(),
                grantIds: candidates.map((a) => draftGrantOf(a)?.id ?? ''),
              }}
              candidates={candidates}
              error={error}
              busy={busy}
              submitLabel="สร้างคำสั่ง"
              onSubmit={(v) => void submit(v)}
              onCancel={() => navigate('/orders')}
            />
          );
        }}
      </Loadable>
    </>
  );
}
