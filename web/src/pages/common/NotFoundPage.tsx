import { Button, Result } from 'antd';
import { navigate } from '../../lib/router';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="ไม่พบหน้านี้"
      subTitle="หน้าที่ท่านเปิดไม่มีอยู่ หรือท่านไม่มีสิทธิ์เข้าถึง"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          กลับหน้าหลัก
        </Button>
      }
    />
  );
}
