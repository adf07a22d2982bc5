import { Checkbox, Input, Select, Space } from 'antd';
import type { QueueFilters as Filters } from '../../api/review';
import type { Province } from '../../api/types';

/** Search, LAO, province (DLA only), findings and overdue: each change reloads the queue. */
export function QueueFilters({
  value,
  onChange,
  provinces,
}: {
  value: Filters;
  onChange(next: Filters): void;
  provinces?: Province[];
}) {
  return (
    <Space wrap className="queue-filters" size={[12, 8]}>
      <Input.Search
        aria-label="ค้นหาชื่อ อปท. เลขที่คำสั่ง หรือชื่อผู้ได้รับแต่งตั้ง"
        placeholder="ค้นหา อปท. / เลขที่ / ชื่อ"
        allowClear
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 260 }}
      />
      <Input
        aria-label="รหัส อปท. 7 หลัก"
        placeholder="รหัส อปท."
        inputMode="numeric"
        maxLength={7}
        allowClear
        style={{ width: 130 }}
        onChange={(e) => {
          const lao = e.target.value.trim();
          if (lao === '' || /^\d{7}$/.test(lao)) onChange({ ...value, lao: lao || undefined });
        }}
      />
      {provinces && (
        <Select
          aria-label="จังหวัด"
          placeholder="ทุกจังหวัด"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 200 }}
          value={value.province}
          onChange={(province?: string) => onChange({ ...value, province })}
          options={provinces.map((p) => ({ value: p.code, label: p.nameTh }))}
        />
      )}
      <Checkbox
        checked={!!value.findings}
        onChange={(e) => onChange({ ...value, findings: e.target.checked || undefined })}
      >
        เฉพาะที่มีข้อสังเกต
      </Checkbox>
      <Checkbox
        checked={!!value.overdue}
        onChange={(e) => onChange({ ...value, overdue: e.target.checked || undefined })}
      >
        เฉพาะที่เกินกำหนด
      </Checkbox>
    </Space>
  );
}
